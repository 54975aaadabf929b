package org.grad4j.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.UnaryOp;
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
import org.grad4j.internal.ops.Erf;
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
import org.grad4j.internal.ops.Rounding;
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
import org.grad4j.internal.trace.Tracing;

/**
 * An n-dimensional array of float32 values that records the operations made on it for
 * automatic differentiation, like {@code torch.Tensor}.
 *
 * <p>A tensor is a view: a shape, strides and an offset over a storage that views share
 * ({@link #reshape}, {@link #transpose}, {@link #permute}, {@link #narrow}, {@link #expand} copy
 * nothing). Binary ops broadcast as NumPy does. Ops return new tensors; only the methods named
 * with a trailing underscore ({@code add_}, {@code zero_}) write in place, and
 * {@link #matmul(Tensor, Tensor)} writes into the tensor it is given. Once the tensor (or a
 * view sharing its storage) is closed, every method that reads or writes its values throws
 * {@link IllegalStateException}.
 *
 * <p>Names and argument orders are PyTorch's, except where a Java varargs shape or tensor list
 * must come last, or a Python keyword argument has no Java counterpart:
 * <ul>
 *   <li>{@link #full(float, int...) full(value, shape...)} for {@code torch.full(size, fill_value)};
 *   <li>{@link #cat(int, Tensor...) cat(dim, tensors...)} for {@code torch.cat(tensors, dim)}
 *       ({@link #cat(java.util.List, int) cat(list, dim)} keeps PyTorch's order);
 *   <li>{@link #of(float[], int...) of(data, shape...)} for {@code torch.tensor(data).reshape(shape)}
 *       ({@link #of(float[]) of(data)} is {@code torch.tensor(list)}, a vector; {@link #scalar} a
 *       0-dimensional tensor);
 *   <li>the random factories take their {@link Generator} first ({@code randn(gen, shape...)} for
 *       {@code torch.randn(*size, generator=gen)}), and without one draw from the default generator
 *       that {@link Generator#manualSeed(long)} seeds; {@code uniform(low, high, shape...)} and
 *       {@code normal(mean, std, shape...)} put the distribution's parameters before the shape;
 *   <li>{@code convTranspose2d(weight, bias, stride, padding, outputPadding, dilation, groups)} puts
 *       dilation before groups, as {@code conv2d} does, where {@code conv_transpose2d} has groups first.
 * </ul>
 *
 * <pre>{@code
 * Tensor a = Tensor.scalar(2).requiresGrad(true);
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
     *
     * @param data the tensor whose storage, shape, strides and offset the new object shares
     */
    protected Tensor(Tensor data) {
        super(data);
    }

    // ---------------------------------------------------------------- arithmetic (broadcasting)

    /**
     * Element-wise sum with broadcasting, as {@code torch.add}.
     *
     * @param other the tensor to add
     * @return this + other, in the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor add(Tensor other) {
        return new Add().apply(this, other);
    }

    /**
     * Adds a scalar to every element, as {@code torch.add} with a number.
     *
     * @param value the number to add
     * @return this + value
     */
    public Tensor add(float value) {
        return add(scalar(value));
    }

    /**
     * Element-wise difference with broadcasting, as {@code torch.sub}.
     *
     * @param other the tensor to subtract
     * @return this − other, in the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor sub(Tensor other) {
        return new Sub().apply(this, other);
    }

    /**
     * Subtracts a scalar from every element, as {@code torch.sub} with a number.
     *
     * @param value the number to subtract
     * @return this − value
     */
    public Tensor sub(float value) {
        return sub(scalar(value));
    }

    /**
     * Element-wise product with broadcasting, as {@code torch.mul}.
     *
     * @param other the tensor to multiply by
     * @return this · other, in the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor mul(Tensor other) {
        return new Mul().apply(this, other);
    }

    /**
     * Multiplies every element by a scalar, as {@code torch.mul} with a number.
     *
     * @param value the factor
     * @return this · value
     */
    public Tensor mul(float value) {
        return mul(scalar(value));
    }

    /**
     * Element-wise quotient with broadcasting, as {@code torch.div}.
     *
     * @param other the divisor
     * @return this / other, in the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor div(Tensor other) {
        return new Div().apply(this, other);
    }

    /**
     * Divides every element by a scalar, as {@code torch.div} with a number.
     *
     * @param value the divisor
     * @return this / value
     */
    public Tensor div(float value) {
        return div(scalar(value));
    }

    /**
     * Negates every element, as {@code torch.neg}.
     *
     * @return −this
     */
    public Tensor neg() {
        return new Neg().apply(this);
    }

    /**
     * Element-wise power with a tensor exponent (broadcast), as {@code torch.pow}.
     *
     * @param exponent the exponents
     * @return this raised to {@code exponent}, in the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor pow(Tensor exponent) {
        return new Pow().apply(this, exponent);
    }

    /**
     * Raises every element to a scalar power, as {@code torch.pow} with a number.
     *
     * @param exponent the exponent
     * @return this raised to {@code exponent}
     */
    public Tensor pow(float exponent) {
        return new PowScalar(exponent).apply(this);
    }

    /**
     * Squares every element, as {@code torch.square}.
     *
     * @return this · this
     */
    public Tensor square() {
        return mul(this);
    }

    /**
     * 1 / x for every element, as {@code torch.reciprocal}.
     *
     * @return the reciprocals
     */
    public Tensor reciprocal() {
        return new PowScalar(-1f).apply(this);
    }

    // ---------------------------------------------------------------- element-wise functions

    /**
     * e to the power of every element, as {@code torch.exp}.
     *
     * @return exp(this)
     */
    public Tensor exp() {
        return new Exp().apply(this);
    }

    /**
     * Natural logarithm of every element, as {@code torch.log}.
     *
     * @return log(this)
     */
    public Tensor log() {
        return new Log().apply(this);
    }

    /**
     * Square root of every element, as {@code torch.sqrt}.
     *
     * @return sqrt(this)
     */
    public Tensor sqrt() {
        return new Sqrt().apply(this);
    }

    /**
     * Absolute value of every element, as {@code torch.abs}.
     *
     * @return |this|
     */
    public Tensor abs() {
        return new Abs().apply(this);
    }

    /**
     * ⌊x⌋, the largest integer &lt;= x, for every element, as {@code torch.floor}
     * (https://pytorch.org/docs/stable/generated/torch.floor.html). NaN, infinities, −0 and values
     * from 2^23 on (integers already) come out as they are. Its gradient is 0 everywhere, as in
     * PyTorch.
     *
     * <p>Shape: any; the output has the input's shape.
     *
     * <pre>{@code
     * Tensor.of(new float[] {-1.5f, -0.5f, 0.5f, 2f}, 4).floor();   // tensor([-2., -1.,  0.,  2.])
     * }</pre>
     *
     * @return floor(this)
     */
    public Tensor floor() {
        return new Rounding(UnaryOp.FLOOR).apply(this);
    }

    /**
     * ⌈x⌉, the smallest integer &gt;= x, for every element, as {@code torch.ceil}
     * (https://pytorch.org/docs/stable/generated/torch.ceil.html). NaN, infinities, −0 and values
     * from 2^23 on come out as they are; values in (−1, 0) give −0. Its gradient is 0 everywhere,
     * as in PyTorch.
     *
     * <p>Shape: any; the output has the input's shape.
     *
     * <pre>{@code
     * Tensor.of(new float[] {-1.5f, -0.5f, 0.5f, 2f}, 4).ceil();   // tensor([-1., -0.,  1.,  2.])
     * }</pre>
     *
     * @return ceil(this)
     */
    public Tensor ceil() {
        return new Rounding(UnaryOp.CEIL).apply(this);
    }

    /**
     * Every element rounded toward zero (its integer part), as {@code torch.trunc}
     * (https://pytorch.org/docs/stable/generated/torch.trunc.html). NaN, infinities, −0 and values
     * from 2^23 on come out as they are; values in (−1, 0) give −0. Its gradient is 0 everywhere,
     * as in PyTorch.
     *
     * <p>Shape: any; the output has the input's shape.
     *
     * <pre>{@code
     * Tensor.of(new float[] {-1.5f, -0.5f, 0.5f, 2f}, 4).trunc();   // tensor([-1., -0.,  0.,  2.])
     * }</pre>
     *
     * @return trunc(this)
     */
    public Tensor trunc() {
        return new Rounding(UnaryOp.TRUNC).apply(this);
    }

    /**
     * Limits values to [min, max], as {@code torch.clamp}; use ±infinity for a one-sided clamp.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return the clamped values
     * @throws IllegalArgumentException if {@code min > max}
     */
    public Tensor clamp(float min, float max) {
        return new Clamp(min, max).apply(this);
    }

    /**
     * Limits values from below, as {@code torch.clamp(min=)}.
     *
     * @param min the lower bound
     * @return max(this, min)
     */
    public Tensor clampMin(float min) {
        return clamp(min, Float.POSITIVE_INFINITY);
    }

    /**
     * Limits values from above, as {@code torch.clamp(max=)}.
     *
     * @param max the upper bound
     * @return min(this, max)
     */
    public Tensor clampMax(float max) {
        return clamp(Float.NEGATIVE_INFINITY, max);
    }

    /**
     * Hyperbolic tangent of every element, as {@code torch.tanh}.
     *
     * @return tanh(this)
     */
    public Tensor tanh() {
        return new Tanh().apply(this);
    }

    /**
     * Logistic sigmoid 1 / (1 + exp(−x)) of every element, as {@code torch.sigmoid}.
     *
     * @return sigmoid(this)
     */
    public Tensor sigmoid() {
        return new Sigmoid().apply(this);
    }

    /**
     * max(x, 0) for every element, as {@code torch.relu}.
     *
     * @return relu(this)
     */
    public Tensor relu() {
        return new LeakyRelu(0f).apply(this);
    }

    /**
     * max(x, 0) + slope · min(x, 0), as {@code torch.nn.functional.leaky_relu}.
     *
     * @param negativeSlope the slope for negative inputs (PyTorch's default is 0.01)
     * @return the activations
     */
    public Tensor leakyRelu(float negativeSlope) {
        return new LeakyRelu(negativeSlope).apply(this);
    }

    /**
     * Leaky ReLU with PyTorch's default slope of 0.01.
     *
     * @return the activations
     */
    public Tensor leakyRelu() {
        return leakyRelu(0.01f);
    }

    /**
     * log(1 + exp(x)), linear above 20, as {@code torch.nn.functional.softplus}.
     *
     * @return the activations
     */
    public Tensor softplus() {
        return new Softplus().apply(this);
    }

    /**
     * The error function, as {@code torch.erf}.
     *
     * @return erf of each element
     */
    public Tensor erf() {
        return new Erf().apply(this);
    }

    /**
     * x · Φ(x) with the exact Gaussian CDF, as {@code torch.nn.functional.gelu} (PyTorch's default GELU).
     *
     * @return the activations
     */
    public Tensor gelu() {
        return new Gelu().apply(this);
    }

    /**
     * x for x &gt; 0, alpha · (exp(x) − 1) otherwise, as {@code torch.nn.functional.elu}.
     *
     * @param alpha the scale of the negative part
     * @return the activations
     */
    public Tensor elu(float alpha) {
        return new Elu(alpha).apply(this);
    }

    /**
     * ELU with alpha = 1, PyTorch's default.
     *
     * @return the activations
     */
    public Tensor elu() {
        return elu(1f);
    }

    // ---------------------------------------------------------------- comparisons (no gradient; 1 or 0)

    /**
     * Element-wise this &gt; other with broadcasting, as {@code torch.gt}; no gradient.
     *
     * @param other the right-hand side
     * @return 1 where the comparison holds, else 0
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor gt(Tensor other) {
        return new Compare(BinaryOp.GT).apply(this, other);
    }

    /**
     * Element-wise this &gt; value, as {@code torch.gt} with a number; no gradient.
     *
     * @param value the right-hand side
     * @return 1 where the comparison holds, else 0
     */
    public Tensor gt(float value) {
        return gt(scalar(value));
    }

    /**
     * Element-wise this &ge; other with broadcasting, as {@code torch.ge}; no gradient.
     *
     * @param other the right-hand side
     * @return 1 where the comparison holds, else 0
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor ge(Tensor other) {
        return new Compare(BinaryOp.GE).apply(this, other);
    }

    /**
     * Element-wise this &ge; value, as {@code torch.ge} with a number; no gradient.
     *
     * @param value the right-hand side
     * @return 1 where the comparison holds, else 0
     */
    public Tensor ge(float value) {
        return ge(scalar(value));
    }

    /**
     * Element-wise this &lt; other with broadcasting, as {@code torch.lt}; no gradient.
     *
     * @param other the right-hand side
     * @return 1 where the comparison holds, else 0
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor lt(Tensor other) {
        return new Compare(BinaryOp.LT).apply(this, other);
    }

    /**
     * Element-wise this &lt; value, as {@code torch.lt} with a number; no gradient.
     *
     * @param value the right-hand side
     * @return 1 where the comparison holds, else 0
     */
    public Tensor lt(float value) {
        return lt(scalar(value));
    }

    /**
     * Element-wise this &le; other with broadcasting, as {@code torch.le}; no gradient.
     *
     * @param other the right-hand side
     * @return 1 where the comparison holds, else 0
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor le(Tensor other) {
        return new Compare(BinaryOp.LE).apply(this, other);
    }

    /**
     * Element-wise this &le; value, as {@code torch.le} with a number; no gradient.
     *
     * @param value the right-hand side
     * @return 1 where the comparison holds, else 0
     */
    public Tensor le(float value) {
        return le(scalar(value));
    }

    /**
     * Element-wise equality with broadcasting, as {@code torch.eq}; no gradient.
     *
     * @param other the right-hand side
     * @return 1 where the elements are equal, else 0
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor eq(Tensor other) {
        return new Compare(BinaryOp.EQ).apply(this, other);
    }

    /**
     * Element-wise equality with a number, as {@code torch.eq}; no gradient.
     *
     * @param value the right-hand side
     * @return 1 where the element equals {@code value}, else 0
     */
    public Tensor eq(float value) {
        return eq(scalar(value));
    }

    /**
     * Element-wise inequality with broadcasting, as {@code torch.ne}; no gradient.
     *
     * @param other the right-hand side
     * @return 1 where the elements differ, else 0
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public Tensor ne(Tensor other) {
        return new Compare(BinaryOp.NE).apply(this, other);
    }

    /**
     * Element-wise inequality with a number, as {@code torch.ne}; no gradient.
     *
     * @param value the right-hand side
     * @return 1 where the element differs from {@code value}, else 0
     */
    public Tensor ne(float value) {
        return ne(scalar(value));
    }

    // ---------------------------------------------------------------- reductions

    /**
     * Sum of all elements, as {@code torch.sum}.
     *
     * @return a 0-dimensional tensor
     */
    public Tensor sum() {
        return new Sum(null, false).apply(this);
    }

    /**
     * Sum along a dim, which is removed, as {@code torch.sum(dim)}.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @return the sums
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
    public Tensor sum(int dim) {
        return sum(dim, false);
    }

    /**
     * Sum along a dim, as {@code torch.sum(dim, keepdim)}.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @param keepDim whether to keep the reduced dim with size 1
     * @return the sums
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
    public Tensor sum(int dim, boolean keepDim) {
        return new Sum(new int[] {dim}, keepDim).apply(this);
    }

    /**
     * Sum over several dims, as {@code torch.sum} with a tuple of dims.
     *
     * @param dims the dims to reduce (negative count from the end)
     * @param keepDim whether to keep the reduced dims with size 1
     * @return the sums
     * @throws IllegalArgumentException if a dim is out of range or appears twice
     */
    public Tensor sum(int[] dims, boolean keepDim) {
        return new Sum(dims.clone(), keepDim).apply(this);
    }

    /**
     * Mean of all elements, as {@code torch.mean}; NaN for an empty tensor.
     *
     * @return a 0-dimensional tensor
     */
    public Tensor mean() {
        return sum().div(Math.max(numel(), 0));
    }

    /**
     * Mean along a dim, which is removed, as {@code torch.mean(dim)}.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @return the means
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
    public Tensor mean(int dim) {
        return mean(dim, false);
    }

    /**
     * Mean along a dim, as {@code torch.mean(dim, keepdim)}.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @param keepDim whether to keep the reduced dim with size 1
     * @return the means
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
    public Tensor mean(int dim, boolean keepDim) {
        int d = Shapes.dim("mean", dim, dim());
        return sum(d, keepDim).div(shape[d]);
    }

    /**
     * Largest element, as {@code torch.max}; the gradient is shared evenly among ties.
     *
     * @return a 0-dimensional tensor
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor max() {
        return new Extremum(ReduceOp.MAX, null, false).apply(this);
    }

    /**
     * Largest values along a dim, as the values of {@code torch.max(dim, keepdim)}; the gradient
     * goes to the first largest position.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @param keepDim whether to keep the reduced dim with size 1
     * @return the largest values
     * @throws IllegalArgumentException if {@code dim} is out of range or has size 0
     */
    public Tensor max(int dim, boolean keepDim) {
        return new Extremum(ReduceOp.MAX, dim, keepDim).apply(this);
    }

    /**
     * Largest values along a dim, which is removed; see {@link #max(int, boolean)}.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @return the largest values
     * @throws IllegalArgumentException if {@code dim} is out of range or has size 0
     */
    public Tensor max(int dim) {
        return max(dim, false);
    }

    /**
     * Smallest element, as {@code torch.min}; the gradient is shared evenly among ties.
     *
     * @return a 0-dimensional tensor
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor min() {
        return new Extremum(ReduceOp.MIN, null, false).apply(this);
    }

    /**
     * Smallest values along a dim, as the values of {@code torch.min(dim, keepdim)}; the gradient
     * goes to the first smallest position.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @param keepDim whether to keep the reduced dim with size 1
     * @return the smallest values
     * @throws IllegalArgumentException if {@code dim} is out of range or has size 0
     */
    public Tensor min(int dim, boolean keepDim) {
        return new Extremum(ReduceOp.MIN, dim, keepDim).apply(this);
    }

    /**
     * Smallest values along a dim, which is removed; see {@link #min(int, boolean)}.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @return the smallest values
     * @throws IllegalArgumentException if {@code dim} is out of range or has size 0
     */
    public Tensor min(int dim) {
        return min(dim, false);
    }

    /**
     * Flat index of the first largest element, as {@code torch.argmax}; no gradient.
     *
     * @return a 0-dimensional tensor holding the index as a float
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor argmax() {
        return new ArgReduce(ReduceOp.ARGMAX, null, false).apply(this);
    }

    /**
     * Index of the first largest element along a dim, as {@code torch.argmax(dim, keepdim)}; no gradient.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @param keepDim whether to keep the reduced dim with size 1
     * @return the indices, as floats
     * @throws IllegalArgumentException if {@code dim} is out of range or has size 0
     */
    public Tensor argmax(int dim, boolean keepDim) {
        return new ArgReduce(ReduceOp.ARGMAX, dim, keepDim).apply(this);
    }

    /**
     * Index of the first largest element along a dim, which is removed, as {@code torch.argmax(dim)}.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @return the indices, as floats
     * @throws IllegalArgumentException if {@code dim} is out of range or has size 0
     */
    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    /**
     * Flat index of the first smallest element, as {@code torch.argmin}; no gradient.
     *
     * @return a 0-dimensional tensor holding the index as a float
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor argmin() {
        return new ArgReduce(ReduceOp.ARGMIN, null, false).apply(this);
    }

    /**
     * Index of the first smallest element along a dim, as {@code torch.argmin(dim, keepdim)}; no gradient.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @param keepDim whether to keep the reduced dim with size 1
     * @return the indices, as floats
     * @throws IllegalArgumentException if {@code dim} is out of range or has size 0
     */
    public Tensor argmin(int dim, boolean keepDim) {
        return new ArgReduce(ReduceOp.ARGMIN, dim, keepDim).apply(this);
    }

    /**
     * Index of the first smallest element along a dim, which is removed, as {@code torch.argmin(dim)}.
     *
     * @param dim the dim to reduce (negative counts from the end)
     * @return the indices, as floats
     * @throws IllegalArgumentException if {@code dim} is out of range or has size 0
     */
    public Tensor argmin(int dim) {
        return argmin(dim, false);
    }

    /**
     * exp(x) / sum(exp(x)) along a dim, as {@code torch.softmax}, computed from x − max(x) so large
     * values do not overflow; an empty dim gives an empty result, as in PyTorch.
     *
     * @param dim the dim to normalize over (negative counts from the end)
     * @return the probabilities, in this tensor's shape
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
    public Tensor softmax(int dim) {
        return new Softmax(dim, false).apply(this);
    }

    /**
     * x − log(sum(exp(x))) along a dim, as {@code torch.log_softmax}, computed from x − max(x) so
     * large values do not overflow; an empty dim gives an empty result, as in PyTorch.
     *
     * @param dim the dim to normalize over (negative counts from the end)
     * @return the log-probabilities, in this tensor's shape
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
    public Tensor logSoftmax(int dim) {
        return new Softmax(dim, true).apply(this);
    }

    /**
     * Mean cross-entropy of these logits [N, C] against class indices {@code target} [N] (integer
     * values), like {@code F.cross_entropy}; stable for large logits.
     *
     * @param target the class index of each row, in [0, C)
     * @return the mean loss, a 0-dimensional tensor
     * @throws IllegalArgumentException if the shapes are not [N, C] with C &gt; 0 and [N]
     */
    public Tensor crossEntropy(Tensor target) {
        return new CrossEntropy().apply(this, target).mean();
    }

    // ---------------------------------------------------------------- matrix products

    /**
     * Matrix product with {@code torch.matmul}'s rules: 1-D operands are promoted to a row or
     * column and the added dim removed; dims before the last two are batch dims and broadcast.
     *
     * @param other the right-hand operand
     * @return this @ other
     * @throws IllegalArgumentException if an operand is 0-dimensional, the inner sizes differ or the
     *     batch dims do not broadcast
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
     *
     * @param weight the weight matrix [out, in]
     * @param bias the bias [out], or null for none
     * @return the affine map of this tensor
     * @throws IllegalArgumentException if the shapes do not fit together
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
     *
     * @param other the right-hand operand
     * @param out a contiguous tensor of the result's shape, sharing no storage with the operands
     * @return {@code out}
     * @throws IllegalArgumentException if the shapes do not fit, {@code out} is not contiguous or of
     *     the result's shape, shares storage with an operand, or {@code out} or an operand requires
     *     grad while grad mode is on
     */
    public Tensor matmul(Tensor other, Tensor out) {
        Matmul.into(this, other, out);
        out.storage.bumpVersion();
        return out;
    }

    /**
     * The transpose of a matrix, as {@code torch.Tensor.t}; a 0-D or 1-D tensor is returned as is.
     *
     * @return a view with the two dims swapped, or this tensor
     * @throws IllegalArgumentException if the tensor has more than 2 dims
     */
    public Tensor t() {
        if (dim() > 2) {
            throw new IllegalArgumentException("t: expects a tensor with <= 2 dimensions, got " + Shapes.str(shape));
        }
        return dim() < 2 ? this : transpose(0, 1);
    }

    // ---------------------------------------------------------------- views and shape

    /**
     * The same values in a new shape, as {@code torch.reshape}; a view when the layout allows, else a copy.
     *
     * @param newShape the sizes; one of them may be -1, inferred from the element count
     * @return the reshaped tensor
     * @throws IllegalArgumentException if the shape does not hold the same number of elements
     */
    public Tensor reshape(int... newShape) {
        return new Reshape(newShape, false).apply(this);
    }

    /**
     * Like {@link #reshape} but always a view, as {@code torch.Tensor.view}.
     *
     * @param newShape the sizes; one of them may be -1, inferred from the element count
     * @return a view in the new shape
     * @throws IllegalArgumentException if the shape does not hold the same number of elements or the
     *     layout needs a copy
     */
    public Tensor view(int... newShape) {
        return new Reshape(newShape, true).apply(this);
    }

    /**
     * Swaps two dims, as {@code torch.transpose}.
     *
     * @param dim0 one dim (negative counts from the end)
     * @param dim1 the other dim
     * @return a view with the two dims swapped
     * @throws IllegalArgumentException if a dim is out of range
     */
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

    /**
     * Reorders the dims, as {@code torch.permute}.
     *
     * @param dims the new order, one entry per dim
     * @return a view with the dims in the given order
     * @throws IllegalArgumentException if {@code dims} is not a permutation of this tensor's dims
     */
    public Tensor permute(int... dims) {
        return new Permute(dims).apply(this);
    }

    /**
     * Broadcasts size-1 dims (and new leading dims) to the given sizes without copying, as
     * {@code torch.Tensor.expand}.
     *
     * @param sizes the target sizes; -1 keeps a size
     * @return a view of the expanded shape
     * @throws IllegalArgumentException if a dim of size other than 1 would change size, or
     *     {@code sizes} has fewer dims than this tensor
     */
    public Tensor expand(int... sizes) {
        return new Expand(sizes).apply(this);
    }

    /**
     * Expands to another tensor's shape, as {@code torch.Tensor.expand_as}.
     *
     * @param other the tensor whose shape to take
     * @return a view of the expanded shape
     * @throws IllegalArgumentException if this tensor does not broadcast to that shape
     */
    public Tensor expandAs(Tensor other) {
        return expand(other.shape);
    }

    /**
     * Elements start .. start+length-1 along a dim, as {@code torch.narrow}.
     *
     * @param dim the dim to narrow (negative counts from the end)
     * @param start the first index; negative counts from the end
     * @param length the number of elements kept
     * @return a view of the slice
     * @throws IllegalArgumentException if {@code dim} is out of range or the slice does not fit
     */
    public Tensor narrow(int dim, int start, int length) {
        return new Slice(dim, start, (long) start + length, 1, true).apply(this);
    }

    /**
     * Elements start, start+step, ... before end along a dim, as Python's {@code x[start:end:step]}.
     *
     * @param dim the dim to slice (negative counts from the end)
     * @param start the first index; negative counts from the end
     * @param end the index to stop before; negative counts from the end
     * @param step the distance between kept elements, &gt; 0
     * @return a view of the slice
     * @throws IllegalArgumentException if {@code dim} is out of range or {@code step} is not positive
     */
    public Tensor slice(int dim, int start, int end, int step) {
        return new Slice(dim, start, end, step, false).apply(this);
    }

    /**
     * Elements start .. end-1 along a dim, as Python's {@code x[start:end]}.
     *
     * @param dim the dim to slice (negative counts from the end)
     * @param start the first index; negative counts from the end
     * @param end the index to stop before; negative counts from the end
     * @return a view of the slice
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
    public Tensor slice(int dim, int start, int end) {
        return slice(dim, start, end, 1);
    }

    /**
     * The sub-tensor at one index of a dim, with that dim removed, as {@code torch.select}.
     *
     * @param dim the dim to index (negative counts from the end)
     * @param index the position in that dim (negative counts from the end)
     * @return a view of the sub-tensor
     * @throws IllegalArgumentException if {@code dim} or {@code index} is out of range
     */
    public Tensor select(int dim, int index) {
        int d = Shapes.dim("select", dim, dim());
        int i = index < 0 ? index + shape[d] : index;
        if (i < 0 || i >= shape[d]) {
            throw new IllegalArgumentException("select: index " + index + " out of range for dim " + dim + " of size "
                    + shape[d] + " in shape " + Shapes.str(shape));
        }
        return narrow(d, i, 1).squeeze(d);
    }

    /**
     * Removes every size-1 dim, as {@code torch.squeeze}.
     *
     * @return the tensor without size-1 dims
     */
    public Tensor squeeze() {
        int[] kept = Arrays.stream(shape).filter(s -> s != 1).toArray();
        return reshape(kept);
    }

    /**
     * Removes a dim if its size is 1, as {@code torch.squeeze(dim)}.
     *
     * @param dim the dim to remove (negative counts from the end)
     * @return the tensor without that dim, or of the same shape if its size is not 1
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
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

    /**
     * Inserts a size-1 dim, as {@code torch.unsqueeze}.
     *
     * @param dim the position of the new dim, in [-dim()-1, dim()]
     * @return the tensor with one more dim
     * @throws IllegalArgumentException if {@code dim} is out of range
     */
    public Tensor unsqueeze(int dim) {
        int d = Shapes.dim("unsqueeze", dim, dim() + 1);
        int[] out = new int[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == d ? 1 : shape[j++];
        }
        return reshape(out);
    }

    /**
     * All dims in one, as {@code torch.flatten}.
     *
     * @return a 1-D tensor of {@link #numel()} elements
     */
    public Tensor flatten() {
        return reshape(numel());
    }

    /**
     * Dims startDim..endDim (inclusive) in one, as {@code torch.flatten(start_dim, end_dim)}; a
     * 0-dimensional tensor becomes a 1-D tensor of one element.
     *
     * @param startDim the first dim to merge (negative counts from the end)
     * @param endDim the last dim to merge (negative counts from the end)
     * @return the tensor with those dims merged
     * @throws IllegalArgumentException if a dim is out of range or {@code startDim} comes after {@code endDim}
     */
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

    /**
     * This tensor if contiguous, else a contiguous copy (differentiable), as {@code torch.Tensor.contiguous}.
     *
     * @return a contiguous tensor with the same values
     */
    public Tensor contiguous() {
        return isContiguous() ? this : new Copy().apply(this);
    }

    /**
     * A contiguous copy with its own storage (differentiable), as {@code torch.clone}.
     *
     * @return the copy
     */
    public Tensor clone() {
        return new Copy().apply(this);
    }

    // ---------------------------------------------------------------- joining and splitting

    /**
     * Joins tensors along an existing dim, as {@code torch.cat}.
     *
     * @param tensors the tensors, equal in shape except along {@code dim}
     * @param dim the dim to join along (negative counts from the end)
     * @return the joined tensor
     * @throws IllegalArgumentException if the list is empty, the tensors are 0-dimensional, the shapes
     *     differ outside {@code dim} or {@code dim} is out of range
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return new Cat(dim).apply(tensors.toArray(new Tensor[0]));
    }

    /**
     * Joins tensors along an existing dim, as {@code torch.cat}.
     *
     * @param dim the dim to join along (negative counts from the end)
     * @param tensors the tensors, equal in shape except along {@code dim}
     * @return the joined tensor
     * @throws IllegalArgumentException if no tensor is given, the tensors are 0-dimensional, the
     *     shapes differ outside {@code dim} or {@code dim} is out of range
     */
    public static Tensor cat(int dim, Tensor... tensors) {
        return new Cat(dim).apply(tensors);
    }

    /**
     * Joins equally shaped tensors along a new dim, as {@code torch.stack}.
     *
     * @param tensors the tensors, all of one shape
     * @param dim the position of the new dim
     * @return the stacked tensor
     * @throws IllegalArgumentException if the list is empty, the shapes differ or {@code dim} is out of range
     */
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

    /**
     * Pieces of {@code splitSize} along a dim (the last may be smaller), as {@code torch.split}.
     *
     * @param splitSize the size of each piece, &gt; 0
     * @param dim the dim to split (negative counts from the end)
     * @return the pieces, as views
     * @throws IllegalArgumentException if {@code splitSize} is not positive or {@code dim} is out of range
     */
    public List<Tensor> split(int splitSize, int dim) {
        int d = Shapes.dim("split", dim, dim());
        if (splitSize <= 0) {
            throw new IllegalArgumentException("split: splitSize must be > 0, got " + splitSize);
        }
        List<Tensor> parts = new ArrayList<>();
        for (long start = 0; start < shape[d]; start += splitSize) {
            parts.add(narrow(d, (int) start, (int) Math.min(splitSize, shape[d] - start)));
        }
        if (parts.isEmpty()) {
            parts.add(narrow(d, 0, 0));
        }
        return parts;
    }

    /**
     * Pieces with the given sizes along a dim, as {@code torch.split} with a list of sizes.
     *
     * @param sizes the size of each piece; they must add up to the dim's size
     * @param dim the dim to split (negative counts from the end)
     * @return the pieces, as views
     * @throws IllegalArgumentException if a size is negative, the sizes do not add up or {@code dim} is
     *     out of range
     */
    public List<Tensor> split(int[] sizes, int dim) {
        int d = Shapes.dim("split", dim, dim());
        long total = Arrays.stream(sizes).asLongStream().sum();
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

    /**
     * The entries at {@code index} along a dim, as {@code torch.index_select}.
     *
     * @param dim the dim to index (negative counts from the end)
     * @param index a 1-D tensor of integer values
     * @return the selected entries, with that dim of the index's length
     * @throws IllegalArgumentException if {@code index} is not 1-D, this tensor is 0-dimensional or
     *     {@code dim} is out of range
     */
    public Tensor indexSelect(int dim, Tensor index) {
        return new IndexSelect(dim).apply(this, index);
    }

    /**
     * out[i][j][k] = x[i][index[i][j][k]][k] for dim = 1, as {@code torch.gather}.
     *
     * @param dim the dim to gather along (negative counts from the end)
     * @param index integer values, with this tensor's rank
     * @return the gathered values, in the index's shape
     * @throws IllegalArgumentException if the index's rank differs or {@code dim} is out of range
     */
    public Tensor gather(int dim, Tensor index) {
        return new Gather(dim).apply(this, index);
    }

    /**
     * cond != 0 ? a : b, element-wise with broadcasting, as {@code torch.where}.
     *
     * @param cond the condition
     * @param a the values taken where the condition is non-zero
     * @param b the values taken elsewhere
     * @return the chosen values, in the broadcast shape
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return new Where().apply(cond, a, b);
    }

    /**
     * value where mask != 0, else this tensor's element, as {@code torch.Tensor.masked_fill}.
     *
     * @param mask the positions to fill, broadcast with this tensor
     * @param value the fill value
     * @return the filled tensor
     * @throws IllegalArgumentException if {@code mask} is null or the shapes do not broadcast
     */
    public Tensor maskedFill(Tensor mask, float value) {
        if (mask == null) {
            throw new IllegalArgumentException("maskedFill: mask is null");
        }
        Shapes.broadcast("maskedFill", shape, mask.shape);
        return where(mask, scalar(value), this);
    }

    // ---------------------------------------------------------------- convolution and pooling (NCHW)

    /**
     * 2-D convolution of x [N, C, H, W] with weight [O, C/groups, KH, KW], plus bias [O] if not
     * null, as {@code torch.nn.functional.conv2d}.
     *
     * @param weight the kernels [O, C/groups, KH, KW]
     * @param bias the bias [O], or null for none
     * @param stride the step between windows, in both directions
     * @param padding the zeros added on each side, in both directions
     * @param dilation the spacing between kernel elements, in both directions
     * @param groups the number of groups the channels are split into
     * @return the output [N, O, OH, OW]
     * @throws IllegalArgumentException if the shapes or the geometry do not fit
     */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return conv2d(
                weight,
                bias,
                new int[] {stride, stride},
                new int[] {padding, padding},
                new int[] {dilation, dilation},
                groups);
    }

    /**
     * 2-D convolution without dilation or groups; see
     * {@link #conv2d(Tensor, Tensor, int, int, int, int)}.
     *
     * @param weight the kernels [O, C, KH, KW]
     * @param bias the bias [O], or null for none
     * @param stride the step between windows, in both directions
     * @param padding the zeros added on each side, in both directions
     * @return the output [N, O, OH, OW]
     * @throws IllegalArgumentException if the shapes or the geometry do not fit
     */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(weight, bias, stride, padding, 1, 1);
    }

    /**
     * 2-D convolution with stride 1 and no padding; see {@link #conv2d(Tensor, Tensor, int, int, int, int)}.
     *
     * @param weight the kernels [O, C, KH, KW]
     * @param bias the bias [O], or null for none
     * @return the output [N, O, OH, OW]
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public Tensor conv2d(Tensor weight, Tensor bias) {
        return conv2d(weight, bias, 1, 0, 1, 1);
    }

    /**
     * 2-D convolution with (height, width) pairs for stride, padding and dilation, as
     * {@code torch.nn.functional.conv2d}.
     *
     * @param weight the kernels [O, C/groups, KH, KW]
     * @param bias the bias [O], or null for none
     * @param stride the (height, width) steps between windows
     * @param padding the (height, width) padding on each side, at most half the kernel
     * @param dilation the (height, width) spacing between kernel elements
     * @param groups the number of groups the channels are split into
     * @return the output [N, O, OH, OW]
     * @throws IllegalArgumentException if the shapes or the geometry do not fit
     */
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
     * [C_in, C_out/groups, KH, KW], plus bias [C_out] if not null, with (height, width) pairs, as
     * {@code torch.nn.functional.conv_transpose2d}.
     *
     * @param weight the kernels [C_in, C_out/groups, KH, KW]
     * @param bias the bias [C_out], or null for none
     * @param stride the (height, width) steps
     * @param padding the (height, width) padding of the matching convolution
     * @param outputPadding the (height, width) sizes added to one side of the output
     * @param dilation the (height, width) spacing between kernel elements
     * @param groups the number of groups the channels are split into
     * @return the output [N, C_out, OH, OW]
     * @throws IllegalArgumentException if the shapes or the geometry do not fit
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

    /**
     * Transposed 2-D convolution with one stride and padding for both directions, no output
     * padding, dilation 1 and one group.
     *
     * @param weight the kernels [C_in, C_out, KH, KW]
     * @param bias the bias [C_out], or null for none
     * @param stride the step, in both directions
     * @param padding the padding of the matching convolution, in both directions
     * @return the output [N, C_out, OH, OW]
     * @throws IllegalArgumentException if the shapes or the geometry do not fit
     */
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

    /**
     * Max over kernel × kernel windows with stride = kernel, as {@code torch.nn.functional.max_pool2d}.
     *
     * @param kernel the window size, in both directions
     * @return the pooled tensor [N, C, OH, OW]
     * @throws IllegalArgumentException if the input is not 4-D or the window does not fit
     */
    public Tensor maxPool2d(int kernel) {
        return maxPool2d(kernel, kernel, 0);
    }

    /**
     * Max over kernel × kernel windows, as {@code torch.nn.functional.max_pool2d}.
     *
     * @param kernel the window size, in both directions
     * @param stride the step between windows, in both directions
     * @param padding the padding on each side, at most half the kernel
     * @return the pooled tensor [N, C, OH, OW]
     * @throws IllegalArgumentException if the input is not 4-D or the geometry does not fit
     */
    public Tensor maxPool2d(int kernel, int stride, int padding) {
        return new MaxPool2d(
                        new int[] {kernel, kernel},
                        new int[] {stride, stride},
                        new int[] {padding, padding},
                        new int[] {1, 1})
                .apply(this);
    }

    /**
     * Max pooling with (height, width) pairs, as {@code torch.nn.functional.max_pool2d}.
     *
     * @param kernel the (height, width) window
     * @param stride the (height, width) steps between windows
     * @param padding the (height, width) padding on each side, at most half the kernel
     * @param dilation the (height, width) spacing between window elements
     * @return the pooled tensor [N, C, OH, OW]
     * @throws IllegalArgumentException if the input is not 4-D or the geometry does not fit
     */
    public Tensor maxPool2d(int[] kernel, int[] stride, int[] padding, int[] dilation) {
        return new MaxPool2d(kernel, stride, padding, dilation).apply(this);
    }

    /**
     * Mean over kernel × kernel windows with stride = kernel, as {@code torch.nn.functional.avg_pool2d}.
     *
     * @param kernel the window size, in both directions
     * @return the pooled tensor [N, C, OH, OW]
     * @throws IllegalArgumentException if the input is not 4-D or the window does not fit
     */
    public Tensor avgPool2d(int kernel) {
        return avgPool2d(kernel, kernel, 0);
    }

    /**
     * Mean over kernel × kernel windows, as {@code torch.nn.functional.avg_pool2d}.
     *
     * @param kernel the window size, in both directions
     * @param stride the step between windows, in both directions
     * @param padding the padding on each side, at most half the kernel
     * @return the pooled tensor [N, C, OH, OW]
     * @throws IllegalArgumentException if the input is not 4-D or the geometry does not fit
     */
    public Tensor avgPool2d(int kernel, int stride, int padding) {
        return new AvgPool2d(new int[] {kernel, kernel}, new int[] {stride, stride}, new int[] {padding, padding})
                .apply(this);
    }

    /**
     * Average pooling with (height, width) pairs, as {@code torch.nn.functional.avg_pool2d}.
     *
     * @param kernel the (height, width) window
     * @param stride the (height, width) steps between windows
     * @param padding the (height, width) padding on each side, at most half the kernel
     * @return the pooled tensor [N, C, OH, OW]
     * @throws IllegalArgumentException if the input is not 4-D or the geometry does not fit
     */
    public Tensor avgPool2d(int[] kernel, int[] stride, int[] padding) {
        return new AvgPool2d(kernel, stride, padding).apply(this);
    }

    /**
     * Zeroes each element with probability p and scales the rest by 1/(1-p) when training, as
     * {@code torch.nn.functional.dropout}; the mask comes from {@code gen}, so a seed reproduces it.
     *
     * @param p the probability of zeroing an element, in [0, 1]
     * @param training false returns this tensor unchanged
     * @param gen the source of the mask
     * @return the masked and scaled tensor, or this tensor when not training or p is 0
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
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
        Tracing.hostAccess("dropout's random draw");
        Tensor mask = TensorInternals.forKernelOutput(shape);
        gen.bernoulliMask(TensorInternals.data(mask), p, 1f / (1 - p));
        return mul(mask);
    }
}
