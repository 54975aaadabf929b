package org.grad4j.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.grad4j.autograd.Autograd;
import org.grad4j.autograd.GradMode;
import org.grad4j.autograd.Hook;
import org.grad4j.autograd.Node;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.Storage;

/**
 * The data and autograd half of {@link Tensor} (as PyTorch's {@code TensorBase}): storage, shape,
 * strides and offset; factories; element access; the autograd state (grad, gradFn, hooks); and
 * the in-place methods. The differentiable ops are {@link Tensor}'s.
 */
abstract class TensorBase {
    final Storage storage;
    final int[] shape;
    final int[] strides;
    final int offset;
    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;
    private List<Hook> leafHooks;

    TensorBase(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /**
     * A new tensor object viewing the same values as {@code data}, outside any graph; for subclasses
     * such as {@code org.grad4j.nn.Parameter}.
     */
    TensorBase(TensorBase data) {
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
                    + Shapes.str(shape) + " (" + n + " elements)"
                    + (shape.length == 0 ? "; give the shape, e.g. Tensor.of(data, " + data.length + ")" : ""));
        }
        return new Tensor(Storage.owning(data.clone()), shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    /** A 0-dimensional tensor. */
    public static Tensor scalar(float value) {
        return new Tensor(Storage.owning(new float[] {value}), new int[0], new int[0], 0);
    }

    /** A view of {@code storage} with the given layout; fails unless every element lies inside the storage. */
    static Tensor view(Storage storage, int[] shape, int[] strides, int offset) {
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

    /**
     * A contiguous tensor over {@code data} without copying it (as {@code torch.from_numpy}): writes
     * to the array show in the tensor and the other way round.
     */
    public static Tensor wrap(float[] data, int... shape) {
        if (data.length != Shapes.numel(shape)) {
            throw new IllegalArgumentException("wrap: " + data.length + " values for shape " + Shapes.str(shape));
        }
        return new Tensor(Storage.wrapping(data), shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(Storage.zeroed(Shapes.numel(shape)), shape.clone(), Shapes.contiguousStrides(shape), 0);
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

    /**
     * Releases the values, as DJL's {@code NDArray.close()} does: the storage, which every view of
     * this tensor shares, serves the calling thread's next tensor of the same size (when grad4j
     * allocated it), and this tensor and its views throw {@link IllegalStateException} when used
     * from then on; a graph that saved one of them for backward fails likewise. Closing twice does
     * nothing. Without close, the garbage collector reclaims the memory as usual; closing pays in
     * loops of short-lived results, which then reuse memory still in the cache instead of fresh
     * memory the JVM must zero (see docs/benchmarks.md). Close a tensor only when no other thread
     * is using it.
     */
    public void close() {
        storage.release();
    }

    /** Whether {@link #close()} was called on this tensor or on one sharing its storage. */
    public boolean isClosed() {
        return storage.isReleased();
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
            throw new IllegalArgumentException(
                    "item: tensor of shape " + Shapes.str(shape) + " has " + numel() + " elements, not 1");
        }
        return storage.data()[offset];
    }

    /** The value at an index (one per dimension; negative indices count from the end). */
    public float get(int... index) {
        return storage.data()[position("get", index)];
    }

    private int position(String op, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(
                    op + ": " + index.length + " indices for a tensor of shape " + Shapes.str(shape));
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
        return TensorFormat.format((Tensor) this);
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
        return (Tensor) this;
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
    void setGradFn(Node node) {
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
        Autograd.backward((Tensor) this, gradient, retainGraph);
    }

    /** The same values, cut from the graph (shares storage). */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset);
    }

    /** Registers a hook on this tensor's gradient. */
    public Hook.Handle registerHook(Hook hook) {
        if (!requiresGrad) {
            throw new IllegalStateException(
                    "registerHook: tensor of shape " + Shapes.str(shape) + " does not require grad");
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
        return (Tensor) this;
    }

    /** The hooks of a leaf; for the backward pass. */
    List<Hook> leafHooks() {
        return leafHooks == null ? List.of() : leafHooks;
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
            Backend.current().copy(shape, v.storage.data(), 0, new int[shape.length], storage.data(), offset, strides);
        }
        storage.bumpVersion();
        return (Tensor) this;
    }

    public Tensor zero_() {
        return fill_(0f);
    }

    /** Copies src's values (broadcast to this shape) into this tensor. */
    public Tensor copy_(Tensor src) {
        checkInPlace("copy_");
        if (!Shapes.broadcastsTo(src.shape, shape)) {
            throw new IllegalArgumentException(
                    "copy_: source of shape " + Shapes.str(src.shape) + " does not broadcast to " + Shapes.str(shape));
        }
        Tensor s = src.expand(shape);
        Backend.current().copy(shape, s.storage.data(), s.offset, s.strides, storage.data(), offset, strides);
        storage.bumpVersion();
        return (Tensor) this;
    }

    private Tensor inPlace(String op, BinaryOp kind, Tensor other) {
        checkInPlace(op);
        if (!Shapes.broadcastsTo(other.shape, shape)) {
            throw new IllegalArgumentException(op + ": operand of shape " + Shapes.str(other.shape)
                    + " does not broadcast to " + Shapes.str(shape));
        }
        Tensor b = other.expand(shape);
        if (isContiguous()) {
            Backend.current()
                    .binary(
                            kind,
                            shape,
                            storage.data(),
                            offset,
                            strides,
                            b.storage.data(),
                            b.offset,
                            b.strides,
                            storage.data(),
                            offset);
        } else {
            float[] tmp = new float[numel()];
            Backend.current()
                    .binary(
                            kind,
                            shape,
                            storage.data(),
                            offset,
                            strides,
                            b.storage.data(),
                            b.offset,
                            b.strides,
                            tmp,
                            0);
            Backend.current().copy(shape, tmp, 0, Shapes.contiguousStrides(shape), storage.data(), offset, strides);
        }
        storage.bumpVersion();
        return (Tensor) this;
    }

    private void checkInPlace(String op) {
        if (requiresGrad && GradMode.isEnabled()) {
            throw new IllegalStateException(op + ": in-place operation on a tensor of shape " + Shapes.str(shape)
                    + " that requires grad; run it inside GradMode.noGrad() or on a detached tensor");
        }
    }
}
