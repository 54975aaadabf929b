package org.grad4j.backend;

import org.grad4j.tensor.Scope;

/**
 * The kernels the ops run on: raw float arrays with offsets, explicit sizes and element strides.
 * Callers (the ops) validate every shape and index before the call. The Java backend relies on
 * that (a wrong call fails with an index exception at worst); a backend that runs native code
 * checks every range again before it calls it, so that a wrong call from anywhere is an exception,
 * never a crashed JVM. Outputs are written, inputs are never modified, and an output never aliases
 * an input unless the method says so.
 *
 * <p>{@link #current()} is the backend in use: chosen once by {@code -Dgrad4j.backend=java|native}
 * or the {@code GRAD4J_BACKEND} environment variable, else the highest-ranked provider found by
 * {@link java.util.ServiceLoader}.
 */
public interface Backend {

    /**
     * The backend in use on this thread: the one {@link #use} set, else the JVM's choice.
     *
     * @return the backend
     * @throws IllegalStateException if the backend named by {@code -Dgrad4j.backend} or
     *     {@code GRAD4J_BACKEND} is unknown or cannot load
     */
    static Backend current() {
        return BackendRegistry.current();
    }

    /**
     * Runs this thread's ops on {@code backend} until the returned scope is closed; for tests
     * and benchmarks that compare backends in one JVM.
     *
     * @param backend the backend to use, not null
     * @return the scope; closing it restores the thread's previous backend. Scopes close in the
     *     reverse order they were opened (see {@link Scope})
     * @throws NullPointerException if {@code backend} is null
     */
    static Scope use(Backend backend) {
        return BackendRegistry.use(backend);
    }

    /**
     * One instance of every backend that can load here, highest rank first.
     *
     * @return the backends, created on the first call
     */
    static java.util.List<Backend> available() {
        return BackendRegistry.available();
    }

    /**
     * The name users select the backend by.
     *
     * @return {@code "java"} or {@code "native"}
     */
    String name();

    /**
     * Number of threads the parallel kernels use, as {@code torch.get_num_threads}.
     *
     * @return the count, at least 1
     */
    int threads();

    /** The most parts {@link #runParts} takes. */
    int MAX_PARTS = 1 << 16;

    /**
     * Runs {@code part.accept(p)} once for every p in [0, parts) on this backend's threads (the
     * native pool's include the caller) and returns when all have run: work that the caller splits,
     * rather than each kernel, such as {@code DataParallel}'s shards of a batch. Kernels called inside a part run
     * on that part's thread alone, their work cut as it would be on all threads, so they give the
     * same values whichever thread runs the part. A call inside a part, or with one thread, runs
     * the parts one after another on the calling thread. The part's thread has this thread's
     * defaults, not its scopes: a part that needs the caller's grad mode or backend opens them.
     *
     * @param parts the number of parts, from 1 to {@link #MAX_PARTS}
     * @param part the work of one part, given its index
     * @throws IllegalArgumentException if {@code parts} is out of range or {@code part} is null
     * @throws RuntimeException the first exception a part threw (lowest index), once all have ended;
     *     an {@link Error} likewise
     */
    void runParts(int parts, java.util.function.IntConsumer part);

    /**
     * dst[i] = src[i] over an n-d index space, both strided.
     *
     * @param shape the sizes of the index space
     * @param src the source values
     * @param srcOffset the source's first element
     * @param srcStrides the source's element strides, one per dim
     * @param dst the destination
     * @param dstOffset the destination's first element
     * @param dstStrides the destination's element strides, one per dim
     */
    void copy(int[] shape, float[] src, int srcOffset, int[] srcStrides, float[] dst, int dstOffset, int[] dstStrides);

    /**
     * dst[offset .. offset+count) = value.
     *
     * @param dst the array to fill
     * @param offset the first element
     * @param count the number of elements
     * @param value the fill value
     */
    void fill(float[] dst, int offset, int count, float value);

    /**
     * y = op(x) over {@code count} contiguous elements; y may be x (same offset) for in-place use.
     *
     * @param op the function
     * @param alpha the op's first parameter, where it has one
     * @param beta the op's second parameter (CLAMP's max), where it has one
     * @param x the input
     * @param xOffset the input's first element
     * @param y the output
     * @param yOffset the output's first element
     * @param count the number of elements
     */
    void unary(UnaryOp op, float alpha, float beta, float[] x, int xOffset, float[] y, int yOffset, int count);

    /**
     * out = op(a, b) over {@code shape}; a and b are strided (stride 0 broadcasts), out is
     * contiguous. out may alias a when a is contiguous with the same offset (in-place use).
     *
     * @param op the function
     * @param shape the sizes of the output
     * @param a the first operand
     * @param aOffset the first operand's first element
     * @param aStrides the first operand's element strides, one per dim of {@code shape}
     * @param b the second operand
     * @param bOffset the second operand's first element
     * @param bStrides the second operand's element strides, one per dim of {@code shape}
     * @param out the output
     * @param outOffset the output's first element
     */
    void binary(
            BinaryOp op,
            int[] shape,
            float[] a,
            int aOffset,
            int[] aStrides,
            float[] b,
            int bOffset,
            int[] bStrides,
            float[] out,
            int outOffset);

    /**
     * out = cond != 0 ? a : b over {@code shape}; inputs strided, out contiguous.
     *
     * @param shape the sizes of the output
     * @param cond the condition
     * @param condOffset the condition's first element
     * @param condStrides the condition's element strides, one per dim of {@code shape}
     * @param a the values taken where the condition is non-zero
     * @param aOffset their first element
     * @param aStrides their element strides, one per dim of {@code shape}
     * @param b the values taken elsewhere
     * @param bOffset their first element
     * @param bStrides their element strides, one per dim of {@code shape}
     * @param out the output
     * @param outOffset the output's first element
     */
    void where(
            int[] shape,
            float[] cond,
            int condOffset,
            int[] condStrides,
            float[] a,
            int aOffset,
            int[] aStrides,
            float[] b,
            int bOffset,
            int[] bStrides,
            float[] out,
            int outOffset);

    /**
     * out = program(inputs) over {@code shape}, in one pass: each input strided (stride 0
     * broadcasts), out contiguous. out may alias an input that is contiguous with the same offset.
     *
     * @param program the instructions
     * @param shape the sizes of the output
     * @param inputs the inputs, {@code program.inputs()} of them
     * @param offsets each input's first element
     * @param strides each input's element strides, one per dim of {@code shape}
     * @param out the output
     * @param outOffset the output's first element
     */
    void elementwise(
            ElementwiseProgram program,
            int[] shape,
            float[][] inputs,
            int[] offsets,
            int[][] strides,
            float[] out,
            int outOffset);

    /**
     * Reduces contiguous x viewed as [outer, size, inner] over its middle axis into out [outer, inner].
     *
     * @param op the reduction
     * @param x the input
     * @param xOffset the input's first element
     * @param outer the product of the sizes before the reduced axis
     * @param size the size of the reduced axis
     * @param inner the product of the sizes after the reduced axis
     * @param out the output
     * @param outOffset the output's first element
     */
    void reduce(ReduceOp op, float[] x, int xOffset, int outer, int size, int inner, float[] out, int outOffset);

    /**
     * C = alpha · op(A) · op(B) + beta · C, row-major, as BLAS {@code sgemm}; op(A) is m×k, op(B) is
     * k×n, C is m×n. With beta = 0, C is written without being read.
     *
     * @param transA whether op(A) is A transposed (A stored k×m)
     * @param transB whether op(B) is B transposed (B stored n×k)
     * @param m the rows of op(A) and C
     * @param n the columns of op(B) and C
     * @param k the columns of op(A) and rows of op(B)
     * @param alpha the factor on the product
     * @param a A's values
     * @param aOffset A's first element
     * @param lda the distance between A's rows
     * @param b B's values
     * @param bOffset B's first element
     * @param ldb the distance between B's rows
     * @param beta the factor on C's previous values
     * @param c C's values
     * @param cOffset C's first element
     * @param ldc the distance between C's rows
     */
    void gemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            float alpha,
            float[] a,
            int aOffset,
            int lda,
            float[] b,
            int bOffset,
            int ldb,
            float beta,
            float[] c,
            int cOffset,
            int ldc);

    /**
     * y [N, O, OH, OW] = conv(x [N, C, H, W], w [O, C/groups, KH, KW]); all contiguous, y overwritten.
     *
     * @param g the sizes
     * @param x the input
     * @param xOffset the input's first element
     * @param w the weight
     * @param wOffset the weight's first element
     * @param y the output
     * @param yOffset the output's first element
     */
    void conv2dForward(Conv2dGeometry g, float[] x, int xOffset, float[] w, int wOffset, float[] y, int yOffset);

    /**
     * gradX [N, C, H, W] = gradient of the convolution with respect to x; overwritten.
     *
     * @param g the sizes
     * @param gradY the gradient of the output, contiguous
     * @param gradYOffset its first element
     * @param w the weight, contiguous
     * @param wOffset the weight's first element
     * @param gradX the gradient of the input
     * @param gradXOffset its first element
     */
    void conv2dBackwardData(
            Conv2dGeometry g, float[] gradY, int gradYOffset, float[] w, int wOffset, float[] gradX, int gradXOffset);

    /**
     * gradW [O, C/groups, KH, KW] = gradient of the convolution with respect to w; overwritten.
     *
     * @param g the sizes
     * @param x the input, contiguous
     * @param xOffset the input's first element
     * @param gradY the gradient of the output, contiguous
     * @param gradYOffset its first element
     * @param gradW the gradient of the weight
     * @param gradWOffset its first element
     */
    void conv2dBackwardWeight(
            Conv2dGeometry g, float[] x, int xOffset, float[] gradY, int gradYOffset, float[] gradW, int gradWOffset);

    /**
     * y = max over each window (padding never wins); argmax gets the flat input position in its (n, c) plane.
     *
     * @param g the sizes
     * @param x the input, contiguous
     * @param xOffset the input's first element
     * @param y the output, contiguous from 0
     * @param argmax the position of each output's maximum, one per output element
     */
    void maxPool2dForward(Pool2dGeometry g, float[] x, int xOffset, float[] y, int[] argmax);

    /**
     * gradX (contiguous, overwritten) = gradY scattered to the argmax positions.
     *
     * @param g the sizes
     * @param gradY the gradient of the output, contiguous from 0
     * @param argmax the positions {@link #maxPool2dForward} wrote
     * @param gradX the gradient of the input
     */
    void maxPool2dBackward(Pool2dGeometry g, float[] gradY, int[] argmax, float[] gradX);

    /**
     * y = mean over each window, padding counted as zeros in the divisor (PyTorch's default).
     *
     * @param g the sizes
     * @param x the input, contiguous
     * @param xOffset the input's first element
     * @param y the output, contiguous from 0
     */
    void avgPool2dForward(Pool2dGeometry g, float[] x, int xOffset, float[] y);

    /**
     * gradX (contiguous, overwritten) = the gradient of avgPool2dForward.
     *
     * @param g the sizes
     * @param gradY the gradient of the output, contiguous from 0
     * @param gradX the gradient of the input
     */
    void avgPool2dBackward(Pool2dGeometry g, float[] gradY, float[] gradX);

    /**
     * Gathers along the middle axis: x is contiguous [outer, size, inner], index is [outer, count, inner]
     * (or [count] broadcast over outer and inner when {@code indexPerRow} is false), out is contiguous
     * [outer, count, inner]. Every index is in [0, size).
     *
     * @param x the input
     * @param xOffset the input's first element
     * @param outer the product of the sizes before the gathered axis
     * @param size the size of the gathered axis in x
     * @param inner the product of the sizes after the gathered axis
     * @param index the positions to read
     * @param count the size of the gathered axis in out
     * @param indexPerRow whether index has an entry per output element, else one per position of the axis
     * @param out the output, from 0
     */
    void gather(
            float[] x,
            int xOffset,
            int outer,
            int size,
            int inner,
            int[] index,
            int count,
            boolean indexPerRow,
            float[] out);

    /**
     * The adjoint of {@link #gather}: dst [outer, size, inner] += src [outer, count, inner] at the indices.
     *
     * @param src the values to add, contiguous
     * @param srcOffset their first element
     * @param outer the product of the sizes before the scattered axis
     * @param size the size of the scattered axis in dst
     * @param inner the product of the sizes after the scattered axis
     * @param index the positions to add to
     * @param count the size of the scattered axis in src
     * @param indexPerRow whether index has an entry per source element, else one per position of the axis
     * @param dst the accumulator, from 0
     */
    void scatterAdd(
            float[] src,
            int srcOffset,
            int outer,
            int size,
            int inner,
            int[] index,
            int count,
            boolean indexPerRow,
            float[] dst);

    /**
     * Samples of 8-bit data converted to floats through a table, as a batch is assembled:
     * out[outOffset + k·length + j] = table[src[rows[k]·length + j] &amp; 0xff] for k &lt; rows.length
     * and j &lt; length. Runs on the calling thread alone (a data loader's, beside a training step's
     * kernels). A native backend may write out past the caches, since a batch is read later and often
     * on another core.
     *
     * @param src the samples, length bytes each
     * @param length the bytes of a sample
     * @param rows the samples to convert, each in [0, src.length / length)
     * @param table the float of every byte value, 256 entries
     * @param out the output
     * @param outOffset the output's first element
     */
    void lookupRows(byte[] src, int length, int[] rows, float[] table, float[] out, int outOffset);

    /**
     * y [rows, cols] = act(x + bias) with bias [cols] broadcast over rows; act is a one-parameter unary
     * op (alpha its parameter), or none when null.
     *
     * @param act the activation, or null for none
     * @param alpha the activation's parameter
     * @param x the input, contiguous
     * @param xOffset the input's first element
     * @param bias the bias
     * @param biasOffset the bias's first element
     * @param rows the number of rows
     * @param cols the number of columns
     * @param y the output, contiguous
     * @param yOffset the output's first element
     */
    void biasActivation(
            UnaryOp act,
            float alpha,
            float[] x,
            int xOffset,
            float[] bias,
            int biasOffset,
            int rows,
            int cols,
            float[] y,
            int yOffset);

    /**
     * y = softmax (or log-softmax when {@code log}) of contiguous x [outer, size, inner] over its middle axis.
     *
     * @param log whether to compute log-softmax
     * @param x the input
     * @param xOffset the input's first element
     * @param outer the product of the sizes before the normalized axis
     * @param size the size of the normalized axis
     * @param inner the product of the sizes after the normalized axis
     * @param y the output, contiguous
     * @param yOffset the output's first element
     */
    void softmax(boolean log, float[] x, int xOffset, int outer, int size, int inner, float[] y, int yOffset);

    /**
     * gradX from the forward output y and gradY, both contiguous [outer, size, inner]:
     * softmax: y·(g − Σ g·y); log-softmax: g − exp(y)·Σ g.
     *
     * @param log whether the forward was log-softmax
     * @param y the forward output
     * @param yOffset its first element
     * @param gradY the gradient of the output
     * @param gradYOffset its first element
     * @param outer the product of the sizes before the normalized axis
     * @param size the size of the normalized axis
     * @param inner the product of the sizes after the normalized axis
     * @param gradX the gradient of the input, contiguous
     * @param gradXOffset its first element
     */
    void softmaxBackward(
            boolean log,
            float[] y,
            int yOffset,
            float[] gradY,
            int gradYOffset,
            int outer,
            int size,
            int inner,
            float[] gradX,
            int gradXOffset);

    /**
     * Cross-entropy of logits [rows, classes] against class indices: loss[r] = logsumexp(x[r]) − x[r][t[r]];
     * also writes logsumexp[r] for the backward.
     *
     * @param logits the logits, contiguous
     * @param logitsOffset their first element
     * @param rows the number of rows
     * @param classes the number of classes
     * @param targets the class of each row, in [0, classes)
     * @param loss the loss of each row
     * @param logSumExp logsumexp of each row
     */
    void crossEntropy(
            float[] logits, int logitsOffset, int rows, int classes, int[] targets, float[] loss, float[] logSumExp);

    /**
     * gradLogits [rows, classes] = gradLoss[r] · (softmax(x[r]) − onehot(t[r])).
     *
     * @param logits the logits, contiguous
     * @param logitsOffset their first element
     * @param rows the number of rows
     * @param classes the number of classes
     * @param targets the class of each row
     * @param logSumExp what {@link #crossEntropy} wrote
     * @param gradLoss the gradient of each row's loss
     * @param gradLogits the gradient of the logits, from 0
     */
    void crossEntropyBackward(
            float[] logits,
            int logitsOffset,
            int rows,
            int classes,
            int[] targets,
            float[] logSumExp,
            float[] gradLoss,
            float[] gradLogits);

    /**
     * One SGD step over n parameters (PyTorch's rule): g += wd·p; with momentum, buf = g on the first
     * step else buf = momentum·buf + (1 − dampening)·g, and g = nesterov ? g + momentum·buf : buf; p −= lr·g.
     * param and momentumBuffer are updated in place; momentumBuffer is unused when momentum is 0. The
     * buffer stores 0 where its magnitude falls below {@link Float#MIN_NORMAL} (see adamStep).
     *
     * @param param the parameter values
     * @param paramOffset their first element
     * @param grad the gradient
     * @param gradOffset its first element
     * @param momentumBuffer the momentum buffer, from 0
     * @param n the number of elements
     * @param lr the learning rate
     * @param momentum the momentum factor
     * @param dampening the dampening of the momentum
     * @param weightDecay the L2 penalty
     * @param nesterov whether to use Nesterov momentum
     * @param firstStep whether this is the first step, which fills the buffer with the gradient
     */
    void sgdStep(
            float[] param,
            int paramOffset,
            float[] grad,
            int gradOffset,
            float[] momentumBuffer,
            int n,
            float lr,
            float momentum,
            float dampening,
            float weightDecay,
            boolean nesterov,
            boolean firstStep);

    /**
     * One Adam step over n parameters at step t (from 1): with {@code decoupled} (AdamW) p −= lr·wd·p,
     * else g += wd·p; m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; p −= lr·(m / (1 − β1ᵗ)) /
     * (sqrt(v / (1 − β2ᵗ)) + eps). param, m and v are updated in place. m and v store 0 where their
     * magnitude falls below {@link Float#MIN_NORMAL}: the moments of a weight whose gradient stays 0
     * decay geometrically, and arithmetic on denormal numbers is many times slower on CPUs.
     *
     * @param param the parameter values
     * @param paramOffset their first element
     * @param grad the gradient
     * @param gradOffset its first element
     * @param m the first-moment estimates, from 0
     * @param v the second-moment estimates, from 0
     * @param n the number of elements
     * @param lr the learning rate
     * @param beta1 β1, the decay of m
     * @param beta2 β2, the decay of v
     * @param eps the term added to the denominator
     * @param weightDecay the weight decay
     * @param step t, counting from 1
     * @param decoupled whether the decay is AdamW's, applied to the parameter directly
     */
    void adamStep(
            float[] param,
            int paramOffset,
            float[] grad,
            int gradOffset,
            float[] m,
            float[] v,
            int n,
            float lr,
            float beta1,
            float beta2,
            float eps,
            float weightDecay,
            int step,
            boolean decoupled);
}
