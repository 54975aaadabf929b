package org.grad4j.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ReduceOp;
import org.grad4j.internal.ops.Abs;
import org.grad4j.internal.ops.Add;
import org.grad4j.internal.ops.ArgReduce;
import org.grad4j.internal.ops.AvgPool2d;
import org.grad4j.internal.ops.Cat;
import org.grad4j.internal.ops.Clamp;
import org.grad4j.internal.ops.Compare;
import org.grad4j.internal.ops.Conv2d;
import org.grad4j.internal.ops.ConvTranspose2d;
import org.grad4j.internal.ops.Copy;
import org.grad4j.internal.ops.CrossEntropy;
import org.grad4j.internal.ops.Div;
import org.grad4j.internal.ops.Elu;
import org.grad4j.internal.ops.Exp;
import org.grad4j.internal.ops.Expand;
import org.grad4j.internal.ops.Extremum;
import org.grad4j.internal.ops.Gather;
import org.grad4j.internal.ops.Gelu;
import org.grad4j.internal.ops.IndexSelect;
import org.grad4j.internal.ops.LeakyRelu;
import org.grad4j.internal.ops.Log;
import org.grad4j.internal.ops.Matmul;
import org.grad4j.internal.ops.MaxPool2d;
import org.grad4j.internal.ops.Mul;
import org.grad4j.internal.ops.Neg;
import org.grad4j.internal.ops.Permute;
import org.grad4j.internal.ops.Pow;
import org.grad4j.internal.ops.PowScalar;
import org.grad4j.internal.ops.Reshape;
import org.grad4j.internal.ops.Sigmoid;
import org.grad4j.internal.ops.Slice;
import org.grad4j.internal.ops.Softmax;
import org.grad4j.internal.ops.Softplus;
import org.grad4j.internal.ops.Sqrt;
import org.grad4j.internal.ops.Sub;
import org.grad4j.internal.ops.Sum;
import org.grad4j.internal.ops.Tanh;
import org.grad4j.internal.ops.Where;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.tensor.TensorInternals;

/**
 * An n-dimensional array of float32 values that records the operations made on it for
 * automatic differentiation, like {@code torch.Tensor}.
 *
 * <p>A tensor is a view: a shape, strides and an offset over a {@link Storage} that views share
 * ({@link #reshape}, {@link #transpose}, {@link #permute}, {@link #narrow}, {@link #expand} copy
 * nothing). Binary ops broadcast as NumPy does. Ops return new tensors; only the methods named
 * with a trailing underscore ({@code add_}, {@code zero_}) write in place.
 *
 * <pre>{@code
 * Tensor a = Tensor.of(new float[] {2}).requiresGrad(true);
 * Tensor e = a.add(2).mul(a.mul(3).add(4));   // (a + 2)(3a + 4) = 40
 * e.backward();
 * a.grad();                                     // tensor(22.)
 * }</pre>
 */
public class Tensor extends TensorBase implements AutoCloseable {
    static {
        TensorInternals.install(new Internals());
    }

    Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        super(storage, shape, strides, offset);
    }

    /**
     * A new tensor object viewing the same values as {@code data}, outside any graph; for subclasses
     * such as {@code org.grad4j.nn.Parameter}.
     */
    protected Tensor(Tensor data) {
        super(data);
    }

    // ---------------------------------------------------------------- arithmetic (broadcasting)

    public Tensor add(Tensor other) {
        return new Add().apply(this, other);
    }

    public Tensor add(float value) {
        return add(scalar(value));
    }

    public Tensor sub(Tensor other) {
        return new Sub().apply(this, other);
    }

    public Tensor sub(float value) {
        return sub(scalar(value));
    }

    public Tensor mul(Tensor other) {
        return new Mul().apply(this, other);
    }

    public Tensor mul(float value) {
        return mul(scalar(value));
    }

    public Tensor div(Tensor other) {
        return new Div().apply(this, other);
    }

    public Tensor div(float value) {
        return div(scalar(value));
    }

    public Tensor neg() {
        return new Neg().apply(this);
    }

    /** Element-wise power with a tensor exponent (broadcast). */
    public Tensor pow(Tensor exponent) {
        return new Pow().apply(this, exponent);
    }

    public Tensor pow(float exponent) {
        return new PowScalar(exponent).apply(this);
    }

    public Tensor square() {
        return mul(this);
    }

    public Tensor reciprocal() {
        return new PowScalar(-1f).apply(this);
    }

    // ---------------------------------------------------------------- element-wise functions

    public Tensor exp() {
        return new Exp().apply(this);
    }

    public Tensor log() {
        return new Log().apply(this);
    }

    public Tensor sqrt() {
        return new Sqrt().apply(this);
    }

    public Tensor abs() {
        return new Abs().apply(this);
    }

    /** Limits values to [min, max]; use ±infinity for a one-sided clamp. */
    public Tensor clamp(float min, float max) {
        return new Clamp(min, max).apply(this);
    }

    public Tensor clampMin(float min) {
        return clamp(min, Float.POSITIVE_INFINITY);
    }

    public Tensor clampMax(float max) {
        return clamp(Float.NEGATIVE_INFINITY, max);
    }

    public Tensor tanh() {
        return new Tanh().apply(this);
    }

    public Tensor sigmoid() {
        return new Sigmoid().apply(this);
    }

    public Tensor relu() {
        return new LeakyRelu(0f).apply(this);
    }

    /** max(x, 0) + slope · min(x, 0); PyTorch's default slope is 0.01. */
    public Tensor leakyRelu(float negativeSlope) {
        return new LeakyRelu(negativeSlope).apply(this);
    }

    public Tensor leakyRelu() {
        return leakyRelu(0.01f);
    }

    /** log(1 + exp(x)), linear above 20. */
    public Tensor softplus() {
        return new Softplus().apply(this);
    }

    /** x · Φ(x) with the exact Gaussian CDF (PyTorch's default GELU). */
    public Tensor gelu() {
        return new Gelu().apply(this);
    }

    /** x for x &gt; 0, alpha · (exp(x) − 1) otherwise. */
    public Tensor elu(float alpha) {
        return new Elu(alpha).apply(this);
    }

    public Tensor elu() {
        return elu(1f);
    }

    // ---------------------------------------------------------------- comparisons (no gradient; 1 or 0)

    public Tensor gt(Tensor other) {
        return new Compare(BinaryOp.GT).apply(this, other);
    }

    public Tensor gt(float value) {
        return gt(scalar(value));
    }

    public Tensor ge(Tensor other) {
        return new Compare(BinaryOp.GE).apply(this, other);
    }

    public Tensor ge(float value) {
        return ge(scalar(value));
    }

    public Tensor lt(Tensor other) {
        return new Compare(BinaryOp.LT).apply(this, other);
    }

    public Tensor lt(float value) {
        return lt(scalar(value));
    }

    public Tensor le(Tensor other) {
        return new Compare(BinaryOp.LE).apply(this, other);
    }

    public Tensor le(float value) {
        return le(scalar(value));
    }

    public Tensor eq(Tensor other) {
        return new Compare(BinaryOp.EQ).apply(this, other);
    }

    public Tensor eq(float value) {
        return eq(scalar(value));
    }

    public Tensor ne(Tensor other) {
        return new Compare(BinaryOp.NE).apply(this, other);
    }

    public Tensor ne(float value) {
        return ne(scalar(value));
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements (a scalar). */
    public Tensor sum() {
        return new Sum(null, false).apply(this);
    }

    public Tensor sum(int dim) {
        return sum(dim, false);
    }

    public Tensor sum(int dim, boolean keepDim) {
        return new Sum(new int[] {dim}, keepDim).apply(this);
    }

    /** Sum over several dims. */
    public Tensor sum(int[] dims, boolean keepDim) {
        return new Sum(dims.clone(), keepDim).apply(this);
    }

    public Tensor mean() {
        return sum().div(Math.max(numel(), 0));
    }

    public Tensor mean(int dim) {
        return mean(dim, false);
    }

    public Tensor mean(int dim, boolean keepDim) {
        int d = Shapes.dim("mean", dim, dim());
        return sum(d, keepDim).div(shape[d]);
    }

    /** Largest element (a scalar); the gradient is shared evenly among ties. */
    public Tensor max() {
        return new Extremum(ReduceOp.MAX, null, false).apply(this);
    }

    /** Largest values along a dim; the gradient goes to the first largest position. */
    public Tensor max(int dim, boolean keepDim) {
        return new Extremum(ReduceOp.MAX, dim, keepDim).apply(this);
    }

    public Tensor max(int dim) {
        return max(dim, false);
    }

    public Tensor min() {
        return new Extremum(ReduceOp.MIN, null, false).apply(this);
    }

    public Tensor min(int dim, boolean keepDim) {
        return new Extremum(ReduceOp.MIN, dim, keepDim).apply(this);
    }

    public Tensor min(int dim) {
        return min(dim, false);
    }

    /** Flat index of the first largest element. */
    public Tensor argmax() {
        return new ArgReduce(ReduceOp.ARGMAX, null, false).apply(this);
    }

    /** Index (as a float) of the first largest element along a dim. */
    public Tensor argmax(int dim, boolean keepDim) {
        return new ArgReduce(ReduceOp.ARGMAX, dim, keepDim).apply(this);
    }

    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    public Tensor argmin() {
        return new ArgReduce(ReduceOp.ARGMIN, null, false).apply(this);
    }

    public Tensor argmin(int dim, boolean keepDim) {
        return new ArgReduce(ReduceOp.ARGMIN, dim, keepDim).apply(this);
    }

    public Tensor argmin(int dim) {
        return argmin(dim, false);
    }

    /**
     * exp(x) / sum(exp(x)) along a dim, computed from x − max(x) so large values do not overflow;
     * an empty dim gives an empty result, as in PyTorch.
     */
    public Tensor softmax(int dim) {
        return new Softmax(dim, false).apply(this);
    }

    /**
     * x − log(sum(exp(x))) along a dim, computed from x − max(x) so large values do not overflow;
     * an empty dim gives an empty result, as in PyTorch.
     */
    public Tensor logSoftmax(int dim) {
        return new Softmax(dim, true).apply(this);
    }

    /**
     * Mean cross-entropy of these logits [N, C] against class indices {@code target} [N] (integer
     * values), like {@code F.cross_entropy}; stable for large logits.
     */
    public Tensor crossEntropy(Tensor target) {
        return new CrossEntropy(target).apply(this).mean();
    }

    // ---------------------------------------------------------------- matrix products

    /**
     * Matrix product with {@code torch.matmul}'s rules: 1-D operands are promoted to a row or
     * column and the added dim removed; dims before the last two are batch dims and broadcast.
     */
    public Tensor matmul(Tensor other) {
        if (dim() == 0 || other.dim() == 0) {
            throw new IllegalArgumentException("matmul: both arguments need at least one dimension, got "
                    + Shapes.str(shape) + " @ " + Shapes.str(other.shape));
        }
        Tensor a = dim() == 1 ? unsqueeze(0) : this;
        Tensor b = other.dim() == 1 ? other.unsqueeze(1) : other;
        Tensor out = new Matmul().apply(a, b);
        if (other.dim() == 1) {
            out = out.squeeze(-1);
        }
        if (dim() == 1) {
            out = out.squeeze(out.dim() == 1 && other.dim() == 1 ? 0 : -2);
        }
        return out;
    }

    /**
     * x·Wᵀ + b ({@code torch.nn.functional.linear}): this is x [*, in], {@code weight} [out, in],
     * {@code bias} [out] or null; the result is [*, out].
     */
    public Tensor linear(Tensor weight, Tensor bias) {
        if (weight.dim() != 2
                || dim() == 0
                || size(-1) != weight.shape[1]
                || bias != null && (bias.dim() != 1 || bias.shape[0] != weight.shape[0])) {
            throw new IllegalArgumentException("linear: expects input [*, in], weight [out, in] and bias [out], got "
                    + Shapes.str(shape) + ", " + Shapes.str(weight.shape)
                    + (bias == null ? " and no bias" : " and " + Shapes.str(bias.shape)));
        }
        Tensor y = matmul(weight.t());
        return bias == null ? y : y.add(bias);
    }

    /**
     * Matrix product of operands with at least 2 dims, written into {@code out} without
     * allocating (PyTorch's {@code out=}); not recorded for autograd.
     */
    public Tensor matmul(Tensor other, Tensor out) {
        Matmul.into(this, other, out);
        out.storage.bumpVersion();
        return out;
    }

    /** The transpose of a matrix (a 0-D or 1-D tensor is returned as is). */
    public Tensor t() {
        if (dim() > 2) {
            throw new IllegalArgumentException("t: expects a tensor with <= 2 dimensions, got " + Shapes.str(shape));
        }
        return dim() < 2 ? this : transpose(0, 1);
    }

    // ---------------------------------------------------------------- views and shape

    /** The same values in a new shape (one size may be -1); a view when the layout allows, else a copy. */
    public Tensor reshape(int... newShape) {
        return new Reshape(newShape, false).apply(this);
    }

    /** Like {@link #reshape} but always a view; fails when the layout needs a copy. */
    public Tensor view(int... newShape) {
        return new Reshape(newShape, true).apply(this);
    }

    /** Swaps two dims (a view). */
    public Tensor transpose(int dim0, int dim1) {
        int[] order = new int[dim()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int a = Shapes.dim("transpose", dim0, dim());
        int b = Shapes.dim("transpose", dim1, dim());
        order[a] = b;
        order[b] = a;
        return permute(order);
    }

    /** Reorders the dims (a view). */
    public Tensor permute(int... dims) {
        return new Permute(dims).apply(this);
    }

    /** Broadcasts size-1 dims (and new leading dims) to the given sizes without copying; -1 keeps a size. */
    public Tensor expand(int... sizes) {
        return new Expand(sizes).apply(this);
    }

    public Tensor expandAs(Tensor other) {
        return expand(other.shape);
    }

    /** Elements start .. start+length-1 along a dim (a view). */
    public Tensor narrow(int dim, int start, int length) {
        return new Slice(dim, start, start + length, 1, true).apply(this);
    }

    /** Elements start, start+step, ... before end along a dim (a view); negative start/end count from the end. */
    public Tensor slice(int dim, int start, int end, int step) {
        return new Slice(dim, start, end, step, false).apply(this);
    }

    public Tensor slice(int dim, int start, int end) {
        return slice(dim, start, end, 1);
    }

    /** The sub-tensor at one index of a dim, with that dim removed (a view). */
    public Tensor select(int dim, int index) {
        int d = Shapes.dim("select", dim, dim());
        int i = index < 0 ? index + shape[d] : index;
        if (i < 0 || i >= shape[d]) {
            throw new IllegalArgumentException("select: index " + index + " out of range for dim " + dim + " of size "
                    + shape[d] + " in shape " + Shapes.str(shape));
        }
        return narrow(d, i, 1).squeeze(d);
    }

    /** Removes every size-1 dim. */
    public Tensor squeeze() {
        int[] kept = Arrays.stream(shape).filter(s -> s != 1).toArray();
        return reshape(kept);
    }

    /** Removes a dim if its size is 1. */
    public Tensor squeeze(int dim) {
        int d = Shapes.dim("squeeze", dim, dim());
        if (shape[d] != 1) {
            return reshape(shape);
        }
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != d) {
                out[j++] = shape[i];
            }
        }
        return reshape(out);
    }

    /** Inserts a size-1 dim at {@code dim} (in [-dim()-1, dim()]). */
    public Tensor unsqueeze(int dim) {
        int d = Shapes.dim("unsqueeze", dim, dim() + 1);
        int[] out = new int[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == d ? 1 : shape[j++];
        }
        return reshape(out);
    }

    /** All dims in one. */
    public Tensor flatten() {
        return reshape(numel());
    }

    /** Dims startDim..endDim (inclusive) in one. */
    public Tensor flatten(int startDim, int endDim) {
        if (dim() == 0) {
            return reshape(1);
        }
        int s = Shapes.dim("flatten", startDim, dim());
        int e = Shapes.dim("flatten", endDim, dim());
        if (s > e) {
            throw new IllegalArgumentException("flatten: startDim " + startDim + " comes after endDim " + endDim
                    + " for shape " + Shapes.str(shape));
        }
        int[] out = new int[shape.length - (e - s)];
        int merged = 1;
        for (int i = s; i <= e; i++) {
            merged *= shape[i];
        }
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i < s || i > e) {
                out[j++] = shape[i];
            } else if (i == s) {
                out[j++] = merged;
            }
        }
        return reshape(out);
    }

    /** This tensor if contiguous, else a contiguous copy (differentiable). */
    public Tensor contiguous() {
        return isContiguous() ? this : new Copy().apply(this);
    }

    /** A contiguous copy with its own storage (differentiable). */
    public Tensor clone() {
        return new Copy().apply(this);
    }

    // ---------------------------------------------------------------- joining and splitting

    /** Joins tensors along an existing dim. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return new Cat(dim).apply(tensors.toArray(new Tensor[0]));
    }

    public static Tensor cat(int dim, Tensor... tensors) {
        return new Cat(dim).apply(tensors);
    }

    /** Joins equally shaped tensors along a new dim. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack: expects a non-empty list of tensors");
        }
        int d = Shapes.dim("stack", dim, tensors.get(0).dim() + 1);
        List<Tensor> expanded = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            Shapes.checkSame("stack", tensors.get(0).shape, t.shape);
            expanded.add(t.unsqueeze(d));
        }
        return cat(expanded, d);
    }

    /** Pieces of {@code splitSize} along a dim (the last may be smaller), as views. */
    public List<Tensor> split(int splitSize, int dim) {
        int d = Shapes.dim("split", dim, dim());
        if (splitSize <= 0) {
            throw new IllegalArgumentException("split: splitSize must be > 0, got " + splitSize);
        }
        List<Tensor> parts = new ArrayList<>();
        for (int start = 0; start < shape[d]; start += splitSize) {
            parts.add(narrow(d, start, Math.min(splitSize, shape[d] - start)));
        }
        if (parts.isEmpty()) {
            parts.add(narrow(d, 0, 0));
        }
        return parts;
    }

    /** Pieces with the given sizes along a dim (they must add up to the dim's size), as views. */
    public List<Tensor> split(int[] sizes, int dim) {
        int d = Shapes.dim("split", dim, dim());
        int total = Arrays.stream(sizes).sum();
        if (total != shape[d] || Arrays.stream(sizes).anyMatch(s -> s < 0)) {
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " must be >= 0 and add up to "
                    + shape[d] + " (dim " + dim + " of " + Shapes.str(shape) + ")");
        }
        List<Tensor> parts = new ArrayList<>();
        int start = 0;
        for (int s : sizes) {
            parts.add(narrow(d, start, s));
            start += s;
        }
        return parts;
    }

    // ---------------------------------------------------------------- indexing

    /** The entries at {@code index} (a 1-D tensor of integer values) along a dim. */
    public Tensor indexSelect(int dim, Tensor index) {
        return new IndexSelect(dim, index).apply(this);
    }

    /** out[i][j][k] = x[i][index[i][j][k]][k] for dim = 1; index has this tensor's rank. */
    public Tensor gather(int dim, Tensor index) {
        return new Gather(dim, index).apply(this);
    }

    /** cond != 0 ? a : b, element-wise with broadcasting. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return new Where().apply(cond, a, b);
    }

    /** value where mask != 0, else this tensor's element. */
    public Tensor maskedFill(Tensor mask, float value) {
        if (mask == null) {
            throw new IllegalArgumentException("maskedFill: mask is null");
        }
        Shapes.broadcast("maskedFill", shape, mask.shape);
        return where(mask, scalar(value), this);
    }

    // ---------------------------------------------------------------- convolution and pooling (NCHW)

    /** 2-D convolution of x [N, C, H, W] with weight [O, C/groups, KH, KW], plus bias [O] if not null. */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return conv2d(
                weight,
                bias,
                new int[] {stride, stride},
                new int[] {padding, padding},
                new int[] {dilation, dilation},
                groups);
    }

    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(weight, bias, stride, padding, 1, 1);
    }

    public Tensor conv2d(Tensor weight, Tensor bias) {
        return conv2d(weight, bias, 1, 0, 1, 1);
    }

    /** 2-D convolution with (height, width) pairs for stride, padding and dilation. */
    public Tensor conv2d(Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation, int groups) {
        Tensor out = new Conv2d(stride, padding, dilation, groups).apply(this, weight);
        if (bias == null) {
            return out;
        }
        if (bias.dim() != 1 || bias.shape[0] != weight.size(0)) {
            throw new IllegalArgumentException(
                    "conv2d: bias must have shape [" + weight.size(0) + "], got " + Shapes.str(bias.shape));
        }
        return out.add(bias.reshape(1, -1, 1, 1));
    }

    /**
     * Transposed 2-D convolution (the adjoint of conv2d) of x [N, C_in, H, W] with weight
     * [C_in, C_out/groups, KH, KW], plus bias [C_out] if not null, with (height, width) pairs.
     */
    public Tensor convTranspose2d(
            Tensor weight, Tensor bias, int[] stride, int[] padding, int[] outputPadding, int[] dilation, int groups) {
        Tensor out = new ConvTranspose2d(stride, padding, outputPadding, dilation, groups).apply(this, weight);
        if (bias == null) {
            return out;
        }
        if (bias.dim() != 1 || bias.shape[0] != out.size(1)) {
            throw new IllegalArgumentException(
                    "convTranspose2d: bias must have shape [" + out.size(1) + "], got " + Shapes.str(bias.shape));
        }
        return out.add(bias.reshape(1, -1, 1, 1));
    }

    public Tensor convTranspose2d(Tensor weight, Tensor bias, int stride, int padding) {
        return convTranspose2d(
                weight,
                bias,
                new int[] {stride, stride},
                new int[] {padding, padding},
                new int[] {0, 0},
                new int[] {1, 1},
                1);
    }

    /** Max over kernel × kernel windows with stride = kernel. */
    public Tensor maxPool2d(int kernel) {
        return maxPool2d(kernel, kernel, 0);
    }

    public Tensor maxPool2d(int kernel, int stride, int padding) {
        return new MaxPool2d(
                        new int[] {kernel, kernel},
                        new int[] {stride, stride},
                        new int[] {padding, padding},
                        new int[] {1, 1})
                .apply(this);
    }

    /** Max pooling with (height, width) pairs. */
    public Tensor maxPool2d(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        return new MaxPool2d(kernel, stride, padding, dilation).apply(this);
    }

    /** Mean over kernel × kernel windows with stride = kernel. */
    public Tensor avgPool2d(int kernel) {
        return avgPool2d(kernel, kernel, 0);
    }

    public Tensor avgPool2d(int kernel, int stride, int padding) {
        return new AvgPool2d(new int[] {kernel, kernel}, new int[] {stride, stride}, new int[] {padding, padding})
                .apply(this);
    }

    /** Average pooling with (height, width) pairs. */
    public Tensor avgPool2d(int[] kernel, int[] stride, int[] padding) {
        return new AvgPool2d(kernel, stride, padding).apply(this);
    }

    /**
     * Zeroes each element with probability p and scales the rest by 1/(1-p) when training;
     * the mask comes from {@code gen}, so a seed reproduces it.
     */
    public Tensor dropout(float p, boolean training, Generator gen) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: p must be in [0, 1], got " + p);
        }
        if (!training || p == 0) {
            return this;
        }
        if (p == 1) {
            return mul(0f);
        }
        float[] mask = new float[numel()];
        float keep = 1f / (1 - p);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = gen.nextDouble() >= p ? keep : 0f;
        }
        return mul(wrap(mask, shape));
    }
}
