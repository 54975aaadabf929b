package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.grad4j.nn.Linear;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Tanh;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The fusion passes on small graphs, against the graph each should make, and the same values from both. */
class FusionPassesTest {
    private static final Attributes NONE = Attributes.of();

    private static void sameValues(Graph expected, Graph actual, Tensor... inputs) {
        Tensor[] e = expected.run(inputs);
        Tensor[] a = actual.run(inputs);
        for (int i = 0; i < e.length; i++) {
            assertArrayEquals(e[i].toArray(), a[i].toArray(), 1e-6f, "output " + i);
        }
    }

    @Test
    void aChainOfElementwiseOpsBecomesOneProgram() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2, 3);
        Value g = b.input("g", 2, 3);
        Value bias = b.input("bias", 3);
        Value one = b.constant("one", Tensor.scalar(1f));
        Value s = b.op("sigmoid", NONE, b.op("add", NONE, x, bias));
        Value ds = b.op("mul", NONE, b.op("mul", NONE, s, b.op("sub", NONE, one, s)), g);
        Value clipped = b.op("clamp", NONE.with("min", -0.5f).with("max", 0.5f), ds);
        Value rows = b.op("sum", NONE.with("dims", new int[] {1}).with("keepDim", true), clipped);
        Value y = b.op("where", NONE, b.op("gt", NONE, x, one), b.op("mul", NONE, clipped, rows), one);
        Graph graph = b.build(y, s);
        Graph fused = Passes.ELEMENTWISE_FUSION.apply(graph);
        assertEquals(
                String.join(
                        "\n",
                        "%0 = input x",
                        "%1 = input g",
                        "%2 = input bias",
                        "%3 = constant one",
                        "%4 = elementwise(%0, %2; program=ElementwiseProgram(2 inputs, 3 registers:"
                                + " r2 = ADD(r0, r1); r0 = SIGMOID(r2)))",
                        "%5 = elementwise(%4, %1; program=ElementwiseProgram(2 inputs, 4 registers: r2 = SUB(1.0, r0);"
                                + " r3 = MUL(r0, r2); r0 = MUL(r3, r1); r1 = CLAMP(r0, -0.5, 0.5)))",
                        "%6 = sum(%5; dims=[1], keepDim=true)",
                        "%7 = elementwise(%0, %5, %6; program=ElementwiseProgram(3 inputs, 4 registers:"
                                + " r3 = GT(r0, 1.0); r0 = MUL(r1, r2); r1 = WHERE(r3, r0, 1.0)))",
                        "return [%7, %4]"),
                PassesTest.listing(fused));
        sameValues(
                graph,
                fused,
                Tensor.randn(new Generator(1), 2, 3).mul(2f),
                Tensor.randn(new Generator(2), 2, 3),
                Tensor.randn(new Generator(3), 3));
        assertSame(fused, Passes.ELEMENTWISE_FUSION.apply(fused), "nothing left to fuse: the same graph");
    }

    /** Rounding fuses with arithmetic: C's fmod x − trunc(x / y) · y (ONNX's Mod), then its floor and ceil. */
    @Test
    void roundingFusesWithArithmetic() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2, 3);
        Value y = b.input("y", 3);
        Value q = b.op("trunc", NONE, b.op("div", NONE, x, y));
        Value r = b.op("sub", NONE, x, b.op("mul", NONE, q, y));
        Graph graph = b.build(b.op("add", NONE, b.op("floor", NONE, r), b.op("ceil", NONE, r)));
        Graph fused = Passes.ELEMENTWISE_FUSION.apply(graph);
        assertEquals(
                String.join(
                        "\n",
                        "%0 = input x",
                        "%1 = input y",
                        "%2 = elementwise(%0, %1; program=ElementwiseProgram(2 inputs, 4 registers: r2 = DIV(r0, r1);"
                                + " r3 = TRUNC(r2); r2 = MUL(r3, r1); r1 = SUB(r0, r2); r0 = FLOOR(r1); r2 = CEIL(r1);"
                                + " r1 = ADD(r0, r2)))",
                        "return [%2]"),
                PassesTest.listing(fused));
        sameValues(
                graph,
                fused,
                Tensor.randn(new Generator(1), 2, 3).mul(10f),
                Tensor.of(new float[] {1.5f, -2f, 0.75f}, 3));
    }

    @Test
    void groupsKeepToFourInputs() {
        GraphBuilder b = new GraphBuilder();
        Value[] in = new Value[6];
        for (int i = 0; i < in.length; i++) {
            in[i] = b.input("x" + i, 4);
        }
        Value sum = in[0];
        for (int i = 1; i < in.length; i++) {
            sum = b.op("add", NONE, sum, in[i]);
        }
        Graph graph = b.build(sum);
        Graph fused = Passes.ELEMENTWISE_FUSION.apply(graph);
        assertEquals(
                String.join(
                        "\n",
                        "%0 = input x0",
                        "%1 = input x1",
                        "%2 = input x2",
                        "%3 = input x3",
                        "%4 = input x4",
                        "%5 = input x5",
                        "%6 = elementwise(%0, %1, %2; program=ElementwiseProgram(3 inputs, 4 registers:"
                                + " r3 = ADD(r0, r1); r0 = ADD(r3, r2)))",
                        "%7 = elementwise(%6, %3, %4, %5; program=ElementwiseProgram(4 inputs, 5 registers:"
                                + " r4 = ADD(r0, r1); r0 = ADD(r4, r2); r1 = ADD(r0, r3)))",
                        "return [%7]"),
                PassesTest.listing(fused));
        Tensor[] values = new Tensor[6];
        for (int i = 0; i < values.length; i++) {
            values[i] = Tensor.randn(new Generator(i), 4);
        }
        sameValues(graph, fused, values);
    }

    @Test
    void biasAndActivationFoldIntoTheGemmAndReluBackwardReadsTheOutput() {
        Sequential model = new Sequential(
                new Linear(3, 4, true, new Generator(1)),
                new ReLU(),
                new Linear(4, 2, true, new Generator(2)),
                new Tanh());
        Graph forward = Graph.trace(model, Tensor.zeros(5, 3));
        Graph joint = Passes.optimize(Autodiff.gradients(forward, List.of("0.weight", "0.bias")));
        Graph fused = Passes.EPILOGUE_FUSION.apply(joint);
        assertEquals(
                String.join(
                        "\n",
                        "%0 = input input0",
                        "%1 = input gradOutput0",
                        "%2 = parameter 0.weight",
                        "%3 = permute(%2; dims=[1, 0])",
                        "%4 = parameter 0.bias",
                        "%5 = matmulBias(%0, %3, %4; activation=LEAKY_RELU, alpha=0.0)",
                        "%6 = parameter 2.weight",
                        "%7 = permute(%6; dims=[1, 0])",
                        "%8 = parameter 2.bias",
                        "%9 = matmulBias(%5, %7, %8; activation=TANH, alpha=0.0)",
                        "%10 = mul(%9, %9)",
                        "%11 = neg(%10)",
                        "%12 = constant const0",
                        "%13 = add(%11, %12)",
                        "%14 = mul(%1, %13)",
                        "%15 = matmul(%14, %6)",
                        "%16 = reluBackward(%5, %15)",
                        "%17 = sum(%16; dims=[0], keepDim=true)",
                        "%18 = reshape(%17; shape=[4])",
                        "%19 = permute(%16; dims=[1, 0])",
                        "%20 = matmul(%19, %0)",
                        "return [%9, %20, %18]"),
                PassesTest.listing(fused));
        Tensor x = Tensor.randn(new Generator(3), 5, 3);
        Tensor gradOutput = Tensor.randn(new Generator(4), 5, 2);
        sameValues(joint, fused, x, gradOutput);
    }
}
