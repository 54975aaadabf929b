package org.grad4j.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.grad4j.autograd.Engine;
import org.grad4j.autograd.GradMode;
import org.grad4j.autograd.Hook;
import org.grad4j.autograd.Node;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ReduceOp;
import org.grad4j.ops.Add;
import org.grad4j.ops.ArgReduce;
import org.grad4j.ops.AvgPool2d;
import org.grad4j.ops.Cat;
import org.grad4j.ops.Clamp;
import org.grad4j.ops.Compare;
import org.grad4j.ops.Conv2d;
import org.grad4j.ops.ConvTranspose2d;
import org.grad4j.ops.Copy;
import org.grad4j.ops.CrossEntropy;
import org.grad4j.ops.Div;
import org.grad4j.ops.Elu;
import org.grad4j.ops.Exp;
import org.grad4j.ops.Expand;
import org.grad4j.ops.Extremum;
import org.grad4j.ops.Gather;
import org.grad4j.ops.Gelu;
import org.grad4j.ops.IndexSelect;
import org.grad4j.ops.LeakyRelu;
import org.grad4j.ops.Log;
import org.grad4j.ops.Matmul;
import org.grad4j.ops.MaxPool2d;
import org.grad4j.ops.Mul;
import org.grad4j.ops.Neg;
import org.grad4j.ops.Permute;
import org.grad4j.ops.Pow;
import org.grad4j.ops.PowScalar;
import org.grad4j.ops.Reshape;
import org.grad4j.ops.Sigmoid;
import org.grad4j.ops.Slice;
import org.grad4j.ops.Softmax;
import org.grad4j.ops.Softplus;
import org.grad4j.ops.Sqrt;
import org.grad4j.ops.Abs;
import org.grad4j.ops.Sub;
import org.grad4j.ops.Sum;
import org.grad4j.ops.Tanh;
import org.grad4j.ops.Where;

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
public class Tensor {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;
    private List<Hook> leafHooks;

    private Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /**
     * A new tensor object viewing the same values as {@code data}, outside any graph; for subclasses
     * such as {@code org.grad4j.nn.Parameter}.
     */
    protected Tensor(Tensor data) {
        this(data.storage, data.shape, data.strides, data.offset);
    }

    // ---------------------------------------------------------------- factories

    /**
     * A tensor holding a copy of {@code data} in the given shape; as with {@link #zeros}, no shape
     * means a 0-dimensional tensor, so a vector needs its length: {@code Tensor.of(data, data.length)}.
     */
    public static Tensor of(float[] data, int... shape) {
        int n = Shapes.numel(shape);
        if (data.length != n) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values cannot fill shape "
                    + Shapes.str(shape) + " (" + n + " elements)" + (shape.length == 0
                    ? "; give the shape, e.g. Tensor.of(data, " + data.length + ")" : ""));
        }
        return new Tensor(new Storage(data.clone()), shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    /** A 0-dimensional tensor. */
    public static Tensor scalar(float value) {
        return new Tensor(new Storage(new float[] {value}), new int[0], new int[0], 0);
    }

    /**
     * A view of {@code storage} with the given layout; for ops and kernels. Fails unless every
     * element lies inside the storage.
     */
    public static Tensor wrap(Storage storage, int[] shape, int[] strides, int offset) {
        int n = Shapes.numel(shape);
        long last = offset;
        for (int d = 0; d < shape.length; d++) {
            if (strides[d] < 0) {
                throw new IllegalArgumentException("wrap: negative stride in " + Shapes.str(strides));
            }
            last += (long) (shape[d] - 1) * strides[d];
        }
        if (shape.length != strides.length || offset < 0 || n > 0 && last >= storage.data().length) {
            throw new IllegalArgumentException("wrap: shape " + Shapes.str(shape) + " with strides "
                    + Shapes.str(strides) + " at offset " + offset + " does not fit a storage of "
                    + storage.data().length + " elements");
        }
        return new Tensor(storage, shape.clone(), strides.clone(), offset);
    }

    /** A new contiguous tensor over {@code data} without copying it; for ops and kernels. */
    public static Tensor wrap(float[] data, int... shape) {
        if (data.length != Shapes.numel(shape)) {
            throw new IllegalArgumentException("wrap: " + data.length + " values for shape " + Shapes.str(shape));
        }
        return new Tensor(new Storage(data), shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new Storage(new float[Shapes.numel(shape)]), shape.clone(), Shapes.contiguousStrides(shape),
                0);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.storage.data(), value);
        return t;
    }

    public static Tensor zerosLike(Tensor t) {
        return zeros(t.shape);
    }

    public static Tensor onesLike(Tensor t) {
        return ones(t.shape);
    }

    /** [0, 1, ..., end-1]. */
    public static Tensor arange(int end) {
        return arange(0, end, 1);
    }

    /** Values from start (inclusive) to end (exclusive) in steps of step. */
    public static Tensor arange(float start, float end, float step) {
        if (step == 0 || !Float.isFinite(start) || !Float.isFinite(end) || !Float.isFinite(step)) {
            throw new IllegalArgumentException("arange: start " + start + ", end " + end + " and step " + step
                    + " must be finite and step non-zero");
        }
        int n = Math.max(0, (int) Math.ceil((end - (double) start) / step));
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = (float) (start + (double) i * step);
        }
        return wrap(data, n);
    }

    /** The n × n identity matrix. */
    public static Tensor eye(int n) {
        Tensor t = zeros(n, n);
        for (int i = 0; i < n; i++) {
            t.storage.data()[i * n + i] = 1f;
        }
        return t;
    }

    /** Uniform values in [0, 1). */
    public static Tensor rand(Generator gen, int... shape) {
        return uniform(gen, 0f, 1f, shape);
    }

    /** Uniform values in [0, 1) from a new generator seeded with {@code seed}. */
    public static Tensor rand(long seed, int... shape) {
        return rand(new Generator(seed), shape);
    }

    /** Standard normal values. */
    public static Tensor randn(Generator gen, int... shape) {
        return normal(gen, 0f, 1f, shape);
    }

    /** Standard normal values from a new generator seeded with {@code seed}. */
    public static Tensor randn(long seed, int... shape) {
        return randn(new Generator(seed), shape);
    }

    /** Uniform values in [low, high). */
    public static Tensor uniform(Generator gen, float low, float high, int... shape) {
        if (!(low <= high)) {
            throw new IllegalArgumentException("uniform: low must be <= high, got " + low + " > " + high);
        }
        Tensor t = zeros(shape);
        float[] d = t.storage.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (low + (high - (double) low) * gen.nextDouble());
        }
        return t;
    }

    /** Normal values with the given mean and standard deviation. */
    public static Tensor normal(Generator gen, float mean, float std, int... shape) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("normal: std must be >= 0, got " + std);
        }
        Tensor t = zeros(shape);
        float[] d = t.storage.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (mean + std * gen.nextGaussian());
        }
        return t;
    }

    // ---------------------------------------------------------------- layout and values

    /** The sizes, one per dimension (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of one dimension (negative dims count from the end). */
    public int size(int dim) {
        return shape[Shapes.dim("size", dim, shape.length)];
    }

    /** Number of dimensions. */
    public int dim() {
        return shape.length;
    }

    /** Number of elements. */
    public int numel() {
        return Shapes.numel(shape);
    }

    /** Element strides, one per dimension (a copy). */
    public int[] stride() {
        return strides.clone();
    }

    /** Position of the first element in the storage. */
    public int storageOffset() {
        return offset;
    }

    public Storage storage() {
        return storage;
    }

    /** Whether the elements are laid out row-major without gaps. */
    public boolean isContiguous() {
        if (numel() == 0) {
            return true;
        }
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** The values in row-major order (a copy). */
    public float[] toArray() {
        if (numel() == 0) {
            return new float[0];
        }
        if (isContiguous()) {
            return Arrays.copyOfRange(storage.data(), offset, offset + numel());
        }
        float[] out = new float[numel()];
        Backend.current().copy(shape, storage.data(), offset, strides, out, 0, Shapes.contiguousStrides(shape));
        return out;
    }

    /** The value of a one-element tensor. */
    public float item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + Shapes.str(shape)
                    + " has " + numel() + " elements, not 1");
        }
        return storage.data()[offset];
    }

    /** The value at an index (one per dimension; negative indices count from the end). */
    public float get(int... index) {
        return storage.data()[position("get", index)];
    }

    private int position(String op, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + index.length + " indices for a tensor of shape "
                    + Shapes.str(shape));
        }
        int pos = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IllegalArgumentException(op + ": index " + index[d] + " out of range for dim " + d
                        + " of size " + shape[d] + " in shape " + Shapes.str(shape));
            }
            pos += i * strides[d];
        }
        return pos;
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    // ---------------------------------------------------------------- autograd

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf as needing a gradient (returns this, like {@code requires_grad_}). */
    public Tensor requiresGrad(boolean value) {
        if (gradFn != null && !value) {
            throw new IllegalStateException("requiresGrad: a tensor computed by " + gradFn.name()
                    + " cannot stop requiring grad; use detach()");
        }
        this.requiresGrad = value || gradFn != null;
        return this;
    }

    /** The accumulated gradient, or null before the first backward. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces (or with null, clears) the accumulated gradient. */
    public void setGrad(Tensor grad) {
        if (grad != null && !Arrays.equals(grad.shape, shape)) {
            throw new IllegalArgumentException("setGrad: gradient of shape " + Shapes.str(grad.shape)
                    + " for a tensor of shape " + Shapes.str(shape));
        }
        this.grad = grad;
    }

    /** The node that made this tensor, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /** Records the node that made this tensor; called by {@code Function.apply} only. */
    public void setGradFn(Node node) {
        if (gradFn != null) {
            throw new IllegalStateException("setGradFn: tensor already made by " + gradFn.name());
        }
        this.gradFn = node;
        this.requiresGrad = true;
    }

    /** A leaf is a tensor not made by a recorded op; only leaves accumulate {@link #grad()}. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** Back-propagates from this one-element tensor. */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalArgumentException("backward: grad can be implicitly created only for one-element"
                    + " tensors, got shape " + Shapes.str(shape) + "; pass a gradient");
        }
        backward(ones(shape), false);
    }

    /** Back-propagates {@code gradient} (of this tensor's shape). */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /** Back-propagates, keeping the graph for another backward when {@code retainGraph} is true. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Engine.backward(this, gradient, retainGraph);
    }

    /** The same values, cut from the graph (shares storage). */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset);
    }

    /** A new tensor object for the same view, outside the graph; used by {@code Function.apply}. */
    public Tensor alias() {
        return new Tensor(storage, shape, strides, offset);
    }

    /** Registers a hook on this tensor's gradient. */
    public Hook.Handle registerHook(Hook hook) {
        if (!requiresGrad) {
            throw new IllegalStateException("registerHook: tensor of shape " + Shapes.str(shape)
                    + " does not require grad");
        }
        if (gradFn != null) {
            return gradFn.registerHook(hook);
        }
        if (leafHooks == null) {
            leafHooks = new ArrayList<>(1);
        }
        leafHooks.add(hook);
        return () -> leafHooks.remove(hook);
    }

    /** Keeps the gradient of this non-leaf in {@link #grad()} during backward. */
    public Tensor retainGrad() {
        if (gradFn != null) {
            gradFn.registerHook(g -> {
                grad = grad == null ? g.clone() : grad.add(g);
                return null;
            });
        }
        return this;
    }

    /** The hooks of a leaf; for the engine. */
    public List<Hook> leafHooks() {
        return leafHooks == null ? List.of() : leafHooks;
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
            throw new IllegalArgumentException("select: index " + index + " out of range for dim " + dim
                    + " of size " + shape[d] + " in shape " + Shapes.str(shape));
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
        return conv2d(weight, bias, new int[] {stride, stride}, new int[] {padding, padding},
                new int[] {dilation, dilation}, groups);
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
            throw new IllegalArgumentException("conv2d: bias must have shape [" + weight.size(0) + "], got "
                    + Shapes.str(bias.shape));
        }
        return out.add(bias.reshape(1, -1, 1, 1));
    }

    /**
     * Transposed 2-D convolution (the adjoint of conv2d) of x [N, C_in, H, W] with weight
     * [C_in, C_out/groups, KH, KW], plus bias [C_out] if not null, with (height, width) pairs.
     */
    public Tensor convTranspose2d(Tensor weight, Tensor bias, int[] stride, int[] padding, int[] outputPadding,
                                  int[] dilation, int groups) {
        Tensor out = new ConvTranspose2d(stride, padding, outputPadding, dilation, groups).apply(this, weight);
        if (bias == null) {
            return out;
        }
        if (bias.dim() != 1 || bias.shape[0] != out.size(1)) {
            throw new IllegalArgumentException("convTranspose2d: bias must have shape [" + out.size(1) + "], got "
                    + Shapes.str(bias.shape));
        }
        return out.add(bias.reshape(1, -1, 1, 1));
    }

    public Tensor convTranspose2d(Tensor weight, Tensor bias, int stride, int padding) {
        return convTranspose2d(weight, bias, new int[] {stride, stride}, new int[] {padding, padding},
                new int[] {0, 0}, new int[] {1, 1}, 1);
    }

    /** Max over kernel × kernel windows with stride = kernel. */
    public Tensor maxPool2d(int kernel) {
        return maxPool2d(kernel, kernel, 0);
    }

    public Tensor maxPool2d(int kernel, int stride, int padding) {
        return new MaxPool2d(new int[] {kernel, kernel}, new int[] {stride, stride}, new int[] {padding, padding},
                new int[] {1, 1}).apply(this);
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

    // ---------------------------------------------------------------- in place (leaves and no-grad code)

    /** this += other (broadcast to this tensor's shape). */
    public Tensor add_(Tensor other) {
        return inPlace("add_", BinaryOp.ADD, other);
    }

    /** this += alpha · other. */
    public Tensor add_(Tensor other, float alpha) {
        return alpha == 1f ? add_(other) : add_(other.mul(alpha));
    }

    public Tensor add_(float value) {
        return inPlace("add_", BinaryOp.ADD, scalar(value));
    }

    public Tensor sub_(Tensor other) {
        return inPlace("sub_", BinaryOp.SUB, other);
    }

    public Tensor mul_(Tensor other) {
        return inPlace("mul_", BinaryOp.MUL, other);
    }

    public Tensor mul_(float value) {
        return inPlace("mul_", BinaryOp.MUL, scalar(value));
    }

    public Tensor div_(Tensor other) {
        return inPlace("div_", BinaryOp.DIV, other);
    }

    public Tensor div_(float value) {
        return inPlace("div_", BinaryOp.DIV, scalar(value));
    }

    /** Sets every element to value. */
    public Tensor fill_(float value) {
        checkInPlace("fill_");
        if (isContiguous()) {
            Backend.current().fill(storage.data(), offset, numel(), value);
        } else {
            Tensor v = scalar(value);
            Backend.current().copy(shape, v.storage.data(), 0, new int[shape.length], storage.data(), offset,
                    strides);
        }
        storage.bumpVersion();
        return this;
    }

    public Tensor zero_() {
        return fill_(0f);
    }

    /** Copies src's values (broadcast to this shape) into this tensor. */
    public Tensor copy_(Tensor src) {
        checkInPlace("copy_");
        if (!Shapes.broadcastsTo(src.shape, shape)) {
            throw new IllegalArgumentException("copy_: source of shape " + Shapes.str(src.shape)
                    + " does not broadcast to " + Shapes.str(shape));
        }
        Tensor s = src.expand(shape);
        Backend.current().copy(shape, s.storage.data(), s.offset, s.strides, storage.data(), offset, strides);
        storage.bumpVersion();
        return this;
    }

    private Tensor inPlace(String op, BinaryOp kind, Tensor other) {
        checkInPlace(op);
        if (!Shapes.broadcastsTo(other.shape, shape)) {
            throw new IllegalArgumentException(op + ": operand of shape " + Shapes.str(other.shape)
                    + " does not broadcast to " + Shapes.str(shape));
        }
        Tensor b = other.expand(shape);
        if (isContiguous()) {
            Backend.current().binary(kind, shape, storage.data(), offset, strides, b.storage.data(), b.offset,
                    b.strides, storage.data(), offset);
        } else {
            float[] tmp = new float[numel()];
            Backend.current().binary(kind, shape, storage.data(), offset, strides, b.storage.data(), b.offset,
                    b.strides, tmp, 0);
            Backend.current().copy(shape, tmp, 0, Shapes.contiguousStrides(shape), storage.data(), offset, strides);
        }
        storage.bumpVersion();
        return this;
    }

    private void checkInPlace(String op) {
        if (requiresGrad && GradMode.isEnabled()) {
            throw new IllegalStateException(op + ": in-place operation on a tensor of shape " + Shapes.str(shape)
                    + " that requires grad; run it inside GradMode.noGrad() or on a detached tensor");
        }
    }
}
