package org.grad4j.internal.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.function.Executable;

/**
 * One op's test record (OpInfo-style): samples with a naive double-precision reference, and
 * bad inputs with a fragment the error message must contain. {@link OpSpecTest} runs every
 * record through the same checks.
 */
final class OpSpec {
    /** A reference written as plain loops over the inputs' row-major values. */
    @FunctionalInterface
    interface Reference {
        double[] compute(Values in);
    }

    /** The sample inputs as row-major doubles, with their shapes. */
    record Values(double[][] values, int[][] shapes) {
        double[] v(int input) {
            return values[input];
        }

        int[] shape(int input) {
            return shapes[input];
        }
    }

    /**
     * A sample; its forward passes where |got − expected| &lt;= atol + 1e-5·|expected| (atol is 1e-5
     * unless {@link #relative()} made it 0).
     */
    record Sample(
            String label,
            Function<Tensor[], Tensor> op,
            int[] shape,
            Reference reference,
            boolean gradcheck,
            double atol,
            Tensor[] inputs) {}

    /** The absolute part of the forward tolerance of a sample. */
    static final double ATOL = 1e-5;

    record ErrorCase(String label, Executable call, String fragment) {}

    final String name;
    final List<Sample> samples = new ArrayList<>();
    final List<ErrorCase> errors = new ArrayList<>();

    private OpSpec(String name) {
        this.name = name;
    }

    static OpSpec op(String name) {
        return new OpSpec(name);
    }

    /** A differentiable sample: forward vs reference, gradcheck, and backend parity. */
    OpSpec sample(String label, Function<Tensor[], Tensor> op, int[] shape, Reference reference, Tensor... inputs) {
        samples.add(new Sample(label, op, shape, reference, true, ATOL, inputs));
        return this;
    }

    /** A sample without gradient (comparisons, argmax): forward vs reference and backend parity. */
    OpSpec forwardOnly(
            String label, Function<Tensor[], Tensor> op, int[] shape, Reference reference, Tensor... inputs) {
        samples.add(new Sample(label, op, shape, reference, false, ATOL, inputs));
        return this;
    }

    /**
     * Compares the last sample's forward with the relative tolerance alone: for outputs far below
     * the absolute tolerance (an op's tail, such as softplus at −30), which it would accept whatever
     * they were, 0 included.
     */
    OpSpec relative() {
        Sample s = samples.remove(samples.size() - 1);
        samples.add(new Sample(s.label(), s.op(), s.shape(), s.reference(), s.gradcheck(), 0, s.inputs()));
        return this;
    }

    /** A call that must throw IllegalArgumentException whose message contains {@code fragment}. */
    OpSpec error(String label, Executable call, String fragment) {
        errors.add(new ErrorCase(label, call, fragment));
        return this;
    }
}
