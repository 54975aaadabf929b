package org.grad4j.nn;

import org.grad4j.internal.tensor.Shapes;

/**
 * What MaxPool2d and AvgPool2d share: the window's (height, width) kernel, stride and padding,
 * checked with messages naming the layer, and the start of their repr.
 */
abstract class Pool2dLayer extends Module {
    final int[] kernelSize;
    final int[] stride;
    final int[] padding;
    /** Whether the layer was built from ints, which PyTorch's repr prints as ints rather than tuples. */
    final boolean scalarArgs;

    Pool2dLayer(String name, int[] kernelSize, int[] stride, int[] padding, boolean scalarArgs) {
        this.kernelSize = Shapes.pair(name, "kernelSize", kernelSize, 1);
        this.stride = Shapes.pair(name, "stride", stride, 1);
        this.padding = Args.poolPadding(name, padding, this.kernelSize);
        this.scalarArgs = scalarArgs;
    }

    /**
     * The (height, width) of the kernel.
     *
     * @return a copy of the pair
     */
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    /**
     * The (height, width) stride.
     *
     * @return a copy of the pair
     */
    public int[] stride() {
        return stride.clone();
    }

    /**
     * The (height, width) padding on each side: −∞ for MaxPool2d, zeros for AvgPool2d.
     *
     * @return a copy of the pair
     */
    public int[] padding() {
        return padding.clone();
    }

    /** PyTorch's {@code kernel_size=…, stride=…, padding=…}, ints when the layer was built from ints. */
    @Override
    protected String extraRepr() {
        return "kernel_size=" + Repr.intOrTuple(kernelSize, scalarArgs) + ", stride="
                + Repr.intOrTuple(stride, scalarArgs) + ", padding=" + Repr.intOrTuple(padding, scalarArgs);
    }
}
