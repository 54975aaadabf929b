package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The ops that backward passes are made of, rebuilt as a graph rebuilds them (no forward state):
 * known values on the current backend, and inputs of wrong shapes refused with a message naming
 * the op and the shapes. Their gradients are checked through the ops they differentiate
 * ({@link OpSpecTest}, {@link TracedOpsTest}).
 */
class DerivativeOpsTest {
    private static Tensor run(String op, Attributes a, Tensor... in) {
        return OpRegistry.create(op, a).apply(in);
    }

    private static void refused(String op, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, op);
        assertTrue(e.getMessage().startsWith(op + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("["), "names the shapes: " + e.getMessage());
    }

    private static Tensor t(float... v) {
        return Tensor.of(v);
    }

    @Test
    void knownValues() {
        Attributes none = Attributes.of();
        assertArrayEquals(
                new float[] {0, 5, 0},
                run("reluBackward", none, t(-1, 2, 0), t(4, 5, 6)).toArray());
        assertArrayEquals(
                new float[] {0, 7, 0, 8, 0},
                run(
                                "sliceBackward",
                                none.with("shape", new int[] {5})
                                        .with("dim", 0)
                                        .with("start", 1)
                                        .with("step", 2),
                                t(7, 8))
                        .toArray());
        assertArrayEquals(
                new float[] {1, 0, 5},
                run("gatherBackward", none.with("shape", new int[] {3}).with("dim", 0), t(2, 3, 1), t(2, 2, 0))
                        .toArray());
        assertArrayEquals(
                new float[] {0, 3},
                run("maxBackward", none.with("dim", 0), t(1, 4), t(3)).toArray());
        Attributes pool = none.with("kernel", new int[] {2, 2})
                .with("stride", new int[] {2, 2})
                .with("padding", new int[] {0, 0});
        assertArrayEquals(
                new float[] {1, 1, 1, 1},
                run("avgPool2dBackward", pool.with("shape", new int[] {1, 1, 2, 2}), Tensor.full(4f, 1, 1, 1, 1))
                        .toArray());
        float[] ce = run("crossEntropyBackward", none, Tensor.zeros(1, 2), t(1), t(1))
                .toArray();
        assertArrayEquals(new float[] {0.5f, -0.5f}, ce, 1e-6f);
        assertArrayEquals(
                new float[] {-1, 0, 1},
                run("sign", none.with("alpha", 0f).with("beta", 0f), t(-3, 0, 2))
                        .toArray());
    }

    @Test
    void wrongShapesAreRefusedNamingTheOp() {
        Attributes none = Attributes.of();
        refused("crossEntropyBackward", () -> run("crossEntropyBackward", none, Tensor.zeros(2, 3), t(0), t(1, 1)));
        refused(
                "sliceBackward",
                () -> run(
                        "sliceBackward",
                        none.with("shape", new int[] {5})
                                .with("dim", 0)
                                .with("start", 3)
                                .with("step", 2),
                        t(1, 2)));
        refused(
                "gatherBackward",
                () -> run("gatherBackward", none.with("shape", new int[] {3}).with("dim", 0), t(1, 2), t(0, 1, 2)));
        refused(
                "indexSelectBackward",
                () -> run(
                        "indexSelectBackward",
                        none.with("shape", new int[] {2, 3}).with("dim", 1),
                        Tensor.zeros(2, 3),
                        t(0, 1)));
        refused("maxBackward", () -> run("maxBackward", none.with("dim", 0), t(1, 4), t(3, 3)));
        Attributes pool = none.with("kernel", new int[] {2, 2})
                .with("stride", new int[] {2, 2})
                .with("padding", new int[] {0, 0});
        refused(
                "avgPool2dBackward",
                () -> run("avgPool2dBackward", pool.with("shape", new int[] {1, 1, 4, 4}), Tensor.zeros(1, 1, 1, 1)));
        refused(
                "maxPool2dBackward",
                () -> run(
                        "maxPool2dBackward",
                        pool.with("dilation", new int[] {1, 1}),
                        Tensor.zeros(1, 1, 4, 4),
                        Tensor.zeros(1, 1, 3, 2)));
        Attributes conv = none.with("stride", new int[] {1, 1})
                .with("padding", new int[] {0, 0})
                .with("dilation", new int[] {1, 1})
                .with("groups", 1);
        refused(
                "conv2dBackwardInput",
                () -> run(
                        "conv2dBackwardInput",
                        conv.with("shape", new int[] {1, 2, 5, 5}),
                        Tensor.zeros(1, 3, 2, 2),
                        Tensor.zeros(3, 2, 3, 3)));
        refused(
                "conv2dBackwardWeight",
                () -> run(
                        "conv2dBackwardWeight",
                        conv.with("shape", new int[] {3, 2, 3, 3}),
                        Tensor.zeros(1, 2, 5, 5),
                        Tensor.zeros(1, 4, 3, 3)));
        refused("softmaxBackward", () -> run("softmaxBackward", none.with("dim", 0), t(1, 2), t(1, 2, 3)));
    }
}
