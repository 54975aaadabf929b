package org.grad4j.internal.backend.java;

import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.Threads;
import org.grad4j.backend.UnaryOp;

/**
 * The pure-Java backend: always present, and the reference the native backend is tested
 * against. Parallel over {@link Threads#get()} threads, or a count of its own.
 */
public final class JavaBackend implements Backend {
    private final Parallel parallel;
    private final Elementwise elementwise;
    private final Reductions reductions;
    private final Gemm gemm;
    private final Convolution convolution;
    private final Pooling pooling;
    private final Fused fused;
    private final ElementwiseInterpreter interpreter;

    /** A Java backend that follows {@link Threads#get()}. */
    public JavaBackend() {
        this(new Parallel(0));
    }

    /** A Java backend with its own pool of {@code threads} threads, whatever {@link Threads} says. */
    public JavaBackend(int threads) {
        this(new Parallel(checkThreads(threads)));
    }

    private JavaBackend(Parallel parallel) {
        this.parallel = parallel;
        this.elementwise = new Elementwise(parallel);
        this.reductions = new Reductions(parallel);
        this.gemm = new Gemm(parallel);
        this.convolution = new Convolution(parallel, gemm.serial());
        this.pooling = new Pooling(parallel);
        this.fused = new Fused(parallel);
        this.interpreter = new ElementwiseInterpreter(parallel, ElementwiseInterpreter.BEST_OPS);
    }

    private static int checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("JavaBackend: threads must be >= 1, got " + threads);
        }
        return threads;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public int threads() {
        return parallel.threads();
    }

    @Override
    public void runParts(int parts, java.util.function.IntConsumer part) {
        org.grad4j.backend.PartFailures.checkArguments(parts, part);
        parallel.forParts(parts, part);
    }

    @Override
    public void copy(
            int[] shape, float[] src, int srcOffset, int[] srcStrides, float[] dst, int dstOffset, int[] dstStrides) {
        elementwise.copy(shape, src, srcOffset, srcStrides, dst, dstOffset, dstStrides);
    }

    @Override
    public void fill(float[] dst, int offset, int count, float value) {
        java.util.Arrays.fill(dst, offset, offset + count, value);
    }

    @Override
    public void unary(UnaryOp op, float alpha, float beta, float[] x, int xOffset, float[] y, int yOffset, int count) {
        elementwise.unary(op, alpha, beta, x, xOffset, y, yOffset, count);
    }

    @Override
    public void binary(
            BinaryOp op,
            int[] shape,
            float[] a,
            int aOffset,
            int[] aStrides,
            float[] b,
            int bOffset,
            int[] bStrides,
            float[] out,
            int outOffset) {
        elementwise.binary(op, shape, a, aOffset, aStrides, b, bOffset, bStrides, out, outOffset);
    }

    @Override
    public void where(
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
            int outOffset) {
        elementwise.where(
                shape, cond, condOffset, condStrides, a, aOffset, aStrides, b, bOffset, bStrides, out, outOffset);
    }

    @Override
    public void elementwise(
            ElementwiseProgram program,
            int[] shape,
            float[][] inputs,
            int[] offsets,
            int[][] strides,
            float[] out,
            int outOffset) {
        interpreter.run(program, shape, inputs, offsets, strides, out, outOffset);
    }

    @Override
    public void reduce(
            ReduceOp op, float[] x, int xOffset, int outer, int size, int inner, float[] out, int outOffset) {
        reductions.reduce(op, x, xOffset, outer, size, inner, out, outOffset);
    }

    @Override
    public void gemm(
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
            int ldc) {
        gemm.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    @Override
    public void conv2dForward(
            Conv2dGeometry g, float[] x, int xOffset, float[] w, int wOffset, float[] y, int yOffset) {
        convolution.forward(g, x, xOffset, w, wOffset, y, yOffset);
    }

    @Override
    public void conv2dBackwardData(
            Conv2dGeometry g, float[] gradY, int gradYOffset, float[] w, int wOffset, float[] gradX, int gradXOffset) {
        convolution.backwardData(g, gradY, gradYOffset, w, wOffset, gradX, gradXOffset);
    }

    @Override
    public void conv2dBackwardWeight(
            Conv2dGeometry g, float[] x, int xOffset, float[] gradY, int gradYOffset, float[] gradW, int gradWOffset) {
        convolution.backwardWeight(g, x, xOffset, gradY, gradYOffset, gradW, gradWOffset);
    }

    @Override
    public void maxPool2dForward(Pool2dGeometry g, float[] x, int xOffset, float[] y, int[] argmax) {
        pooling.maxForward(g, x, xOffset, y, argmax);
    }

    @Override
    public void maxPool2dBackward(Pool2dGeometry g, float[] gradY, int[] argmax, float[] gradX) {
        pooling.maxBackward(g, gradY, argmax, gradX);
    }

    @Override
    public void avgPool2dForward(Pool2dGeometry g, float[] x, int xOffset, float[] y) {
        pooling.avgForward(g, x, xOffset, y);
    }

    @Override
    public void avgPool2dBackward(Pool2dGeometry g, float[] gradY, float[] gradX) {
        pooling.avgBackward(g, gradY, gradX);
    }

    @Override
    public void gather(
            float[] x,
            int xOffset,
            int outer,
            int size,
            int inner,
            int[] index,
            int count,
            boolean indexPerRow,
            float[] out) {
        reductions.gather(x, xOffset, outer, size, inner, index, count, indexPerRow, out);
    }

    @Override
    public void lookupRows(byte[] src, int length, int[] rows, float[] table, float[] out, int outOffset) {
        LookupRows.run(src, length, rows, table, out, outOffset);
    }

    @Override
    public void scatterAdd(
            float[] src,
            int srcOffset,
            int outer,
            int size,
            int inner,
            int[] index,
            int count,
            boolean indexPerRow,
            float[] dst) {
        reductions.scatterAdd(src, srcOffset, outer, size, inner, index, count, indexPerRow, dst);
    }

    @Override
    public void biasActivation(
            UnaryOp act,
            float alpha,
            float[] x,
            int xOffset,
            float[] bias,
            int biasOffset,
            int rows,
            int cols,
            float[] y,
            int yOffset) {
        fused.biasActivation(act, alpha, x, xOffset, bias, biasOffset, rows, cols, y, yOffset);
    }

    @Override
    public void softmax(boolean log, float[] x, int xOffset, int outer, int size, int inner, float[] y, int yOffset) {
        fused.softmax(log, x, xOffset, outer, size, inner, y, yOffset);
    }

    @Override
    public void softmaxBackward(
            boolean log,
            float[] y,
            int yOffset,
            float[] gradY,
            int gradYOffset,
            int outer,
            int size,
            int inner,
            float[] gradX,
            int gradXOffset) {
        fused.softmaxBackward(log, y, yOffset, gradY, gradYOffset, outer, size, inner, gradX, gradXOffset);
    }

    @Override
    public void crossEntropy(
            float[] logits, int logitsOffset, int rows, int classes, int[] targets, float[] loss, float[] logSumExp) {
        fused.crossEntropy(logits, logitsOffset, rows, classes, targets, loss, logSumExp);
    }

    @Override
    public void crossEntropyBackward(
            float[] logits,
            int logitsOffset,
            int rows,
            int classes,
            int[] targets,
            float[] logSumExp,
            float[] gradLoss,
            float[] gradLogits) {
        fused.crossEntropyBackward(logits, logitsOffset, rows, classes, targets, logSumExp, gradLoss, gradLogits);
    }

    @Override
    public void sgdStep(
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
            boolean firstStep) {
        fused.sgdStep(
                param,
                paramOffset,
                grad,
                gradOffset,
                momentumBuffer,
                n,
                lr,
                momentum,
                dampening,
                weightDecay,
                nesterov,
                firstStep);
    }

    @Override
    public void adamStep(
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
            boolean decoupled) {
        fused.adamStep(
                param, paramOffset, grad, gradOffset, m, v, n, lr, beta1, beta2, eps, weightDecay, step, decoupled);
    }
}
