package org.grad4j.graph;

import java.util.List;
import java.util.SplittableRandom;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * The steps random test programs are made of: element-wise ops, broadcasting, reductions,
 * softmax, views, joins and matmul, each on values the program has made so far.
 */
public final class RandomSteps {
    /** How many kinds of step {@link #step} makes. */
    public static final int KINDS = 16;

    private RandomSteps() {}

    /** Whether a and b broadcast together. */
    public static boolean broadcasts(Tensor a, Tensor b) {
        try {
            Shapes.broadcast("test", a.shape(), b.shape());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A random step on two of the values: its kind, then its dim, drawn from r. */
    public static Tensor step(SplittableRandom r, List<Tensor> values) {
        Tensor a = values.get(r.nextInt(values.size()));
        Tensor b = values.get(r.nextInt(values.size()));
        int dim = a.dim() == 0 ? 0 : r.nextInt(a.dim());
        return step(r.nextInt(KINDS), a, b, dim);
    }

    /** Step {@code kind} (below {@link #KINDS}) on a and b; dim is a dim of a (0 for a scalar). */
    public static Tensor step(int kind, Tensor a, Tensor b, int dim) {
        int rank = a.dim();
        return switch (kind) {
            case 0 -> a.tanh();
            case 1 -> a.sigmoid().mul(2f);
            case 2 -> a.relu().add(a.neg().leakyRelu(0.1f));
            case 3 -> a.clamp(-1.5f, 1.5f).exp();
            case 4 -> a.gelu().sub(a.abs().softplus());
            case 5 -> broadcasts(a, b) ? a.add(b) : a.elu(1f);
            case 6 -> broadcasts(a, b) ? a.mul(b) : a.square();
            case 7 -> broadcasts(a, b) ? a.div(b.abs().add(1f)) : a.neg();
            case 8 ->
                broadcasts(a, b)
                        ? Tensor.where(a.gt(b), a, b.mul(0.5f))
                        : a.abs().add(1f).sqrt();
            case 9 -> rank == 0 ? a.mul(3f) : a.sum(dim, true);
            case 10 -> rank == 0 ? a.exp() : a.softmax(dim);
            case 11 -> rank == 0 ? a.tanh() : a.logSoftmax(dim).mul(0.25f);
            case 12 ->
                rank < 2
                        ? a.unsqueeze(0)
                        : a.transpose(0, rank - 1).contiguous().transpose(0, rank - 1);
            case 13 -> rank == 0 || a.size(dim) < 2 ? a.reshape(-1) : a.narrow(dim, 1, a.size(dim) - 1);
            case 14 ->
                rank == 0 ? a.unsqueeze(0) : Tensor.cat(dim, a, a.mul(-1f)).max(dim, true);
            default ->
                rank == 2 && b.dim() == 2 && a.size(1) == b.size(1)
                        ? a.matmul(b.t())
                        : rank == 0 ? a.mul(2f) : a.mean(dim);
        };
    }
}
