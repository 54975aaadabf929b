package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Sizes whose int arithmetic used to wrap, windows that used to iterate over a huge padding, and
 * views of empty tensors, on the current backend: a correct result or an
 * IllegalArgumentException naming the op and the size, never a wrapped shape.
 */
class SizeOverflowTest {
    private static final int MAX = Integer.MAX_VALUE;

    private static void rejected(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void narrowWhoseEndExceedsAnInt() {
        Tensor x = Tensor.arange(5);
        rejected("narrow: start 2 and length 2147483647", () -> x.narrow(0, 2, MAX));
        rejected("narrow", () -> x.narrow(0, -3, MAX));
        assertArrayEquals(new float[] {3, 4}, x.narrow(0, -2, 2).toArray());
    }

    @Test
    void sliceWithAHugeStepKeepsTheFirstElement() {
        Tensor x = Tensor.arange(5);
        assertArrayEquals(new float[] {0}, x.slice(0, 0, 5, MAX).toArray());
        assertArrayEquals(new float[] {2}, x.slice(0, 2, MAX, MAX).toArray());
        assertArrayEquals(new float[] {}, x.slice(0, MAX, MAX, MAX).toArray());
        Tensor m = Tensor.arange(12).reshape(3, 4);
        assertArrayEquals(
                new float[] {1, 5, 9}, m.slice(1, 1, MAX, MAX).flatten().toArray());
    }

    @Test
    void catWhoseJoinedSizeExceedsAnInt() {
        Tensor big = Tensor.zeros(1).expand(1 << 30);
        rejected("cat: the joined dim 0 is 3221225472", () -> Tensor.cat(0, big, big, big));
        Tensor wide = Tensor.zeros(1, 1).expand(1 << 16, 1 << 14);
        rejected("cat: the result of shape [131072, 16384]", () -> Tensor.cat(0, wide, wide));
    }

    @Test
    void splitWithSizesThatWouldWrap() {
        Tensor x = Tensor.arange(4);
        rejected("split: sizes", () -> x.split(new int[] {MAX, MAX, 6}, 0));
        assertEquals(1, x.split(MAX, 0).size());
    }

    @Test
    void expandedViewsBeyondAnInt() {
        rejected("expand: the expanded view", () -> Tensor.zeros(1).expand(65536, 65536));
        rejected("expand", () -> Tensor.zeros(1).expand(65536, 65536, 65536, 65536));
    }

    @Test
    void convolutionWithHugePaddingStrideOrDilation() {
        Tensor x = Tensor.arange(25).reshape(1, 1, 5, 5);
        Tensor w = Tensor.ones(1, 1, 3, 3);
        rejected("conv2d: padded height 5 + 2*1073741824", () -> x.conv2d(w, null, 1, 1 << 30, 1, 1));
        rejected("conv2d: the convolution's output", () -> x.conv2d(w, null, 1, (1 << 30) - 4, 1, 1));
        rejected(
                "conv2d: kernel 3x3 (dilation 1073741824x1073741824) is larger",
                () -> x.conv2d(w, null, 1, 0, 1 << 30, 1));
        // one window at the top left: 0+1+2 + 5+6+7 + 10+11+12
        assertArrayEquals(new float[] {54}, x.conv2d(w, null, MAX, 0, 1, 1).toArray());
        assertArrayEquals(
                new int[] {1, 1, 2, 2},
                x.conv2d(w, null, 1 << 30, 1 << 29, 1, 1).shape());
    }

    @Test
    void transposedConvolutionWhoseOutputExceedsAnInt() {
        Tensor x = Tensor.ones(1, 1, 2, 2);
        Tensor w = Tensor.ones(1, 1, 1, 1);
        rejected("convTranspose2d: output height is 2147483648", () -> x.convTranspose2d(w, null, MAX, 0));
        rejected(
                "convTranspose2d: the output",
                () -> x.convTranspose2d(
                        w,
                        null,
                        new int[] {1 << 20, 1 << 20},
                        new int[] {0, 0},
                        new int[] {0, 0},
                        new int[] {1, 1},
                        1));
    }

    @Test
    void poolWindowsOverAHugePaddingAreClampedToTheInput() {
        Tensor x = Tensor.arange(25).reshape(1, 1, 5, 5);
        int[] kernel = {1 << 30, 1 << 30};
        int[] one = {1, 1};
        int[] pad = {1 << 29, 1 << 29};
        Tensor[] pooled = new Tensor[2];
        Backend backend = Backend.current();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (Scope ignored = Backend.use(backend)) {
                pooled[0] = x.maxPool2d(kernel, one, pad, one);
                pooled[1] = x.avgPool2d(kernel, one, pad);
            }
        });
        assertArrayEquals(new int[] {1, 1, 6, 6}, pooled[0].shape());
        for (float v : pooled[0].toArray()) {
            assertEquals(24f, v);
        }
        for (float v : pooled[1].toArray()) {
            assertEquals(300 / Math.pow(2, 60), v, 1e-6 * 300 / Math.pow(2, 60));
        }
    }

    @Test
    void averagePoolDivisorBeyondAnIntKeepsItsSign() {
        Tensor x = Tensor.full(3f, 1, 1, 1, 1);
        float y = x.avgPool2d(new int[] {46341, 46341}, new int[] {1, 1}, new int[] {23170, 23170})
                .item();
        assertEquals(3 / (46341.0 * 46341.0), y, 1e-6 * y);
    }

    @Test
    void viewsOfEmptyTensorsRunOnEveryBackend() {
        Tensor empty = Tensor.zeros(0, 3);
        assertArrayEquals(new int[] {0}, empty.select(1, 1).exp().shape());
        assertEquals(0f, Tensor.arange(5).narrow(0, 5, 0).sum().item());
        Tensor tail = Tensor.arange(6).reshape(3, 2).narrow(0, 3, 0);
        assertArrayEquals(new int[] {0, 2}, tail.softmax(1).shape());
        assertArrayEquals(new int[] {0, 2}, tail.logSoftmax(1).shape());
        Tensor logits = Tensor.zeros(4, 3).narrow(0, 4, 0);
        Tensor target = Tensor.zeros(4).narrow(0, 4, 0);
        assertTrue(Float.isNaN(logits.crossEntropy(target).item()), "the mean over no samples, as in PyTorch");
    }
}
