package org.grad4j.autograd;

import java.util.function.Function;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Compares autograd's gradients with central finite differences, like
 * {@code torch.autograd.gradcheck}. The output is projected on a fixed random direction v, so
 * one backward of v gives the analytic gradient of {@code <f(x), v>}; each input element is then
 * moved by ±eps and the change of {@code <f(x), v>} is measured in double precision. Since our
 * values are float32, the defaults (eps 1e-3, atol 1e-3, rtol 1e-2) are looser than PyTorch's
 * double-precision ones.
 *
 * <pre>{@code
 * Tensor x = Tensor.randn(3, 4).requiresGrad(true);
 * GradCheck.check(in -> in[0].tanh().sum(1), x);   // throws if a gradient is wrong
 * }</pre>
 */
public final class GradCheck {
    private final double eps;
    private final double atol;
    private final double rtol;

    /**
     * A check with the given step and tolerances; a gradient element fails when it differs from the
     * numeric one by more than {@code atol + rtol · |numeric|}, as in {@code torch.autograd.gradcheck}.
     *
     * @param eps the finite-difference step, &gt; 0
     * @param atol the absolute tolerance, &ge; 0
     * @param rtol the relative tolerance, &ge; 0
     * @throws IllegalArgumentException if a value is out of range or NaN
     */
    public GradCheck(double eps, double atol, double rtol) {
        if (!(eps > 0) || !(atol >= 0) || !(rtol >= 0)) {
            throw new IllegalArgumentException("GradCheck: eps must be > 0 and atol, rtol >= 0, got eps " + eps
                    + ", atol " + atol + ", rtol " + rtol);
        }
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
    }

    /**
     * Checks with the default tolerances (eps 1e-3, atol 1e-3, rtol 1e-2), as
     * {@code torch.autograd.gradcheck}.
     *
     * @param fn the function to check, from the inputs to one output tensor
     * @param inputs leaf tensors; those that require grad are checked
     * @throws IllegalStateException on a mismatch, or if the output does not require grad
     * @throws IllegalArgumentException if an input is not a leaf or has overlapping elements
     */
    public static void check(Function<Tensor[], Tensor> fn, Tensor... inputs) {
        new GradCheck(1e-3, 1e-3, 1e-2).verify(fn, inputs);
    }

    /**
     * Checks the gradient of every input that requires grad. The inputs' {@code grad} is cleared
     * first and holds the analytic gradient afterwards.
     *
     * @param fn the function to check, from the inputs to one output tensor
     * @param inputs leaf tensors; those that require grad are checked
     * @throws IllegalStateException naming the input, element, analytic and numeric values of the worst
     *     mismatch, or if the output does not require grad
     * @throws IllegalArgumentException if an input is not a leaf or has overlapping elements (a stride of
     *     0 over a dim of size &gt; 1)
     */
    public void verify(Function<Tensor[], Tensor> fn, Tensor... inputs) {
        for (int i = 0; i < inputs.length; i++) {
            checkInput(i, inputs[i]);
            inputs[i].setGrad(null);
        }
        Tensor out = fn.apply(inputs);
        if (!out.requiresGrad()) {
            throw new IllegalStateException(
                    "gradcheck: the output does not require grad; mark an input" + " with requiresGrad(true)");
        }
        double[] v = direction(out.numel());
        out.backward(projection(v, out.shape()));
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].requiresGrad()) {
                compare(i, inputs[i], fn, inputs, v);
            }
        }
    }

    private static void checkInput(int i, Tensor t) {
        if (!t.isLeaf()) {
            throw new IllegalArgumentException("gradcheck: input " + i + " must be a leaf tensor");
        }
        int[] shape = t.shape();
        int[] strides = t.stride();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] > 1 && strides[d] == 0) {
                throw new IllegalArgumentException("gradcheck: input " + i + " of shape " + Shapes.str(shape)
                        + " has overlapping elements (stride 0); pass a contiguous copy");
            }
        }
    }

    private void compare(int index, Tensor input, Function<Tensor[], Tensor> fn, Tensor[] inputs, double[] v) {
        float[] analytic =
                input.grad() == null ? new float[input.numel()] : input.grad().toArray();
        float[] data = TensorInternals.data(input);
        int[] positions = positions(input);
        double worst = 0;
        String report = null;
        for (int e = 0; e < positions.length; e++) {
            int pos = positions[e];
            float original = data[pos];
            float plus = (float) (original + eps);
            float minus = (float) (original - eps);
            data[pos] = plus;
            double fPlus = evaluate(fn, inputs, v);
            data[pos] = minus;
            double fMinus = evaluate(fn, inputs, v);
            data[pos] = original;
            double numeric = (fPlus - fMinus) / ((double) plus - minus);
            double error = Math.abs(analytic[e] - numeric) - (atol + rtol * Math.abs(numeric));
            if (error > worst || Double.isNaN(error) || Double.isNaN(numeric) != Float.isNaN(analytic[e])) {
                worst = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
                report = "gradcheck: input " + index + " (shape " + Shapes.str(input.shape()) + "), element " + e
                        + ": analytic " + analytic[e] + " vs numeric " + numeric + " (atol " + atol + ", rtol "
                        + rtol + ")";
            }
        }
        if (report != null) {
            throw new IllegalStateException(report);
        }
    }

    private static double evaluate(Function<Tensor[], Tensor> fn, Tensor[] inputs, double[] v) {
        try (Scope ignored = GradMode.noGrad()) {
            float[] out = fn.apply(inputs).toArray();
            double s = 0;
            for (int i = 0; i < out.length; i++) {
                s += out[i] * v[i];
            }
            return s;
        }
    }

    /** Storage positions of a tensor's elements in row-major order. */
    private static int[] positions(Tensor t) {
        int[] shape = t.shape();
        int[] strides = t.stride();
        int[] out = new int[t.numel()];
        int[] idx = new int[shape.length];
        for (int e = 0; e < out.length; e++) {
            int pos = t.storageOffset();
            for (int d = 0; d < shape.length; d++) {
                pos += idx[d] * strides[d];
            }
            out[e] = pos;
            for (int d = shape.length - 1; d >= 0 && ++idx[d] == shape[d]; d--) {
                idx[d] = 0;
            }
        }
        return out;
    }

    private static double[] direction(int n) {
        Generator gen = new Generator(0x9E3779B97F4A7C15L);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * gen.nextDouble() - 1);
        }
        return v;
    }

    private static Tensor projection(double[] v, int[] shape) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return shape.length == 0 ? Tensor.scalar(f[0]) : Tensor.of(f, shape);
    }

    @Override
    public String toString() {
        return "GradCheck(eps=" + eps + ", atol=" + atol + ", rtol=" + rtol + ")";
    }
}
