package org.grad4j.tensor;

import java.util.Arrays;
import java.util.List;
import org.grad4j.autograd.Autograd;
import org.grad4j.autograd.GradMode;
import org.grad4j.autograd.Hook;
import org.grad4j.autograd.Node;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.internal.tensor.HookList;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.trace.Tracing;

/**
 * The data and autograd half of {@link Tensor} (as PyTorch's {@code TensorBase}): storage, shape,
 * strides and offset; factories; element access; the autograd state (grad, gradFn, hooks); and
 * the in-place methods. The differentiable ops are {@link Tensor}'s.
 */
abstract class TensorBase {
    /** Every integer of magnitude up to this is a float32 value. */
    private static final int EXACT_FLOAT_INTEGERS = 1 << 24;

    final Storage storage;
    final int[] shape;
    final int[] strides;
    final int offset;
    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;
    private HookList leafHooks;
    private RetainedGrad retainedGrad;

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
     * A 1-D tensor holding a copy of {@code data}, as {@code torch.tensor(list)}; {@link #scalar}
     * makes a 0-dimensional one.
     *
     * @param data the values (copied)
     * @return a tensor of shape [data.length]
     */
    public static Tensor of(float[] data) {
        return of(data, data.length);
    }

    /**
     * A tensor holding a copy of {@code data} in the given shape, as
     * {@code torch.tensor(data).reshape(shape)}; an empty shape (a 0-dimensional tensor) takes one value.
     *
     * @param data the values in row-major order (copied)
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @throws IllegalArgumentException if {@code data} does not hold exactly as many values as the shape
     */
    public static Tensor of(float[] data, int... shape) {
        int n = Shapes.numel(shape);
        if (data.length != n) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values cannot fill shape "
                    + Shapes.str(shape) + " (" + n + " elements)");
        }
        return new Tensor(Storage.owning(data.clone()), shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    /**
     * A 0-dimensional tensor, as {@code torch.tensor(value)}.
     *
     * @param value the value
     * @return the new tensor
     */
    public static Tensor scalar(float value) {
        return new Tensor(Storage.owning(new float[] {value}), new int[0], new int[0], 0);
    }

    /** A view of {@code storage} with the given layout; fails unless every element lies inside the storage. */
    static Tensor view(Storage storage, int[] shape, int[] strides, int offset) {
        int n = Shapes.numel(shape);
        if (strides.length != shape.length) {
            throw new IllegalArgumentException("wrap: strides " + Shapes.str(strides) + " do not match shape "
                    + Shapes.str(shape) + " (" + strides.length + " vs " + shape.length + " dims)");
        }
        long last = offset;
        for (int d = 0; d < shape.length; d++) {
            if (strides[d] < 0) {
                throw new IllegalArgumentException("wrap: negative stride in " + Shapes.str(strides));
            }
            last += (long) (shape[d] - 1) * strides[d];
        }
        if (offset < 0 || n > 0 && last >= storage.data().length) {
            throw new IllegalArgumentException("wrap: shape " + Shapes.str(shape) + " with strides "
                    + Shapes.str(strides) + " at offset " + offset + " does not fit a storage of "
                    + storage.data().length + " elements");
        }
        return new Tensor(storage, shape.clone(), strides.clone(), offset);
    }

    /**
     * A contiguous tensor over {@code data} without copying it (as {@code torch.from_numpy}): writes
     * to the array show in the tensor and the other way round.
     *
     * @param data the values in row-major order (not copied)
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @throws IllegalArgumentException if {@code data} does not hold exactly as many values as the shape
     */
    public static Tensor wrap(float[] data, int... shape) {
        if (data.length != Shapes.numel(shape)) {
            throw new IllegalArgumentException("wrap: " + data.length + " values for shape " + Shapes.str(shape));
        }
        return new Tensor(Storage.wrapping(data), shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    /**
     * A tensor of zeros, as {@code torch.zeros}.
     *
     * @param shape the sizes, one per dimension; none gives a 0-dimensional tensor
     * @return the new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor zeros(int... shape) {
        return new Tensor(Storage.zeroed(Shapes.numel(shape)), shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    /**
     * A tensor of ones, as {@code torch.ones}.
     *
     * @param shape the sizes, one per dimension; none gives a 0-dimensional tensor
     * @return the new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /**
     * A tensor with every element set to {@code value}, as {@code torch.full}.
     *
     * @param value the fill value
     * @param shape the sizes, one per dimension; none gives a 0-dimensional tensor
     * @return the new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.storage.data(), value);
        return t;
    }

    /**
     * A tensor of zeros in another tensor's shape, as {@code torch.zeros_like}.
     *
     * @param t the tensor whose shape to take
     * @return the new tensor, outside any graph
     */
    public static Tensor zerosLike(Tensor t) {
        return zeros(t.shape);
    }

    /**
     * A tensor of ones in another tensor's shape, as {@code torch.ones_like}.
     *
     * @param t the tensor whose shape to take
     * @return the new tensor, outside any graph
     */
    public static Tensor onesLike(Tensor t) {
        return ones(t.shape);
    }

    /**
     * [0, 1, ..., end-1], as {@code torch.arange(end)}.
     *
     * @param end the exclusive upper bound; 0 or less gives an empty tensor
     * @return a 1-D tensor
     */
    public static Tensor arange(int end) {
        return arange(0, end, 1);
    }

    /**
     * Values from start (inclusive) to end (exclusive) in steps of step, as {@code torch.arange}.
     *
     * @param start the first value
     * @param end the exclusive bound
     * @param step the distance between values (negative counts down)
     * @return a 1-D tensor, empty when {@code end} cannot be reached
     * @throws IllegalArgumentException if a value is not finite, {@code step} is 0, or the range has
     *     more than {@code Integer.MAX_VALUE - 8} elements
     */
    public static Tensor arange(float start, float end, float step) {
        if (step == 0 || !Float.isFinite(start) || !Float.isFinite(end) || !Float.isFinite(step)) {
            throw new IllegalArgumentException("arange: start " + start + ", end " + end + " and step " + step
                    + " must be finite and step non-zero");
        }
        double count = Math.ceil((end - (double) start) / step);
        int maxElements = Integer.MAX_VALUE - 8; // the largest array every VM can make
        if (count > maxElements) {
            throw new IllegalArgumentException(String.format(
                    "arange: start %s, end %s and step %s give %.0f elements, more than the %d a tensor can hold",
                    start, end, step, count, maxElements));
        }
        int n = Math.max(0, (int) count);
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = (float) (start + (double) i * step);
        }
        return wrap(data, n);
    }

    /**
     * The n × n identity matrix, as {@code torch.eye}.
     *
     * @param n the number of rows and columns
     * @return the new tensor
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Tensor eye(int n) {
        Tensor t = zeros(n, n);
        for (int i = 0; i < n; i++) {
            t.storage.data()[i * n + i] = 1f;
        }
        return t;
    }

    /**
     * Uniform values in [0, 1) from the default generator, as {@code torch.rand(*size)}.
     *
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @see Generator#manualSeed(long)
     */
    public static Tensor rand(int... shape) {
        return rand(Generator.defaultGenerator(), shape);
    }

    /**
     * Uniform values in [0, 1), as {@code torch.rand(*size, generator=gen)}.
     *
     * @param gen the source of the values
     * @param shape the sizes, one per dimension
     * @return the new tensor
     */
    public static Tensor rand(Generator gen, int... shape) {
        return uniform(gen, 0f, 1f, shape);
    }

    /**
     * Standard normal values from the default generator, as {@code torch.randn(*size)}.
     *
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @see Generator#manualSeed(long)
     */
    public static Tensor randn(int... shape) {
        return randn(Generator.defaultGenerator(), shape);
    }

    /**
     * Standard normal values, as {@code torch.randn(*size, generator=gen)}.
     *
     * @param gen the source of the values
     * @param shape the sizes, one per dimension
     * @return the new tensor
     */
    public static Tensor randn(Generator gen, int... shape) {
        return normal(gen, 0f, 1f, shape);
    }

    /**
     * Uniform values in [low, high) from the default generator, as
     * {@code torch.empty(*size).uniform_(low, high)}.
     *
     * @param low the inclusive lower bound
     * @param high the exclusive upper bound
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @throws IllegalArgumentException if a bound is not finite or {@code low > high}
     */
    public static Tensor uniform(float low, float high, int... shape) {
        return uniform(Generator.defaultGenerator(), low, high, shape);
    }

    /**
     * Uniform values in [low, high), as {@code torch.empty(*size).uniform_(low, high, generator=gen)}.
     *
     * @param gen the source of the values
     * @param low the inclusive lower bound
     * @param high the exclusive upper bound
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @throws IllegalArgumentException if a bound is not finite or {@code low > high}
     */
    public static Tensor uniform(Generator gen, float low, float high, int... shape) {
        if (!Float.isFinite(low) || !Float.isFinite(high)) {
            throw new IllegalArgumentException("uniform: the bounds must be finite, got low " + low + ", high " + high);
        }
        if (!(low <= high)) {
            throw new IllegalArgumentException("uniform: low must be <= high, got " + low + " > " + high);
        }
        Tracing.hostAccess("uniform's random draw");
        Tensor t = zeros(shape);
        float[] d = t.storage.data();
        gen.uniform(d, low, high);
        return t;
    }

    /**
     * Normal values with the given mean and standard deviation from the default generator, as
     * {@code torch.normal(mean, std, size)}.
     *
     * @param mean the mean
     * @param std the standard deviation, finite and &ge; 0
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @throws IllegalArgumentException if {@code mean} is not finite, or {@code std} is negative or not finite
     */
    public static Tensor normal(float mean, float std, int... shape) {
        return normal(Generator.defaultGenerator(), mean, std, shape);
    }

    /**
     * Normal values with the given mean and standard deviation, as
     * {@code torch.normal(mean, std, size, generator=gen)}.
     *
     * @param gen the source of the values
     * @param mean the mean
     * @param std the standard deviation, finite and &ge; 0
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @throws IllegalArgumentException if {@code mean} is not finite, or {@code std} is negative or not finite
     */
    public static Tensor normal(Generator gen, float mean, float std, int... shape) {
        if (!Float.isFinite(mean) || !(std >= 0) || std == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "normal: mean must be finite and std finite and >= 0, got mean " + mean + ", std " + std);
        }
        Tracing.hostAccess("normal's random draw");
        Tensor t = zeros(shape);
        float[] d = t.storage.data();
        synchronized (gen) {
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (mean + std * gen.nextGaussian());
            }
        }
        return t;
    }

    /**
     * Integers drawn uniformly from [low, high) by the default generator, as
     * {@code torch.randint(low, high, size)}; stored as float32, like every grad4j tensor.
     *
     * @param low the smallest value
     * @param high one above the largest value
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @throws IllegalArgumentException if {@code low >= high} or a bound lies outside ±2^24, beyond
     *     which float32 does not hold every integer
     */
    public static Tensor randint(int low, int high, int... shape) {
        return randint(Generator.defaultGenerator(), low, high, shape);
    }

    /**
     * Integers drawn uniformly from [low, high), as {@code torch.randint(low, high, size, generator=gen)};
     * stored as float32, like every grad4j tensor.
     *
     * @param gen the source of the values
     * @param low the smallest value
     * @param high one above the largest value
     * @param shape the sizes, one per dimension
     * @return the new tensor
     * @throws IllegalArgumentException if {@code low >= high} or a bound lies outside ±2^24, beyond
     *     which float32 does not hold every integer
     */
    public static Tensor randint(Generator gen, int low, int high, int... shape) {
        if (low >= high || low < -EXACT_FLOAT_INTEGERS || high > EXACT_FLOAT_INTEGERS) {
            throw new IllegalArgumentException("randint: need low < high within [-2^24, 2^24] (the integers float32"
                    + " holds exactly), got low " + low + ", high " + high);
        }
        Tensor t = zeros(shape);
        float[] d = t.storage.data();
        synchronized (gen) {
            for (int i = 0; i < d.length; i++) {
                d[i] = low + gen.nextInt(high - low);
            }
        }
        return t;
    }

    /**
     * A random permutation of 0, 1, ..., n-1 from the default generator, as {@code torch.randperm(n)}.
     *
     * @param n the number of values
     * @return a 1-D tensor of n values
     * @throws IllegalArgumentException if {@code n} is negative or above 2^24
     */
    public static Tensor randperm(int n) {
        return randperm(Generator.defaultGenerator(), n);
    }

    /**
     * A random permutation of 0, 1, ..., n-1, as {@code torch.randperm(n, generator=gen)}
     * (Fisher–Yates shuffle).
     *
     * @param gen the source of the order
     * @param n the number of values
     * @return a 1-D tensor of n values
     * @throws IllegalArgumentException if {@code n} is negative or above 2^24
     */
    public static Tensor randperm(Generator gen, int n) {
        if (n < 0 || n > EXACT_FLOAT_INTEGERS) {
            throw new IllegalArgumentException(
                    "randperm: n must be in [0, 2^24] (the integers float32 holds exactly), got " + n);
        }
        float[] d = new float[n];
        synchronized (gen) {
            for (int i = 0; i < n; i++) {
                int j = gen.nextInt(i + 1);
                d[i] = d[j];
                d[j] = i;
            }
        }
        return wrap(d, n);
    }

    // ---------------------------------------------------------------- layout and values

    /**
     * The sizes, one per dimension, as {@code torch.Tensor.shape}.
     *
     * @return a copy of the shape
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The size of one dimension, as {@code torch.Tensor.size(dim)}.
     *
     * @param dim the dimension (negative counts from the end)
     * @return its size
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
    public int size(int dim) {
        return shape[Shapes.dim("size", dim, shape.length)];
    }

    /**
     * Number of dimensions, as {@code torch.Tensor.dim}.
     *
     * @return the rank, 0 for a scalar
     */
    public int dim() {
        return shape.length;
    }

    /**
     * Number of elements, as {@code torch.Tensor.numel}.
     *
     * @return the product of the sizes
     */
    public int numel() {
        return Shapes.numel(shape);
    }

    /**
     * Element strides, one per dimension, as {@code torch.Tensor.stride}.
     *
     * @return a copy of the strides
     */
    public int[] stride() {
        return strides.clone();
    }

    /**
     * Position of the first element in the storage, as {@code torch.Tensor.storage_offset}.
     *
     * @return the offset, in elements
     */
    public int storageOffset() {
        return offset;
    }

    /**
     * Releases the values, as DJL's {@code NDArray.close()} does: the storage, which every view of
     * this tensor shares, serves the next tensor of the same size made by the thread that allocated it
     * (when grad4j allocated it: a data loader's batch goes back to the loader), and this tensor and its views throw {@link IllegalStateException} when used
     * from then on; a graph that saved one of them for backward fails likewise. Closing twice does
     * nothing. Without close, the garbage collector reclaims the memory as usual; closing pays in
     * loops of short-lived results, which then reuse memory still in the cache instead of fresh
     * memory the JVM must zero (see docs/benchmarks.md). Close a tensor only when no other thread
     * is using it.
     */
    public void close() {
        storage.release();
    }

    /**
     * Whether {@link #close()} was called on this tensor or on one sharing its storage.
     *
     * @return true once the storage is released
     */
    public boolean isClosed() {
        return storage.isReleased();
    }

    /**
     * Whether the elements are laid out row-major without gaps, as {@code torch.Tensor.is_contiguous}.
     *
     * @return true for a contiguous layout (and for an empty tensor)
     */
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

    /**
     * The values in row-major order, as {@code torch.Tensor.tolist} flattened.
     *
     * @return a new array of {@link #numel()} values
     */
    public float[] toArray() {
        Tracing.hostAccess("toArray()");
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

    /**
     * The value of a one-element tensor, as {@code torch.Tensor.item}.
     *
     * @return the value
     * @throws IllegalArgumentException if the tensor does not have exactly one element
     */
    public float item() {
        Tracing.hostAccess("item()");
        if (numel() != 1) {
            throw new IllegalArgumentException(
                    "item: tensor of shape " + Shapes.str(shape) + " has " + numel() + " elements, not 1");
        }
        return storage.data()[offset];
    }

    /**
     * The value at an index, as {@code x[i, j, ...]} in PyTorch.
     *
     * @param index one position per dimension; negative ones count from the end
     * @return the value
     * @throws IllegalArgumentException if the number of indices differs from {@link #dim()} or an index is
     *     out of range
     */
    public float get(int... index) {
        Tracing.hostAccess("get(...)");
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

    /**
     * The values as PyTorch prints them: nested brackets, aligned values, the first and last few
     * per dim for large tensors, and the grad function or {@code requiresGrad=true} when there is one.
     *
     * @return the text, or {@code tensor(closed, shape=[...])} for a closed tensor
     */
    @Override
    public String toString() {
        return TensorFormat.format((Tensor) this);
    }

    // ---------------------------------------------------------------- autograd

    /**
     * Whether autograd records the ops on this tensor, as {@code torch.Tensor.requires_grad}.
     *
     * @return true for a leaf marked with {@link #requiresGrad(boolean)} and for any tensor computed from one
     */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks a leaf as needing a gradient, like {@code requires_grad_}.
     *
     * @param value whether to record ops on this tensor
     * @return this tensor
     * @throws IllegalStateException if {@code value} is false and the tensor is not a leaf
     */
    public Tensor requiresGrad(boolean value) {
        if (gradFn != null && !value) {
            throw new IllegalStateException("requiresGrad: a tensor computed by " + gradFn.name()
                    + " cannot stop requiring grad; use detach()");
        }
        this.requiresGrad = value || gradFn != null;
        return (Tensor) this;
    }

    /**
     * The accumulated gradient, as {@code torch.Tensor.grad}.
     *
     * @return the gradient, or null before the first backward
     */
    public Tensor grad() {
        return grad;
    }

    /**
     * Replaces (or with null, clears) the accumulated gradient, as assigning {@code torch.Tensor.grad}.
     *
     * @param grad the new gradient, of this tensor's shape, or null
     * @throws IllegalArgumentException if {@code grad}'s shape differs from this tensor's
     */
    public void setGrad(Tensor grad) {
        if (grad != null && !Arrays.equals(grad.shape, shape)) {
            throw new IllegalArgumentException("setGrad: gradient of shape " + Shapes.str(grad.shape)
                    + " for a tensor of shape " + Shapes.str(shape));
        }
        if (grad != null) {
            grad.storage.escape();
        }
        this.grad = grad;
    }

    /**
     * The node that made this tensor, as {@code torch.Tensor.grad_fn}.
     *
     * @return the node, or null for a leaf
     */
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

    /**
     * A leaf is a tensor not made by a recorded op; only leaves accumulate {@link #grad()}. As
     * {@code torch.Tensor.is_leaf}.
     *
     * @return true when {@link #gradFn()} is null
     */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /**
     * Back-propagates from this one-element tensor, as {@code torch.Tensor.backward()}.
     *
     * @throws IllegalArgumentException if the tensor does not have exactly one element
     * @throws IllegalStateException if this tensor does not require grad
     */
    public void backward() {
        backward(null, false);
    }

    /**
     * Back-propagates {@code gradient}, as {@code torch.Tensor.backward(gradient)}. The gradient is
     * read, never kept: this tensor's leaves get their own copies.
     *
     * @param gradient the gradient of some scalar with respect to this tensor, of this tensor's shape;
     *     null for a one-element tensor means 1, as {@code backward(None)}
     * @throws IllegalStateException if this tensor does not require grad
     * @throws IllegalArgumentException if {@code gradient}'s shape differs from this tensor's, or it is
     *     null and this tensor has more than one element
     */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /**
     * Back-propagates, keeping the graph for another backward when {@code retainGraph} is true, as
     * {@code torch.Tensor.backward(gradient, retain_graph)}.
     *
     * @param gradient the gradient of some scalar with respect to this tensor, of this tensor's shape;
     *     null for a one-element tensor means 1
     * @param retainGraph whether to keep the saved tensors for another backward
     * @throws IllegalStateException if this tensor does not require grad, the saved tensors it reads were freed
     *     by an earlier backward, or a function or hook returned a gradient of the wrong number or shape
     * @throws IllegalArgumentException if {@code gradient}'s shape differs from this tensor's, or it is
     *     null and this tensor has more than one element
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        Autograd.backward((Tensor) this, gradient, retainGraph);
    }

    /**
     * The same values, cut from the graph, as {@code torch.Tensor.detach}.
     *
     * @return a new tensor sharing this tensor's storage, not requiring grad
     */
    public Tensor detach() {
        Tensor d = new Tensor(storage, shape, strides, offset);
        Tracing.detached((Tensor) this, d);
        return d;
    }

    /**
     * Registers a hook on this tensor's gradient, as {@code torch.Tensor.register_hook}. Hooks run in
     * registration order, a leaf's once per backward with its summed gradient; one removed during a
     * backward still runs in that pass. A hook may keep the tensor it is given: the leaf's
     * {@code grad} never shares its storage.
     *
     * @param hook called with the gradient during backward
     * @return a handle that removes the hook
     * @throws IllegalStateException if the tensor does not require grad
     * @throws IllegalArgumentException if {@code hook} is null
     */
    public Hook.Handle registerHook(Hook hook) {
        if (!requiresGrad) {
            throw new IllegalStateException(
                    "registerHook: tensor of shape " + Shapes.str(shape) + " does not require grad");
        }
        if (gradFn == null) {
            if (leafHooks == null) {
                leafHooks = new HookList();
            }
            return leafHooks.add(hook);
        }
        Hook.Handle handle = gradFn.registerHook(hook);
        if (retainedGrad != null) {
            retainedGrad.moveLast();
        }
        return handle;
    }

    /**
     * Keeps the gradient of this non-leaf in {@link #grad()} during backward, as
     * {@code torch.Tensor.retain_grad}: the gradient after this tensor's hooks, whenever they were
     * registered, summed over backward calls; nothing for a leaf, and nothing more on a second call.
     *
     * @return this tensor
     */
    public Tensor retainGrad() {
        if (gradFn != null && retainedGrad == null) {
            retainedGrad = new RetainedGrad();
        }
        return (Tensor) this;
    }

    /** The hook {@link #retainGrad()} registers, kept after this tensor's other hooks (PyTorch runs it last). */
    private final class RetainedGrad implements Hook {
        private Hook.Handle handle;

        RetainedGrad() {
            handle = gradFn.registerHook(this);
        }

        void moveLast() {
            handle.remove();
            handle = gradFn.registerHook(this);
        }

        @Override
        public Tensor apply(Tensor g) {
            grad = grad == null ? g.clone() : grad.add(g);
            return null;
        }
    }

    /** The hooks of a leaf, as registered when called; for the backward pass. */
    List<Hook> leafHooks() {
        return leafHooks == null ? List.of() : leafHooks.snapshot();
    }

    // ---------------------------------------------------------------- in place (leaves and no-grad code)
    // A tracer (org.grad4j.graph) records each write as its out-of-place op and the tensor as rebound to the result.

    /**
     * this += other (broadcast to this tensor's shape), as {@code torch.Tensor.add_}.
     *
     * @param other the tensor to add
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this tensor's shape or covers
     *     part of its memory, or if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor add_(Tensor other) {
        return inPlace("add_", BinaryOp.ADD, other);
    }

    /**
     * this += alpha · other, as {@code torch.Tensor.add_(other, alpha=)}.
     *
     * @param other the tensor to add
     * @param alpha the factor on {@code other}
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this tensor's shape or covers
     *     part of its memory, or if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor add_(Tensor other, float alpha) {
        if (alpha == 1f) {
            return add_(other);
        }
        MemoryOverlap.checkNoPartialOverlap("add_", this, other);
        return add_(other.mul(alpha));
    }

    /**
     * this += value, as {@code torch.Tensor.add_} with a number.
     *
     * @param value the number to add
     * @return this tensor
     * @throws IllegalArgumentException if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor add_(float value) {
        return inPlace("add_", BinaryOp.ADD, scalar(value));
    }

    /**
     * this −= other (broadcast to this tensor's shape), as {@code torch.Tensor.sub_}.
     *
     * @param other the tensor to subtract
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this tensor's shape or covers
     *     part of its memory, or if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor sub_(Tensor other) {
        return inPlace("sub_", BinaryOp.SUB, other);
    }

    /**
     * this *= other (broadcast to this tensor's shape), as {@code torch.Tensor.mul_}.
     *
     * @param other the factor
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this tensor's shape or covers
     *     part of its memory, or if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor mul_(Tensor other) {
        return inPlace("mul_", BinaryOp.MUL, other);
    }

    /**
     * this *= value, as {@code torch.Tensor.mul_} with a number.
     *
     * @param value the factor
     * @return this tensor
     * @throws IllegalArgumentException if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor mul_(float value) {
        return inPlace("mul_", BinaryOp.MUL, scalar(value));
    }

    /**
     * this /= other (broadcast to this tensor's shape), as {@code torch.Tensor.div_}.
     *
     * @param other the divisor
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this tensor's shape or covers
     *     part of its memory, or if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor div_(Tensor other) {
        return inPlace("div_", BinaryOp.DIV, other);
    }

    /**
     * this /= value, as {@code torch.Tensor.div_} with a number.
     *
     * @param value the divisor
     * @return this tensor
     * @throws IllegalArgumentException if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor div_(float value) {
        return inPlace("div_", BinaryOp.DIV, scalar(value));
    }

    /**
     * Sets every element to value, as {@code torch.Tensor.fill_}.
     *
     * @param value the fill value
     * @return this tensor
     * @throws IllegalArgumentException if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor fill_(float value) {
        return fill("fill_", value);
    }

    private Tensor fill(String op, float value) {
        checkInPlace(op);
        MemoryOverlap.checkNoInternalOverlap(op, this);
        Tensor v = scalar(value);
        try (Scope ignored = Tracing.inPlace(op, (Tensor) this, v)) {
            if (isContiguous()) {
                Backend.current().fill(storage.data(), offset, numel(), value);
            } else {
                Backend.current()
                        .copy(shape, v.storage.data(), 0, new int[shape.length], storage.data(), offset, strides);
            }
        }
        storage.bumpVersion();
        return (Tensor) this;
    }

    /**
     * Sets every element to 0, as {@code torch.Tensor.zero_}.
     *
     * @return this tensor
     * @throws IllegalArgumentException if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor zero_() {
        return fill("zero_", 0f);
    }

    /**
     * Copies src's values (broadcast to this shape) into this tensor, as {@code torch.Tensor.copy_}.
     *
     * @param src the values to copy
     * @return this tensor
     * @throws IllegalArgumentException if {@code src} does not broadcast to this tensor's shape or covers
     *     part of its memory, or if this tensor is a view whose elements share memory (as after {@code expand})
     * @throws IllegalStateException if this tensor requires grad while grad mode is on
     */
    public Tensor copy_(Tensor src) {
        checkInPlace("copy_");
        MemoryOverlap.checkNoInternalOverlap("copy_", this);
        MemoryOverlap.checkNoPartialOverlap("copy_", this, src);
        if (!Shapes.broadcastsTo(src.shape, shape)) {
            throw new IllegalArgumentException(
                    "copy_: source of shape " + Shapes.str(src.shape) + " does not broadcast to " + Shapes.str(shape));
        }
        Tensor s;
        try (Scope ignored = Tracing.inPlace("copy_", (Tensor) this, src)) {
            s = src.expand(shape);
        }
        Backend.current().copy(shape, s.storage.data(), s.offset, s.strides, storage.data(), offset, strides);
        storage.bumpVersion();
        return (Tensor) this;
    }

    private Tensor inPlace(String op, BinaryOp kind, Tensor other) {
        checkInPlace(op);
        MemoryOverlap.checkNoInternalOverlap(op, this);
        MemoryOverlap.checkNoPartialOverlap(op, this, other);
        if (!Shapes.broadcastsTo(other.shape, shape)) {
            throw new IllegalArgumentException(op + ": operand of shape " + Shapes.str(other.shape)
                    + " does not broadcast to " + Shapes.str(shape));
        }
        Tensor b;
        try (Scope ignored = Tracing.inPlace(op, (Tensor) this, other)) {
            b = other.expand(shape);
        }
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
            Storage result = Storage.forKernelOutput(numel());
            float[] tmp = result.data();
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
            result.release();
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
