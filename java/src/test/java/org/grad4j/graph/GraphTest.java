package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.grad4j.autograd.Context;
import org.grad4j.autograd.Function;
import org.grad4j.nn.Linear;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GraphTest {
    private static Sequential mlp() {
        Generator.manualSeed(3);
        return new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
    }

    @Test
    void aTracedModuleRunsAsItsForwardAndNamesItsParameters() {
        Sequential model = mlp();
        Tensor x = Tensor.randn(new Generator(1), 5, 4);
        Graph g = Graph.trace(model, x);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), g.parameterNames());
        assertEquals(1, g.inputs().size());
        assertArrayEquals(new int[] {5, 3}, g.outputs().get(0).shape());
        assertArrayEquals(model.forward(x).toArray(), g.run(x)[0].toArray());
    }

    @Test
    void gradientsFlowFromAGraphRunToTheBoundParameters() {
        Sequential model = mlp();
        Tensor x = Tensor.randn(new Generator(2), 5, 4);
        Graph g = Graph.trace(model, x);
        model.forward(x).square().sum().backward();
        float[] eager = model.namedParameters().get("0.weight").grad().toArray();
        model.zeroGrad();
        g.run(x)[0].square().sum().backward();
        assertArrayEquals(eager, model.namedParameters().get("0.weight").grad().toArray());
    }

    @Test
    void aRunSeesTheCurrentValuesOfBoundParametersAndTakesGivenOnes() {
        Tensor w = Tensor.of(new float[] {2}, 1).requiresGrad(true);
        Graph g = Graph.trace(in -> new Tensor[] {in[0].mul(w)}, Tensor.ones(3));
        assertEquals(List.of("param0"), g.parameterNames());
        w.detach().fill_(5);
        assertArrayEquals(new float[] {5, 5, 5}, g.run(Tensor.ones(3))[0].toArray());
        Tensor other = Tensor.of(new float[] {-1});
        assertArrayEquals(new float[] {-1, -1, -1}, g.run(Map.of("param0", other), Tensor.ones(3))[0].toArray());
    }

    @Test
    void tensorsCreatedInTheTracedCodeAreConstants() {
        Tensor shift = Tensor.of(new float[] {1, 2, 3});
        Graph g = Graph.trace(in -> new Tensor[] {in[0].add(shift).mul(2f)}, Tensor.zeros(3));
        long constants =
                g.nodes().stream().filter(n -> n.kind() == Node.Kind.CONSTANT).count();
        assertEquals(2, constants, g.toString());
        shift.fill_(100);
        assertArrayEquals(new float[] {2, 4, 6}, g.run(Tensor.zeros(3))[0].toArray(), "the values at trace time");
    }

    @Test
    void theListingHasOneNodePerLine() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2, 3);
        Value w = b.parameter("w", 3, 4);
        Value y = b.op("relu", Attributes.of(), b.op("matmul", Attributes.of(), x, w));
        Value s = b.op("sum", Attributes.of().with("dims", new int[] {1}).with("keepDim", false), y);
        Graph g = b.build(s);
        assertEquals(
                String.join(
                        "\n",
                        "kind       value  target  args                            shape",
                        "input      %0     x                                       [2, 3]",
                        "parameter  %1     w                                       [3, 4]",
                        "op         %2     matmul  (%0, %1)                        [2, 4]",
                        "op         %3     relu    (%2)                            [2, 4]",
                        "op         %4     sum     (%3) {dims=[1], keepDim=false}  [2]",
                        "output            output  (%4)",
                        ""),
                g.toString());
        String dot = g.toDot();
        assertTrue(dot.startsWith("digraph grad4j {"), dot);
        assertTrue(dot.contains("v0 -> v2;") && dot.contains("v1 -> v2;") && dot.contains("v4 -> out0;"), dot);
    }

    @Test
    void aHandBuiltGraphRunsWithItsParametersGiven() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2);
        Value w = b.parameter("w", 2);
        Graph g = b.build(b.op("mul", Attributes.of(), x, w));
        Tensor out = g.run(Map.of("w", Tensor.of(new float[] {3, 4})), Tensor.of(new float[] {1, 2}))[0];
        assertArrayEquals(new float[] {3, 8}, out.toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.run(Tensor.ones(2)));
        assertEquals("graph: parameter 'w' is neither given nor bound", e.getMessage());
    }

    @Test
    void aRunWithOtherShapesNamesTheSignature() {
        Graph g = Graph.trace(mlp(), Tensor.zeros(5, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.run(Tensor.zeros(6, 4)));
        assertEquals("graph: expects inputs [input0 [5, 4]], got [[6, 4]]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.run());
    }

    @Test
    void theBuilderRefusesValuesOfAnotherGraphUnknownOpsAndShapesTheOpRejects() {
        GraphBuilder other = new GraphBuilder();
        Value foreign = other.input("x", 2);
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2, 3);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> b.op("add", Attributes.of(), x, foreign));
        assertTrue(e.getMessage().contains("not a value of this builder"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.op("frobnicate", Attributes.of(), x));
        assertEquals("graph: no grad4j op is named 'frobnicate'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.op("matmul", Attributes.of(), x, x));
        assertTrue(e.getMessage().startsWith("matmul: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.op("softmax", Attributes.of(), x));
        assertTrue(e.getMessage().contains("attribute 'dim' is missing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.input("x", 1));
    }

    @Test
    void aHostReadInTracedCodeIsAGraphBreakNamingTheLine() {
        GraphBreakException e = assertThrows(
                GraphBreakException.class,
                () -> Graph.trace(in -> new Tensor[] {in[0].mul(in[0].sum().item())}, Tensor.ones(3)));
        assertEquals("item()", e.operation());
        assertTrue(e.callSite().startsWith("org.grad4j.graph.GraphTest."), e.callSite());
        assertTrue(e.callSite().contains("GraphTest.java:"), e.callSite());
        assertTrue(e.getMessage().startsWith("graph break: item() at org.grad4j.graph.GraphTest."), e.getMessage());
    }

    @Test
    void writesThroughViewsAndUserFunctionsBreakTheGraph() {
        GraphBreakException inPlace = assertThrows(
                GraphBreakException.class,
                () -> Graph.trace(
                        in -> new Tensor[] {in[0].exp().narrow(0, 0, 1).add_(1f)}, Tensor.ones(2)));
        assertEquals("add_", inPlace.operation());
        Function identity = new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].mul(1f);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor grad) {
                return new Tensor[] {grad};
            }
        };
        GraphBreakException user = assertThrows(
                GraphBreakException.class,
                () -> Graph.trace(in -> new Tensor[] {identity.apply(in[0])}, Tensor.ones(2)));
        assertTrue(user.getMessage().contains("user-defined Function"), user.getMessage());
    }

    @Test
    void opsInsideAnOpsForwardAreNotRecordedAndReadsThereAreAllowed() {
        Tensor target = Tensor.of(new float[] {0, 2});
        Graph g = Graph.trace(in -> new Tensor[] {in[0].crossEntropy(target)}, Tensor.randn(new Generator(4), 2, 3));
        List<String> ops = g.nodes().stream()
                .filter(n -> n.kind() == Node.Kind.OP)
                .map(Node::target)
                .toList();
        assertEquals("crossEntropy", ops.get(0), g.toString());
        assertEquals(1, ops.stream().filter(o -> o.equals("crossEntropy")).count(), g.toString());
        assertTrue(ops.size() <= 3, "crossEntropy, then the mean: " + ops);
    }

    @Test
    void detachIsADetachNodeNotAConstantFrozenAtTraceTime() {
        java.util.function.Function<Tensor[], Tensor[]> fn =
                in -> new Tensor[] {in[0].sub(in[0].sum().detach())};
        Tensor x = Tensor.ones(3).requiresGrad(true);
        Graph g = Graph.trace(fn, x);
        assertTrue(g.nodes().stream().anyMatch(n -> n.target().equals("detach")), g.toString());
        Tensor other = Tensor.of(new float[] {1, 2, 3});
        assertArrayEquals(new float[] {-5, -4, -3}, g.run(other)[0].toArray());
        Tensor[] joint = Autodiff.gradients(g).run(other, Tensor.ones(3));
        assertArrayEquals(new float[] {1, 1, 1}, joint[1].toArray(), "no gradient through the detached sum");
    }

    @Test
    void anOutputThatIsAnInputIsReturnedAsGiven() {
        Tensor x = Tensor.ones(2);
        Graph g = Graph.trace(in -> new Tensor[] {in[0], in[0].neg()}, x);
        Tensor y = Tensor.zeros(2);
        Tensor[] out = g.run(y);
        assertSame(y, out[0]);
        assertNotSame(y, out[1]);
    }
}
