package org.grad4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where each op result of a graph would live in one arena: every result is a buffer live from the
 * node that makes it to its last use (the graph's outputs and state updates to the end), a view
 * (reshape, permute, expand, narrow, slice, detach; not a reshape that must copy) shares its
 * source's buffer and keeps it live, and buffers are placed greedily, largest first, at the lowest
 * offset where no buffer live at the same time lies, as XLA's and TFLite's planners do. An
 * element-wise op writes its result in place of an input of the same shape that dies at it (the
 * two share a buffer). Inputs, parameters and constants, and views of them, are not placed: they
 * live outside the run.
 *
 * <pre>{@code
 * MemoryPlan plan = MemoryPlan.of(graph);
 * plan.arenaBytes();      // the arena the plan needs
 * plan.peakLiveBytes();   // the most bytes live at once: no plan can need less
 * plan.totalBytes();      // every result in a buffer of its own
 * }</pre>
 */
public final class MemoryPlan {
    private final long[] offset;
    private final long[] bytes;
    private final long arena;
    private final long peak;
    private final long total;

    private MemoryPlan(long[] offset, long[] bytes, long arena, long peak, long total) {
        this.offset = offset;
        this.bytes = bytes;
        this.arena = arena;
        this.peak = peak;
        this.total = total;
    }

    /** One buffer: its owner (the first value in it), size and live range of node positions. */
    private record Buffer(int owner, long bytes, int from, int to) {
        boolean overlapsInTime(Buffer o) {
            return from <= o.to && o.from <= to;
        }
    }

    /**
     * The plan for a graph.
     *
     * @param graph the graph
     * @return its plan
     */
    public static MemoryPlan of(Graph graph) {
        return of(graph, new boolean[graph.nodes().size()]);
    }

    /** The plan for a graph whose values marked {@code elsewhere} live outside the arena (in arrays of their own). */
    static MemoryPlan of(Graph graph, boolean[] elsewhere) {
        List<Node> nodes = graph.nodes();
        int n = nodes.size();
        int[] buffer = new int[n];
        Arrays.fill(buffer, -1);
        long[] size = new long[n];
        int[] lastUse = new int[n];
        Views.Layout[] layouts = Views.of(graph);
        for (int i = 0; i < n; i++) {
            lastUse[i] = i;
            for (Value in : nodes.get(i).inputs()) {
                lastUse[in.id()] = Math.max(lastUse[in.id()], i);
            }
        }
        for (Value out : graph.outputs()) {
            lastUse[out.id()] = n;
        }
        for (Value update : graph.updates().values()) {
            lastUse[update.id()] = n;
        }
        // the last use of anything in each buffer so far: a buffer whose values all die at a node is free after it
        int[] bufferEnd = new int[n];
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            if (node.kind() != Node.Kind.OP || elsewhere[i]) {
                continue;
            }
            if (layouts[i] != null) {
                // a view of an op result shares its buffer; a view of an input, parameter or constant needs none
                buffer[i] = buffer[layouts[i].root()];
            } else {
                int over = ElementwiseOps.canWriteOverInput(node) ? dyingInput(node, buffer, bufferEnd, layouts) : -1;
                buffer[i] = over >= 0 ? over : i;
                size[i] = 4L * numel(node.output().shape());
            }
            if (buffer[i] >= 0) {
                bufferEnd[buffer[i]] = Math.max(bufferEnd[buffer[i]], lastUse[i]);
            }
        }
        int[] from = new int[n];
        int[] to = new int[n];
        Arrays.fill(from, Integer.MAX_VALUE);
        Arrays.fill(to, -1);
        for (int i = 0; i < n; i++) {
            if (buffer[i] >= 0) {
                int b = buffer[i];
                from[b] = Math.min(from[b], i);
                to[b] = Math.max(to[b], lastUse[i]);
            }
        }
        List<Buffer> buffers = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (buffer[i] == i) {
                buffers.add(new Buffer(i, size[i], from[i], to[i]));
            }
            total += size[i];
        }
        long peak = 0;
        for (int t = 0; t <= n; t++) {
            long live = 0;
            for (Buffer b : buffers) {
                live += b.from <= t && t <= b.to ? b.bytes : 0;
            }
            peak = Math.max(peak, live);
        }
        buffers.sort(Comparator.comparingLong(Buffer::bytes).reversed().thenComparingInt(Buffer::owner));
        long[] offset = new long[n];
        Arrays.fill(offset, -1);
        List<Buffer> placed = new ArrayList<>();
        long arena = 0;
        for (Buffer b : buffers) {
            List<long[]> taken = new ArrayList<>();
            for (Buffer p : placed) {
                if (p.overlapsInTime(b)) {
                    taken.add(new long[] {offset[p.owner], offset[p.owner] + p.bytes});
                }
            }
            taken.sort(Comparator.comparingLong(r -> r[0]));
            long at = 0;
            for (long[] r : taken) {
                if (at + b.bytes <= r[0]) {
                    break;
                }
                at = Math.max(at, r[1]);
            }
            offset[b.owner] = at;
            arena = Math.max(arena, at + b.bytes);
            placed.add(b);
        }
        long[] valueOffset = new long[n];
        long[] valueBytes = new long[n];
        Arrays.fill(valueOffset, -1);
        for (int i = 0; i < n; i++) {
            if (buffer[i] >= 0) {
                valueOffset[i] = offset[buffer[i]];
                valueBytes[i] = size[buffer[i]];
            }
        }
        return new MemoryPlan(valueOffset, valueBytes, arena, peak, total);
    }

    /**
     * The buffer of an input that the element-wise node can write its output over: an op result (not
     * a view) of the output's shape, whose buffer nothing reads after this node; -1 when none.
     */
    private static int dyingInput(Node node, int[] buffer, int[] bufferEnd, Views.Layout[] layouts) {
        int at = node.output().id();
        for (Value in : node.inputs()) {
            int b = buffer[in.id()];
            if (b >= 0
                    && layouts[in.id()] == null
                    && bufferEnd[b] == at
                    && Arrays.equals(in.shape(), node.output().shape())) {
                return b;
            }
        }
        return -1;
    }

    private static long numel(int[] shape) {
        long e = 1;
        for (int s : shape) {
            e *= s;
        }
        return e;
    }

    /**
     * Where an op result's buffer starts in the arena (a view's: its source's), or -1 for an input,
     * parameter or constant.
     *
     * @param value a value of the planned graph
     * @return the byte offset, or -1
     */
    public long offset(Value value) {
        return offset[value.id()];
    }

    /**
     * The size of the buffer a value lives in (a view's: its source's), 0 for a value not placed.
     *
     * @param value a value of the planned graph
     * @return the bytes
     */
    public long bufferBytes(Value value) {
        return bytes[value.id()];
    }

    /**
     * The arena the plan needs.
     *
     * @return the bytes
     */
    public long arenaBytes() {
        return arena;
    }

    /**
     * The most bytes of op results live at one time: a lower bound for any plan, and what an
     * executor that frees each result right after its last use holds at its peak.
     *
     * @return the bytes
     */
    public long peakLiveBytes() {
        return peak;
    }

    /**
     * The bytes of all op results, each in a buffer of its own.
     *
     * @return the bytes
     */
    public long totalBytes() {
        return total;
    }
}
