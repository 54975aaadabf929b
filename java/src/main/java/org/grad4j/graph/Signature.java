package org.grad4j.graph;

import java.util.Arrays;
import java.util.List;
import org.grad4j.backend.Backend;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;

/**
 * What a compiled graph was traced for and is valid for: the shapes of the tensors it is called
 * with, the module's train/eval mode, which parameters and inputs require grad, whether grad mode
 * is on, and the backend. A call that differs in any of these retraces.
 */
final class Signature {
    private final int[][] shapes;
    private final boolean training;
    private final boolean[] requiresGrad;
    private final boolean gradMode;
    private final Backend backend;

    private Signature(int[][] shapes, boolean training, boolean[] requiresGrad, boolean gradMode, Backend backend) {
        this.shapes = shapes;
        this.training = training;
        this.requiresGrad = requiresGrad;
        this.gradMode = gradMode;
        this.backend = backend;
    }

    static Signature of(Module model, List<? extends Tensor> parameters, boolean gradMode, Tensor... args) {
        int[][] shapes = new int[args.length][];
        boolean[] grad = new boolean[parameters.size() + args.length];
        for (int i = 0; i < args.length; i++) {
            shapes[i] = args[i].shape();
            grad[parameters.size() + i] = args[i].requiresGrad();
        }
        for (int i = 0; i < parameters.size(); i++) {
            grad[i] = parameters.get(i).requiresGrad();
        }
        return new Signature(shapes, model.isTraining(), grad, gradMode, Backend.current());
    }

    /** Whether a call matches, checked without allocating. */
    boolean matches(Module model, List<? extends Tensor> parameters, boolean gradMode, Tensor... args) {
        if (model.isTraining() != training || this.gradMode != gradMode || Backend.current() != backend) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            Tensor t = args[i];
            if (t.dim() != shapes[i].length || t.requiresGrad() != requiresGrad[parameters.size() + i]) {
                return false;
            }
            for (int d = 0; d < shapes[i].length; d++) {
                if (t.size(d) != shapes[i][d]) {
                    return false;
                }
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).requiresGrad() != requiresGrad[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the calls have the same number of tensors, each of the same rank. */
    boolean sameRanks(Tensor... args) {
        if (args.length != shapes.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].dim() != shapes[i].length) {
                return false;
            }
        }
        return true;
    }

    int[] shape(int i) {
        return shapes[i];
    }

    boolean requiresGrad(int parameterOrArg) {
        return requiresGrad[parameterOrArg];
    }

    /** The tensors' shapes, as messages print them. */
    String shapes() {
        StringBuilder b = new StringBuilder();
        for (int[] s : shapes) {
            b.append(b.length() == 0 ? "" : ", ").append(Shapes.str(s));
        }
        return b.toString();
    }

    /** The shapes of the tensors of a call, as messages print them. */
    static String shapes(Tensor... args) {
        StringBuilder b = new StringBuilder();
        for (Tensor t : args) {
            b.append(b.length() == 0 ? "" : ", ").append(t == null ? "null" : Shapes.str(t.shape()));
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s
                && Arrays.deepEquals(shapes, s.shapes)
                && training == s.training
                && Arrays.equals(requiresGrad, s.requiresGrad)
                && gradMode == s.gradMode
                && backend == s.backend;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(shapes) * 31 + Arrays.hashCode(requiresGrad) + (training ? 1 : 0);
    }

    @Override
    public String toString() {
        return "(" + shapes() + (training ? ", training" : ", eval") + ")";
    }
}
