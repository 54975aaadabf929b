package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** State updates on graphs built by hand: building, printing, passes, runs and compiled runs. */
class StateUpdateTest {
    private static final Attributes NONE = Attributes.of();

    /** count ← count + x; returns x · 2. */
    private static Graph counter(Tensor count) {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2);
        Value c = b.parameter("count", count);
        b.op("exp", NONE, x);
        b.update("count", b.op("add", NONE, c, x));
        return b.build(b.op("mul", NONE, x, b.constant("two", Tensor.full(2f, 2))));
    }

    @Test
    void updatesPrintAfterTheOutputsAndSurviveDeadCodeElimination() {
        Graph g = Passes.DEAD_CODE_ELIMINATION.apply(counter(Tensor.zeros(2)));
        assertEquals(
                String.join(
                        "\n",
                        "kind       value  target  args      shape",
                        "input      %0     x                 [2]",
                        "parameter  %1     count             [2]",
                        "op         %2     add     (%1, %0)  [2]",
                        "constant   %3     two               [2]",
                        "op         %4     mul     (%0, %3)  [2]",
                        "output            output  (%4)",
                        "update            count   (%2)",
                        ""),
                g.toString());
        assertTrue(g.toDot().contains("v2 -> update0;"), g.toDot());
        MemoryPlan plan = MemoryPlan.of(g);
        assertTrue(
                plan.offset(g.updates().get("count")) != plan.offset(g.outputs().get(0)), "both live to the end");
    }

    @Test
    void aWrittenParameterNoOneReadsStaysThroughTheWholePipeline() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2);
        b.parameter("flag", Tensor.zeros(1));
        b.update("flag", b.constant("one", Tensor.ones(1)));
        Graph g = Passes.optimize(Autodiff.gradients(b.build(b.op("neg", NONE, x))));
        assertEquals(java.util.List.of("flag"), g.parameterNames(), g.toString());
        assertEquals(Node.Kind.CONSTANT, g.producer(g.updates().get("flag")).kind(), g.toString());
    }

    @Test
    void aRunWritesTheBoundOrGivenTensorAfterComputingEveryOutput() {
        Tensor count = Tensor.zeros(2);
        Graph g = counter(count);
        Tensor x = Tensor.of(new float[] {1, 2});
        assertArrayEquals(new float[] {2, 4}, g.run(x)[0].toArray());
        g.run(x);
        assertArrayEquals(new float[] {2, 4}, count.toArray());
        Tensor other = Tensor.ones(2);
        g.run(Map.of("count", other), x);
        assertArrayEquals(new float[] {2, 3}, other.toArray());
        assertArrayEquals(new float[] {2, 4}, count.toArray(), "the bound tensor is not written when one is given");
    }

    @Test
    void anOutputThatSharesMemoryWithAWrittenParameterKeepsItsValueFromBeforeTheWrite() {
        Tensor state = Tensor.of(new float[] {5, 6});
        GraphBuilder b = new GraphBuilder();
        Value s = b.parameter("state", state);
        b.update("state", b.op("neg", NONE, s));
        Graph g = b.build(s);
        assertArrayEquals(new float[] {5, 6}, g.run()[0].toArray());
        assertArrayEquals(new float[] {-5, -6}, state.toArray());
    }

    @Test
    void aCompiledRunReadsTheParameterBeforeWritingIt() {
        Tensor count = Tensor.of(new float[] {10, 20});
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2);
        Value c = b.parameter("count", count);
        b.update("count", b.op("add", NONE, c, x));
        Graph g = b.build(b.op("mul", NONE, c, x), c);
        Program p = new Program(g, null);
        p.run(Tensor.of(new float[] {1, 2}));
        assertArrayEquals(new float[] {10, 40}, p.outputTensor(0).toArray());
        assertArrayEquals(new float[] {10, 20}, p.outputTensor(1).toArray(), "the value the run read");
        assertArrayEquals(new float[] {11, 22}, count.toArray());
        p.run(Tensor.of(new float[] {1, 2}));
        assertArrayEquals(new float[] {11, 44}, p.outputTensor(0).toArray());
        assertArrayEquals(new float[] {12, 24}, count.toArray());
    }

    @Test
    void badUpdatesNameTheParameter() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2);
        Value w = b.parameter("w", 2);
        b.update("w", x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.update("x", w));
        assertEquals("graph: update of 'x', which is not a parameter", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.update("w", w));
        assertEquals("graph: parameter 'w' is already updated, to %0", e.getMessage());
        GraphBuilder c = new GraphBuilder();
        Value v = c.parameter("v", 3);
        e = assertThrows(IllegalArgumentException.class, () -> c.update("v", x));
        assertEquals("graph: update of 'v' to %0, which is not a value of this builder", e.getMessage());
        Value small = c.input("small", 2);
        e = assertThrows(IllegalArgumentException.class, () -> c.update("v", small));
        assertEquals("graph: update of 'v' [3] to %1 of shape [2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Program(b.build(x), null));
        assertEquals("compile: the state update of 'w' writes a parameter bound to no tensor", e.getMessage());
        assertEquals(v, c.build(v).outputs().get(0));
    }
}
