package org.grad4j.graph;

/**
 * Trades compute for memory in a joint graph (see {@link Autodiff}), as activation checkpointing
 * does for eager code: of the forward results that the backward part reads, only those that end
 * one of {@code segments} equal stretches of the forward ops stay live; each other one is computed
 * again from the kept ones, right before the first backward op that reads it. The backward part
 * meets the stretches last first, so at its peak about one stretch is recomputed at a time: with
 * √n segments of n ops, O(√n) activations live instead of O(n), for about one more forward pass.
 * The graph then runs as one program (a compiled training step); a graph split into a forward and
 * a backward run would compute the recomputed values in its forward run.
 */
final class Rematerialization implements Pass {
    private final int segments;

    Rematerialization(int segments) {
        if (segments < 1) {
            throw new IllegalArgumentException("rematerialization: needs at least 1 segment, got " + segments);
        }
        this.segments = segments;
    }

    @Override
    public String name() {
        return "rematerialization (" + segments + " segments)";
    }

    @Override
    public Graph apply(Graph joint) {
        boolean[] forward = forwardOps(joint);
        int n = joint.nodes().size();
        boolean[] kept = new boolean[n];
        int forwardOps = 0;
        for (boolean f : forward) {
            forwardOps += f ? 1 : 0;
        }
        int position = 0;
        int lastSegment = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (!forward[i]) {
                kept[i] = true;
                continue;
            }
            // counted from the last forward op: segment k holds positions [k·ops/segments, (k+1)·ops/segments)
            int segment = (int) ((long) (forwardOps - 1 - position) * segments / forwardOps);
            kept[i] = segment != lastSegment;
            lastSegment = segment;
            position++;
        }
        for (Value out : joint.outputs()) {
            kept[out.id()] = true;
        }
        for (Value update : joint.updates().values()) {
            kept[update.id()] = true;
        }
        Rewrite r = new Rewrite(joint);
        Value[] recomputed = new Value[n];
        for (Node node : joint.nodes()) {
            if (forward[node.output().id()] || node.kind() != Node.Kind.OP) {
                r.copy(node);
                continue;
            }
            Value[] in = new Value[node.inputs().size()];
            for (int i = 0; i < in.length; i++) {
                Value v = node.inputs().get(i);
                in[i] = kept[v.id()] ? r.mapped(v) : recompute(joint, r, kept, recomputed, v);
            }
            r.map(
                    node.output(),
                    r.builder.op(node.target(), node.attributes(), node.output().shape(), in));
        }
        return java.util.Arrays.stream(recomputed).allMatch(java.util.Objects::isNull) ? joint : r.build();
    }

    /**
     * The op nodes the forward outputs and the state updates depend on: the joint graph's first
     * outputs, one per output gradient input ({@code gradOutput0}, ...). Ops that prepare the
     * backward without reading an output gradient (such as tanh's 1 − y²) are not among them.
     */
    private static boolean[] forwardOps(Graph joint) {
        int outputs = 0;
        for (Node node : joint.nodes()) {
            outputs += node.kind() == Node.Kind.INPUT && node.target().startsWith("gradOutput") ? 1 : 0;
        }
        boolean[] needed = new boolean[joint.nodes().size()];
        for (int i = 0; i < outputs; i++) {
            needed[joint.outputs().get(i).id()] = true;
        }
        for (Value update : joint.updates().values()) {
            needed[update.id()] = true;
        }
        for (int i = needed.length - 1; i >= 0; i--) {
            if (needed[i]) {
                for (Value in : joint.nodes().get(i).inputs()) {
                    needed[in.id()] = true;
                }
            }
        }
        for (int i = 0; i < needed.length; i++) {
            needed[i] &= joint.nodes().get(i).kind() == Node.Kind.OP;
        }
        return needed;
    }

    /** The value computed again from kept ones (and recomputed ones before it), made once. */
    private static Value recompute(Graph joint, Rewrite r, boolean[] kept, Value[] recomputed, Value v) {
        if (recomputed[v.id()] == null) {
            Node node = joint.producer(v);
            Value[] in = new Value[node.inputs().size()];
            for (int i = 0; i < in.length; i++) {
                Value u = node.inputs().get(i);
                in[i] = kept[u.id()] ? r.mapped(u) : recompute(joint, r, kept, recomputed, u);
            }
            recomputed[v.id()] =
                    r.builder.op(node.target(), node.attributes(), node.output().shape(), in);
        }
        return recomputed[v.id()];
    }
}
