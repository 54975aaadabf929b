package org.grad4j.nn;

import static org.grad4j.nn.Layers.assertKeys;
import static org.grad4j.nn.Layers.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.grad4j.autograd.GradCheck;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConvLayersTest {
    @Test
    void conv2dComputesAHandWorkedExample() {
        Conv2d conv = new Conv2d(1, 1, 2);
        Layers.set(conv.weight, 1, 2, 3, 4);
        Layers.set(conv.bias, 0.5f);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        // top-left window: 1·1 + 2·2 + 4·3 + 5·4 = 37
        assertArrayEquals(
                new float[] {37.5f, 47.5f, 67.5f, 77.5f}, conv.forward(x).toArray());
        assertArrayEquals(new int[] {1, 1, 2, 2}, conv.forward(x).shape());
    }

    @Test
    void conv2dMatchesTensorConv2dWithEveryOption() {
        Conv2d conv = new Conv2d(
                4,
                6,
                new int[] {3, 2},
                new int[] {2, 1},
                new int[] {1, 0},
                new int[] {1, 2},
                2,
                true,
                new Generator(1));
        assertArrayEquals(new int[] {6, 2, 3, 2}, conv.weight.shape());
        Tensor x = Tensor.randn(new Generator(2), 2, 4, 7, 6);
        Tensor expected = x.conv2d(conv.weight, conv.bias, new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, 2);
        assertArrayEquals(expected.toArray(), conv.forward(x).toArray());
        assertArrayEquals(new int[] {2, 6, 4, 4}, conv.forward(x).shape());
    }

    @Test
    void conv2dAcceptsAnUnbatchedImage() {
        Conv2d conv = new Conv2d(2, 3, 3, 1, 1);
        Tensor x = Tensor.randn(new Generator(3), 2, 5, 5);
        Tensor y = conv.forward(x);
        assertArrayEquals(new int[] {3, 5, 5}, y.shape());
        assertArrayEquals(conv.forward(x.unsqueeze(0)).toArray(), y.toArray());
    }

    @Test
    void conv2dGradientsCheckForInputWeightAndBias() {
        Conv2d conv = new Conv2d(4, 2, 3, 2, 1, 1, 2, true, new Generator(4));
        Tensor x = Layers.randn(5, 2, 4, 5, 5);
        GradCheck.check(in -> conv.forward(in[0]), x, conv.weight, conv.bias);
    }

    @Test
    void conv2dStartsWithPyTorchsInitBounds() {
        Conv2d conv = new Conv2d(3, 8, 5, 1, 0, 1, 1, true, new Generator(6));
        double bound = 1 / Math.sqrt(3 * 5 * 5);
        double max = 0;
        for (float w : conv.weight.toArray()) {
            max = Math.max(max, Math.abs(w));
        }
        assertTrue(max <= bound && max > 0.9 * bound, "max |w| " + max + " for bound " + bound);
        for (float b : conv.bias.toArray()) {
            assertTrue(Math.abs(b) <= bound, "bias " + b);
        }
    }

    @Test
    void conv2dStateReprAndValidation() {
        assertKeys(List.of("weight", "bias"), new Conv2d(1, 2, 3));
        assertKeys(List.of("weight"), new Conv2d(1, 2, 3, 1, 0, 1, 1, false));
        assertNull(new Conv2d(1, 2, 3, 1, 0, 1, 1, false).bias);
        assertEquals(
                "Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
                new Conv2d(1, 32, 3, 1, 1).toString());
        assertEquals(
                "Conv2d(4, 8, kernel_size=(3, 1), stride=(2, 2), dilation=(1, 2), groups=2, bias=False)",
                new Conv2d(4, 8, new int[] {3, 1}, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 2}, 2, false)
                        .toString());
        assertMessage("Conv2d: inChannels must be > 0, got 0", () -> new Conv2d(0, 2, 3));
        assertMessage("Conv2d: groups must be > 0, got 0", () -> new Conv2d(2, 2, 3, 1, 0, 1, 0, true));
        assertMessage(
                "Conv2d: inChannels and outChannels must be divisible by groups, got 3, 4 and groups 2",
                () -> new Conv2d(3, 4, 3, 1, 0, 1, 2, true));
        assertMessage("Conv2d: kernelSize must be >= 1, got [0, 0]", () -> new Conv2d(1, 1, 0));
        assertMessage("Conv2d: padding must be >= 0, got [-1, -1]", () -> new Conv2d(1, 1, 3, 1, -1));
        assertMessage(
                "Conv2d: stride must be a (height, width) pair, got [1]",
                () -> new Conv2d(1, 1, new int[] {3, 3}, new int[] {1}, new int[] {0, 0}, new int[] {1, 1}, 1, true));
        assertMessage(
                "Conv2d: expected input [N, 3, H, W] or [3, H, W], got [2, 4, 5, 5]",
                () -> new Conv2d(3, 1, 3).forward(Tensor.zeros(2, 4, 5, 5)));
    }

    @Test
    void convTranspose2dComputesAHandWorkedExample() {
        ConvTranspose2d up = new ConvTranspose2d(1, 1, 2, 2, 0);
        Layers.set(up.weight, 1, 10, 100, 1000);
        Layers.set(up.bias, 1);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
        // stride 2 with a 2x2 kernel: each input value stamps value · kernel into its own 2x2 block
        assertArrayEquals(
                new float[] {
                    2, 11, 3, 21,
                    101, 1001, 201, 2001,
                    4, 31, 5, 41,
                    301, 3001, 401, 4001
                },
                up.forward(x).toArray());
    }

    @Test
    void convTranspose2dMatchesTensorOpAndUndoesConvShapes() {
        ConvTranspose2d up = new ConvTranspose2d(
                4,
                6,
                new int[] {3, 3},
                new int[] {2, 2},
                new int[] {1, 1},
                new int[] {1, 0},
                2,
                true,
                new int[] {1, 1},
                new Generator(2));
        assertArrayEquals(new int[] {4, 3, 3, 3}, up.weight.shape());
        Tensor x = Tensor.randn(new Generator(3), 2, 4, 5, 5);
        Tensor expected = x.convTranspose2d(
                up.weight, up.bias, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 0}, new int[] {1, 1}, 2);
        assertArrayEquals(expected.toArray(), up.forward(x).toArray());
        assertArrayEquals(new int[] {2, 6, 10, 9}, up.forward(x).shape());
        assertArrayEquals(new int[] {6, 10, 9}, up.forward(x.select(0, 0)).shape());
    }

    @Test
    void convTranspose2dGradientsCheckForInputWeightAndBias() {
        ConvTranspose2d up = new ConvTranspose2d(2, 4, 3, 2, 1, 1, 2, true, 1, new Generator(7));
        Tensor x = Layers.randn(8, 2, 2, 3, 3);
        GradCheck.check(in -> up.forward(in[0]), x, up.weight, up.bias);
    }

    @Test
    void convTranspose2dInitUsesTheWeightsFanIn() {
        // weight [in, out/groups, kh, kw]: fan in is out/groups·kh·kw = 6·2·2, as in PyTorch
        ConvTranspose2d up = new ConvTranspose2d(3, 6, 2, 1, 0, 0, 1, true, 1, new Generator(3));
        double bound = 1 / Math.sqrt(6 * 2 * 2);
        double max = 0;
        for (float w : up.weight.toArray()) {
            max = Math.max(max, Math.abs(w));
        }
        assertTrue(max <= bound && max > 0.9 * bound, "max |w| " + max + " for bound " + bound);
    }

    @Test
    void convTranspose2dStateReprAndValidation() {
        assertKeys(List.of("weight", "bias"), new ConvTranspose2d(2, 3, 2));
        assertEquals(
                "ConvTranspose2d(16, 8, kernel_size=(2, 2), stride=(2, 2))",
                new ConvTranspose2d(16, 8, 2, 2, 0).toString());
        assertEquals(
                "ConvTranspose2d(4, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1),"
                        + " output_padding=(1, 1), groups=2, bias=False)",
                new ConvTranspose2d(4, 4, 3, 2, 1, 1, 2, false, 1).toString());
        assertMessage(
                "ConvTranspose2d: outputPadding must be smaller than stride (PyTorch also accepts it below"
                        + " dilation; grad4j does not), got outputPadding (1, 1), stride (1, 1), dilation (1, 1)",
                () -> new ConvTranspose2d(1, 1, 3, 1, 0, 1, 1, true, 1));
        // once accepted, and its forward then indexed outside the input in the GEMM packing
        assertMessage(
                "ConvTranspose2d: outputPadding must be smaller than stride (PyTorch also accepts it below"
                        + " dilation; grad4j does not), got outputPadding (1, 1), stride (1, 1), dilation (3, 3)",
                () -> new ConvTranspose2d(3, 3, 2, 1, 0, 1, 1, false, 3));
        assertMessage(
                "ConvTranspose2d: inChannels and outChannels must be divisible by groups, got 4, 3 and groups 2",
                () -> new ConvTranspose2d(4, 3, 3, 1, 0, 0, 2, true, 1));
        assertMessage(
                "ConvTranspose2d: expected input [N, 2, H, W] or [2, H, W], got [2, 5]",
                () -> new ConvTranspose2d(2, 1, 3).forward(Tensor.zeros(2, 5)));
    }
}
