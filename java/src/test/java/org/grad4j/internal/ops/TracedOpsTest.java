package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.grad4j.graph.Autodiff;
import org.grad4j.graph.Graph;
import org.grad4j.graph.GraphBreakException;
import org.grad4j.graph.Node;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Every op sample of {@link OpSpecs}, traced into a graph and run from it: the same values and the
 * same input gradients as eager, bit for bit (the graph runs the same ops); each differentiable
 * sample whose op's backward is made of ops also differentiated symbolically ({@link Autodiff}),
 * its joint graph giving eager's gradients; and every op the registry can rebuild, but those the
 * fusion passes make, appears in some traced forward or backward.
 */
class TracedOpsTest {
    private static float[] weights(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) Math.cos(i + 0.5);
        }
        return w;
    }

    /** The output, then each input's gradient of sum(output · weights) where the sample is differentiable. */
    private static float[][] outcome(OpSpec.Sample s, Tensor out) {
        float[][] result = new float[s.inputs().length + 1][];
        result[0] = out.toArray();
        if (s.gradcheck() && out.requiresGrad() && out.numel() > 0) {
            for (Tensor in : s.inputs()) {
                in.setGrad(null);
            }
            out.mul(Tensor.of(weights(out.numel()), out.shape())).sum().backward();
            for (int i = 0; i < s.inputs().length; i++) {
                Tensor g = s.inputs()[i].grad();
                result[i + 1] = g == null ? null : g.toArray();
            }
        }
        return result;
    }

    @Test
    void everySampleRunsFromItsGraphAsItRunsEagerly() {
        Set<String> traced = new TreeSet<>();
        Set<String> untraceableBackward = new TreeSet<>();
        int samples = 0;
        int differentiated = 0;
        for (OpSpec spec : OpSpecs.all()) {
            for (OpSpec.Sample s : spec.samples) {
                String what = spec.name + " / " + s.label();
                Graph g = Graph.trace(in -> new Tensor[] {s.op().apply(in)}, s.inputs());
                for (Node n : g.nodes()) {
                    if (n.kind() == Node.Kind.OP) {
                        traced.add(n.target());
                    }
                }
                float[][] eager = outcome(s, s.op().apply(s.inputs()));
                float[][] fromGraph = outcome(s, g.run(s.inputs())[0]);
                for (int i = 0; i < eager.length; i++) {
                    assertArrayEquals(
                            eager[i], fromGraph[i], what + (i == 0 ? ": output" : ": gradient of input " + (i - 1)));
                }
                samples++;
                if (s.gradcheck() && eager[0].length > 0) {
                    Graph joint;
                    try {
                        joint = Autodiff.gradients(g);
                    } catch (GraphBreakException e) {
                        untraceableBackward.add(spec.name);
                        continue;
                    }
                    for (Node n : joint.nodes()) {
                        if (n.kind() == Node.Kind.OP) {
                            traced.add(n.target());
                        }
                    }
                    Tensor[] args = java.util.Arrays.copyOf(s.inputs(), s.inputs().length + 1);
                    args[args.length - 1] = Tensor.of(
                            weights(eager[0].length), g.outputs().get(0).shape());
                    Tensor[] out = joint.run(args);
                    for (int i = 0; i < s.inputs().length; i++) {
                        if (eager[i + 1] != null) {
                            assertArrayEquals(
                                    eager[i + 1], out[1 + i].toArray(), 1e-6f, what + ": graph gradient of input " + i);
                        }
                    }
                    differentiated++;
                }
            }
        }
        Set<String> missing = new TreeSet<>(OpRegistry.names());
        missing.removeAll(traced);
        missing.removeAll(OpRegistry.FUSED);
        assertEquals(Set.of(), missing, "ops no traced sample uses");
        assertTrue(samples > 100, samples + " samples");
        System.out.println("traced op samples: " + samples + " samples, " + traced.size() + " ops; " + differentiated
                + " differentiated through the graph; backward not made of ops yet: " + untraceableBackward);
    }
}
