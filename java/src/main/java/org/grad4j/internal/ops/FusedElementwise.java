package org.grad4j.internal.ops;

import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;

/**
 * A chain of element-wise ops as one {@link ElementwiseProgram} over its inputs broadcast together:
 * {@code elementwise} in a graph, its program in the attribute {@code program} as text.
 */
final class FusedElementwise extends FusedOp {
    private final ElementwiseProgram program;

    FusedElementwise(ElementwiseProgram program) {
        this.program = program;
    }

    @Override
    public String name() {
        return "elementwise";
    }

    @Override
    public Attributes attributes() {
        return Attributes.of().with("program", program.toString());
    }

    @Override
    protected Tensor compute(Tensor... in) {
        if (in.length != program.inputs()) {
            throw new IllegalArgumentException(
                    "elementwise: the program reads " + program.inputs() + " inputs, got " + in.length);
        }
        int[] shape = in[0].shape();
        for (int i = 1; i < in.length; i++) {
            shape = Shapes.broadcast("elementwise", shape, in[i].shape());
        }
        float[][] data = new float[in.length][];
        int[] offsets = new int[in.length];
        int[][] strides = new int[in.length][];
        for (int i = 0; i < in.length; i++) {
            data[i] = TensorInternals.data(in[i]);
            offsets[i] = in[i].storageOffset();
            strides[i] = Kernels.broadcastStrides(in[i], shape);
        }
        Tensor out = Tensor.zeros(shape);
        Kernels.backend().elementwise(program, shape, data, offsets, strides, TensorInternals.data(out), 0);
        return out;
    }
}
