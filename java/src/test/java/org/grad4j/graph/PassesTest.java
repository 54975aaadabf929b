package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Each pass on small graphs, against the graph it should make, written out node by node. */
class PassesTest {
    private static final Attributes NONE = Attributes.of();

    /** A graph one node a line, then its outputs: what the pass tests compare. */
    static String listing(Graph g) {
        List<String> lines = new ArrayList<>();
        g.nodes().forEach(n -> lines.add(n.toString()));
        lines.add("return " + g.outputs());
        return String.join("\n", lines);
    }

    @Test
    void deadCodeEliminationKeepsInputsAndWhatTheOutputsNeed() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 3);
        Value unusedInput = b.input("y", 2);
        Value w = b.parameter("w", 3);
        b.parameter("unused", 4);
        b.constant("c", Tensor.ones(3));
        Value kept = b.op("mul", NONE, b.op("exp", NONE, x), w);
        b.op("log", NONE, kept);
        Graph g = b.build(kept);
        assertEquals(
                String.join(
                        "\n",
                        "%0 = input x",
                        "%1 = input y",
                        "%2 = parameter w",
                        "%3 = exp(%0)",
                        "%4 = mul(%3, %2)",
                        "return [%4]"),
                listing(Passes.DEAD_CODE_ELIMINATION.apply(g)));
        assertEquals(2, Passes.DEAD_CODE_ELIMINATION.apply(g).inputs().size(), unusedInput + " stays an input");
        Graph clean = Passes.DEAD_CODE_ELIMINATION.apply(g);
        assertSame(clean, Passes.DEAD_CODE_ELIMINATION.apply(clean), "nothing to do: the same graph");
    }

    @Test
    void commonSubexpressionsAndEqualConstantsAreComputedOnce() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2, 3);
        Value a = b.op("exp", NONE, x);
        Value a2 = b.op("exp", NONE, x);
        Value c1 = b.constant("c1", Tensor.full(2f, 3));
        Value c2 = b.constant("c2", Tensor.full(2f, 3));
        Value s0 = b.op("sum", NONE.with("dims", new int[] {0}).with("keepDim", false), a);
        Value s1 = b.op("sum", NONE.with("dims", new int[] {1}).with("keepDim", false), a2);
        Value y = b.op("add", NONE, b.op("mul", NONE, a, c1), b.op("mul", NONE, a2, c2));
        Graph g = b.build(y, s0, s1);
        assertEquals(
                String.join(
                        "\n",
                        "%0 = input x",
                        "%1 = exp(%0)",
                        "%2 = constant c1",
                        "%3 = sum(%1; dims=[0], keepDim=false)",
                        "%4 = sum(%1; dims=[1], keepDim=false)",
                        "%5 = mul(%1, %2)",
                        "%6 = add(%5, %5)",
                        "return [%6, %3, %4]"),
                listing(Passes.COMMON_SUBEXPRESSION_ELIMINATION.apply(g)));
    }

    @Test
    void opsOnConstantsAreComputedOnce() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2);
        Value c1 = b.constant("c1", Tensor.of(new float[] {1, 2}));
        Value c2 = b.constant("c2", Tensor.of(new float[] {3, 4}));
        Value y = b.op("mul", NONE, x, b.op("exp", NONE, b.op("add", NONE, c1, c2)));
        Graph g = Passes.DEAD_CODE_ELIMINATION.apply(Passes.CONSTANT_FOLDING.apply(b.build(y)));
        assertEquals(
                String.join("\n", "%0 = input x", "%1 = constant folded1", "%2 = mul(%0, %1)", "return [%2]"),
                listing(g));
        assertArrayEquals(
                new float[] {(float) Math.exp(4), 2 * (float) Math.exp(6)},
                g.run(Tensor.of(new float[] {1, 2}))[0].toArray(),
                1e-4f);
    }

    @Test
    void aLargeResultOfSmallConstantsStaysAnOp() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 512, 512);
        Value big = b.op("expand", NONE.with("sizes", new int[] {512, 512}), b.constant("c", Tensor.ones(1)));
        Graph g = b.build(b.op("add", NONE, x, big));
        assertSame(g, Passes.CONSTANT_FOLDING.apply(g));
    }

    @Test
    void opsThatReturnAnInputUnchangedAreRemoved() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 2, 3);
        Value zero = b.constant("zero", Tensor.scalar(0));
        Value ones = b.constant("ones", Tensor.ones(2, 3));
        Value onesWider = b.constant("wider", Tensor.ones(4, 2, 3));
        Value t = b.op("add", NONE, x, zero);
        t = b.op("mul", NONE, ones, t);
        t = b.op("neg", NONE, b.op("neg", NONE, t));
        t = b.op("reshape", NONE.with("shape", new int[] {2, 3}), t);
        t = b.op("permute", NONE.with("dims", new int[] {0, 1}), t);
        t = b.op(
                "permute",
                NONE.with("dims", new int[] {1, 0}),
                b.op("permute", NONE.with("dims", new int[] {-1, 0}), t));
        t = b.op("narrow", NONE.with("dim", 1).with("start", 0).with("length", 3), t);
        Value kept = b.op("mul", NONE, t, onesWider);
        Graph g = Passes.DEAD_CODE_ELIMINATION.apply(Passes.ALGEBRAIC_SIMPLIFICATION.apply(b.build(kept)));
        assertEquals(
                String.join("\n", "%0 = input x", "%1 = constant wider", "%2 = mul(%0, %1)", "return [%2]"),
                listing(g));
    }

    @Test
    void optimizeRunsThePassesToAFixedPointAndKeepsTheResults() {
        Tensor x = Tensor.randn(new org.grad4j.tensor.Generator(5), 2, 3);
        java.util.function.Function<Tensor[], Tensor[]> fn = in -> {
            Tensor a = in[0].mul(1f).add(0f).exp();
            Tensor b2 = in[0].mul(1f).add(0f).exp();
            Tensor unused = in[0].log();
            return new Tensor[] {a.add(b2).mul(Tensor.of(new float[] {1, 2, 3}).add(1f))};
        };
        Graph traced = Graph.trace(fn, x);
        List<String> changes = new ArrayList<>();
        Graph g = Passes.optimize(
                traced,
                (pass, result) ->
                        changes.add(pass.name() + " -> " + result.nodes().size()));
        assertEquals(
                String.join(
                        "\n",
                        "%0 = input input0",
                        "%1 = exp(%0)",
                        "%2 = add(%1, %1)",
                        "%3 = constant folded0",
                        "%4 = mul(%2, %3)",
                        "return [%4]"),
                listing(g),
                "after " + changes);
        assertArrayEquals(fn.apply(new Tensor[] {x})[0].toArray(), g.run(x)[0].toArray());
    }
}
