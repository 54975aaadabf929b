package org.grad4j.nn;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * The maximum over each (dilated) 2-D window, like {@code torch.nn.MaxPool2d}; padding counts as
 * −∞. The gradient goes to each window's maximum.
 *
 * <p>Shape: input [N, C, H, W] or [C, H, W]; output [N, C, H_out, W_out] with
 * H_out = ⌊(H + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1 (W alike). Defaults:
 * stride = kernelSize, padding 0, dilation 1; padding may be at most half the kernel. PyTorch's
 * ceil_mode and return_indices are not supported (always false).
 * See https://pytorch.org/docs/stable/generated/torch.nn.MaxPool2d.html
 *
 * <pre>{@code
 * MaxPool2d pool = new MaxPool2d(2);
 * pool.forward(Tensor.zeros(8, 32, 28, 28)).shape();   // [8, 32, 14, 14]
 * pool.toString();   // MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
 * }</pre>
 */
public class MaxPool2d extends Pool2dLayer {
    private final int[] dilation;

    /**
     * Square windows with stride = kernelSize, no padding and no dilation, as
     * {@code torch.nn.MaxPool2d(kernel_size)}.
     *
     * @param kernelSize the window's height and width, &ge; 1
     * @throws IllegalArgumentException if {@code kernelSize} is less than 1
     */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0, 1);
    }

    /**
     * Square windows without dilation, as {@code torch.nn.MaxPool2d(kernel_size, stride, padding)}.
     *
     * @param kernelSize the window's height and width, &ge; 1
     * @param stride the step between windows in both directions, &ge; 1
     * @param padding the padding on each side, from 0 to half the kernel
     * @throws IllegalArgumentException if a value is out of range
     */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(kernelSize, stride, padding, 1);
    }

    /**
     * Square windows, as {@code torch.nn.MaxPool2d(kernel_size, stride, padding, dilation)}.
     *
     * @param kernelSize the window's height and width, &ge; 1
     * @param stride the step between windows in both directions, &ge; 1
     * @param padding the padding on each side, from 0 to half the kernel
     * @param dilation the spacing between window elements, &ge; 1
     * @throws IllegalArgumentException if a value is out of range
     */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation) {
        this(Args.square(kernelSize), Args.square(stride), Args.square(padding), Args.square(dilation), true);
    }

    /**
     * Windows given as (height, width) pairs, as {@code torch.nn.MaxPool2d} with tuples.
     *
     * @param kernelSize the (height, width) of the window, each &ge; 1
     * @param stride the (height, width) steps, each &ge; 1; null means stride = kernelSize
     * @param padding the (height, width) padding on each side, each from 0 to half the kernel
     * @param dilation the (height, width) spacing between window elements, each &ge; 1
     * @throws IllegalArgumentException if an array is not a pair or a value is out of range
     */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        this(kernelSize, stride == null ? kernelSize : stride, padding, dilation, false);
    }

    private MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean scalarArgs) {
        super("MaxPool2d", kernelSize, stride, padding, scalarArgs);
        this.dilation = Shapes.pair("MaxPool2d", "dilation", dilation, 1);
    }

    /**
     * Takes the maximum of each window.
     *
     * @param input [N, C, H, W] or [C, H, W]
     * @return [N, C, H_out, W_out], or [C, H_out, W_out] for an unbatched input
     * @throws IllegalArgumentException if the input is not 3-D or 4-D, or smaller than the window
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = Args.images("MaxPool2d", input, -1);
        return Args.restore(input, x.maxPool2d(kernelSize, stride, padding, dilation));
    }

    /**
     * The (height, width) spacing between kernel elements.
     *
     * @return a copy of the pair
     */
    public int[] dilation() {
        return dilation.clone();
    }

    @Override
    protected String extraRepr() {
        return super.extraRepr() + ", dilation=" + Repr.intOrTuple(dilation, scalarArgs) + ", ceil_mode=False";
    }
}
