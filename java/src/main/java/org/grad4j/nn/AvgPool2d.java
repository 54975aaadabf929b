package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * The mean over each 2-D window, like {@code torch.nn.AvgPool2d}; padded zeros count in the
 * divisor (PyTorch's default count_include_pad=True).
 *
 * <p>Shape: input [N, C, H, W] or [C, H, W]; output [N, C, H_out, W_out] with
 * H_out = ⌊(H + 2·padding − kernel) / stride⌋ + 1 (W alike). Defaults: stride = kernelSize,
 * padding 0; padding may be at most half the kernel. PyTorch's ceil_mode, count_include_pad and
 * divisor_override keep their defaults (false, true, none).
 * See https://pytorch.org/docs/stable/generated/torch.nn.AvgPool2d.html
 *
 * <pre>{@code
 * AvgPool2d pool = new AvgPool2d(2);
 * pool.forward(Tensor.ones(1, 3, 4, 4)).shape();   // [1, 3, 2, 2], all ones
 * pool.toString();   // AvgPool2d(kernel_size=2, stride=2, padding=0)
 * }</pre>
 */
public class AvgPool2d extends Pool2dLayer {
    /**
     * Square windows with stride = kernelSize and no padding, as {@code torch.nn.AvgPool2d(kernel_size)}.
     *
     * @param kernelSize the window's height and width, &ge; 1
     * @throws IllegalArgumentException if {@code kernelSize} is less than 1
     */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /**
     * Square windows, as {@code torch.nn.AvgPool2d(kernel_size, stride, padding)}.
     *
     * @param kernelSize the window's height and width, &ge; 1
     * @param stride the step between windows in both directions, &ge; 1
     * @param padding the zeros added on each side, from 0 to half the kernel
     * @throws IllegalArgumentException if a value is out of range
     */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(Args.square(kernelSize), Args.square(stride), Args.square(padding), true);
    }

    /**
     * Windows given as (height, width) pairs, as {@code torch.nn.AvgPool2d} with tuples.
     *
     * @param kernelSize the (height, width) of the window, each &ge; 1
     * @param stride the (height, width) steps, each &ge; 1; null means stride = kernelSize
     * @param padding the (height, width) zeros added on each side, each from 0 to half the kernel
     * @throws IllegalArgumentException if an array is not a pair or a value is out of range
     */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding) {
        this(kernelSize, stride == null ? kernelSize : stride, padding, false);
    }

    private AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean scalarArgs) {
        super("AvgPool2d", kernelSize, stride, padding, scalarArgs);
    }

    /**
     * Averages each window.
     *
     * @param input [N, C, H, W] or [C, H, W]
     * @return [N, C, H_out, W_out], or [C, H_out, W_out] for an unbatched input
     * @throws IllegalArgumentException if the input is not 3-D or 4-D, or smaller than the window
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = Args.images("AvgPool2d", input, -1);
        return Args.restore(input, x.avgPool2d(kernelSize, stride, padding));
    }
}
