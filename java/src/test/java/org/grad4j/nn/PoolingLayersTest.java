package org.grad4j.nn;

import static org.grad4j.nn.Layers.assertKeys;
import static org.grad4j.nn.Layers.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.grad4j.autograd.GradCheck;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PoolingLayersTest {
    private static final Tensor GRID = Tensor.of(
            new float[] {
                1, 2, 3, 4,
                5, 6, 7, 8,
                9, 10, 11, 12,
                13, 14, 15, 16
            },
            1,
            1,
            4,
            4);

    @Test
    void maxPoolTakesEachWindowsMaximumWithStrideDefaultingToKernel() {
        assertArrayEquals(
                new float[] {6, 8, 14, 16}, new MaxPool2d(2).forward(GRID).toArray());
        assertArrayEquals(
                new float[] {11, 12, 15, 16},
                new MaxPool2d(3, 1, 0).forward(GRID).toArray());
        // dilation 2: the 2x2 window picks every other element, e.g. 1, 3, 9, 11
        assertArrayEquals(
                new float[] {11, 12, 15, 16},
                new MaxPool2d(2, 1, 0, 2).forward(GRID).toArray());
        // padding counts as -inf, so the corners see only the real elements
        assertArrayEquals(
                new float[] {1, 3, 4, 9, 11, 12, 13, 15, 16},
                new MaxPool2d(2, 2, 1).forward(GRID).toArray());
        assertArrayEquals(
                new int[] {1, 2, 2}, new MaxPool2d(2).forward(GRID.select(0, 0)).shape());
    }

    @Test
    void avgPoolTakesEachWindowsMeanCountingPadding() {
        assertArrayEquals(
                new float[] {3.5f, 5.5f, 11.5f, 13.5f},
                new AvgPool2d(2).forward(GRID).toArray());
        // rectangular kernel (1, 4) with stride (1, 4): row means
        assertArrayEquals(
                new float[] {2.5f, 6.5f, 10.5f, 14.5f},
                new AvgPool2d(new int[] {1, 4}, null, new int[] {0, 0})
                        .forward(GRID)
                        .toArray());
        // padding 1 with a 2x2 kernel: the top-left window holds 1 real value and 3 zeros
        assertEquals(0.25f, new AvgPool2d(2, 2, 1).forward(GRID).get(0, 0, 0, 0));
    }

    @Test
    void gradientsCheck() {
        Tensor x = Layers.distinct(3, 2, 2, 5, 5);
        GradCheck.check(
                in -> new MaxPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2})
                        .forward(in[0]),
                x);
        GradCheck.check(in -> new AvgPool2d(3, 2, 1).forward(in[0]), Layers.randn(4, 2, 2, 5, 5));
    }

    @Test
    void reprFollowsPyTorchKeepingIntsOrTuplesAsGiven() {
        assertEquals(
                "MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(2).toString());
        assertEquals(
                "MaxPool2d(kernel_size=(3, 2), stride=(3, 2), padding=(1, 0), dilation=(1, 1), ceil_mode=False)",
                new MaxPool2d(new int[] {3, 2}, null, new int[] {1, 0}, new int[] {1, 1}).toString());
        assertEquals("AvgPool2d(kernel_size=3, stride=1, padding=1)", new AvgPool2d(3, 1, 1).toString());
        assertEquals(
                "AvgPool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0))",
                new AvgPool2d(new int[] {2, 2}, null, new int[] {0, 0}).toString());
        assertKeys(List.of(), new MaxPool2d(2));
        assertKeys(List.of(), new AvgPool2d(2));
    }

    @Test
    void validation() {
        assertMessage("MaxPool2d: kernelSize must be >= 1, got [0, 0]", () -> new MaxPool2d(0));
        assertMessage("MaxPool2d: stride must be >= 1, got [0, 0]", () -> new MaxPool2d(2, 0, 0));
        assertMessage("MaxPool2d: dilation must be >= 1, got [0, 0]", () -> new MaxPool2d(2, 2, 0, 0));
        assertMessage(
                "MaxPool2d: padding must be at most half the kernel size, got padding (2, 2) and kernelSize"
                        + " (3, 3)",
                () -> new MaxPool2d(3, 1, 2));
        assertMessage("AvgPool2d: padding must be >= 0, got [-1, -1]", () -> new AvgPool2d(2, 2, -1));
        assertMessage(
                "AvgPool2d: expected input [N, C, H, W] or [C, H, W], got [4, 4]",
                () -> new AvgPool2d(2).forward(Tensor.zeros(4, 4)));
    }
}
