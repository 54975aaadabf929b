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

    /** The backend in use on this thread: the one {@link #use} set, else the JVM's choice. */
    static Backend current() {
        return BackendRegistry.current();
    }

    /**
     * Runs this thread's ops on {@code backend} until the returned scope is closed; for tests
     * and benchmarks that compare backends in one JVM.
     */
    static Scope use(Backend backend) {
        return BackendRegistry.use(backend);
    }

    /** One instance of every backend that can load here, highest rank first. */
    static java.util.List<Backend> available() {
        return BackendRegistry.available();
    }

    /** {@code "java"} or {@code "native"}. */
    String name();

    /** Number of threads the parallel kernels use. */
    int threads();

    /** dst[i] = src[i] over an n-d index space, both strided. */
    void copy(int[] shape, float[] src, int srcOffset, int[] srcStrides, float[] dst, int dstOffset, int[] dstStrides);

    /** dst[offset .. offset+count) = value. */
    void fill(float[] dst, int offset, int count, float value);

    /** y = op(x) over {@code count} contiguous elements; y may be x (same offset) for in-place use. */
    void unary(UnaryOp op, float alpha, float beta, float[] x, int xOffset, float[] y, int yOffset, int count);

    /**
     * out = op(a, b) over {@code shape}; a and b are strided (stride 0 broadcasts), out is
     * contiguous. out may alias a when a is contiguous with the same offset (in-place use).
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

    /** out = cond != 0 ? a : b over {@code shape}; inputs strided, out contiguous. */
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

    /** Reduces contiguous x viewed as [outer, size, inner] over its middle axis into out [outer, inner]. */
    void reduce(ReduceOp op, float[] x, int xOffset, int outer, int size, int inner, float[] out, int outOffset);

    /**
     * C = alpha · op(A) · op(B) + beta · C, row-major; op(A) is m×k, op(B) is k×n, C is m×n.
     * With beta = 0, C is written without being read.
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

    /** y [N, O, OH, OW] = conv(x [N, C, H, W], w [O, C/groups, KH, KW]); all contiguous, y overwritten. */
    void conv2dForward(Conv2dGeometry g, float[] x, int xOffset, float[] w, int wOffset, float[] y, int yOffset);

    /** gradX [N, C, H, W] = gradient of the convolution with respect to x; overwritten. */
    void conv2dBackwardData(
            Conv2dGeometry g, float[] gradY, int gradYOffset, float[] w, int wOffset, float[] gradX, int gradXOffset);

    /** gradW [O, C/groups, KH, KW] = gradient of the convolution with respect to w; overwritten. */
    void conv2dBackwardWeight(
            Conv2dGeometry g, float[] x, int xOffset, float[] gradY, int gradYOffset, float[] gradW, int gradWOffset);

    /** y = max over each window (padding never wins); argmax gets the flat input position in its (n, c) plane. */
    void maxPool2dForward(Pool2dGeometry g, float[] x, int xOffset, float[] y, int[] argmax);

    /** gradX (contiguous, overwritten) = gradY scattered to the argmax positions. */
    void maxPool2dBackward(Pool2dGeometry g, float[] gradY, int[] argmax, float[] gradX);

    /** y = mean over each window, padding counted as zeros in the divisor (PyTorch's default). */
    void avgPool2dForward(Pool2dGeometry g, float[] x, int xOffset, float[] y);

    /** gradX (contiguous, overwritten) = the gradient of avgPool2dForward. */
    void avgPool2dBackward(Pool2dGeometry g, float[] gradY, float[] gradX);

    /**
     * Gathers along the middle axis: x is contiguous [outer, size, inner], index is [outer, count, inner]
     * (or [count] broadcast over outer and inner when {@code indexPerRow} is false), out is contiguous
     * [outer, count, inner]. Every index is in [0, size).
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

    /** The adjoint of {@link #gather}: dst [outer, size, inner] += src [outer, count, inner] at the indices. */
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

    /** y [rows, cols] = act(x + bias) with bias [cols] broadcast over rows; act is any unary op (alpha its parameter), or none when null. */
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

    /** y = softmax (or log-softmax when {@code log}) of contiguous x [outer, size, inner] over its middle axis. */
    void softmax(boolean log, float[] x, int xOffset, int outer, int size, int inner, float[] y, int yOffset);

    /**
     * gradX from the forward output y and gradY, both contiguous [outer, size, inner]:
     * softmax: y·(g − Σ g·y); log-softmax: g − exp(y)·Σ g.
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
     */
    void crossEntropy(
            float[] logits, int logitsOffset, int rows, int classes, int[] targets, float[] loss, float[] logSumExp);

    /** gradLogits [rows, classes] = gradLoss[r] · (softmax(x[r]) − onehot(t[r])). */
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
     * param and momentumBuffer are updated in place; momentumBuffer is unused when momentum is 0.
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
     * (sqrt(v / (1 − β2ᵗ)) + eps). param, m and v are updated in place.
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
