package org.grad4j.backend.nativecpu;

import static org.grad4j.jni.global.g4kernels.*;

import org.bytedeco.javacpp.Loader;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.Threads;
import org.grad4j.backend.UnaryOp;
import org.grad4j.jni.global.g4kernels;

/**
 * The native backend: GEMM on our own packed kernel where the CPU has AVX2 or AVX-512, else in
 * OpenBLAS; convolution as our im2col with that GEMM; everything else in our C++ kernels
 * (native/), reached through JavaCPP. Arrays are pinned for the call, not copied. Each method
 * first checks that every element the kernel will touch lies inside its array ({@code Bounds},
 * {@code ConvBounds}) and throws IllegalArgumentException otherwise, even though the ops have
 * validated the arguments already; a non-zero status after that is a bug and throws
 * IllegalStateException. {@link Threads#get()} sizes the library's one thread pool (the calling
 * thread included), which splits our kernels and the GEMMs that run in OpenBLAS (one
 * single-threaded OpenBLAS call per part), one call at a time: a thread that finds it busy waits.
 */
public final class NativeBackend implements Backend {
    private static final float[] EMPTY = new float[0];
    private static final String[] INPUT_NAMES = {"input 0", "input 1", "input 2", "input 3"};
    private final ThreadLocal<float[]> workspace = ThreadLocal.withInitial(() -> new float[0]);
    private final ThreadLocal<ProgramCode> programCode = ThreadLocal.withInitial(ProgramCode::new);

    /** A program's code and parameters as the native call takes them, filled on each call. */
    private static final class ProgramCode {
        final int[] code = new int[ElementwiseProgram.MAX_INSTRUCTIONS * ElementwiseProgram.WIDTH];
        final float[] params = new float[ElementwiseProgram.MAX_INSTRUCTIONS * 2];
    }

    /** The thread count the native pool was last given; 0 before the first call. */
    private static volatile int poolThreads;

    /** Loads the library; {@code -Dgrad4j.isa} names the instruction set its kernels run on ({@link #selectIsa}). */
    public NativeBackend() {
        Loader.load(g4kernels.class);
        String isa = System.getProperty("grad4j.isa");
        if (isa != null && !isa.isEmpty()) {
            selectIsa(isa);
        }
    }

    /**
     * Runs the kernels on the instruction set {@code name} ("scalar", "avx2", "avx512" or "neon")
     * instead of the best the CPU has, as PyTorch's {@code ATEN_CPU_CAPABILITY} does: to see how
     * the library runs on a smaller CPU. Process-wide.
     *
     * @throws IllegalArgumentException for another name, or one this CPU or build lacks
     */
    static void selectIsa(String name) {
        int isa = switch (name) {
            case "scalar" -> G4_ISA_SCALAR;
            case "avx2" -> G4_ISA_AVX2;
            case "avx512" -> G4_ISA_AVX512;
            case "neon" -> G4_ISA_NEON;
            default ->
                throw new IllegalArgumentException("grad4j.isa: '" + name + "' is none of scalar, avx2, avx512, neon");
        };
        if (g4_isa_select(isa) != G4_OK) {
            throw new IllegalArgumentException("grad4j.isa=" + name + ": this CPU or this build of the native"
                    + " library does not have it (the kernels run on " + isaName() + ")");
        }
    }

    /**
     * Gives the native pool {@link Threads#get()} threads if it has another count; not inside a part
     * of {@link #runParts}, where the pool is in use and cannot change.
     */
    private static void followThreadSetting() {
        int wanted = Threads.get();
        if (wanted != poolThreads && !Parts.inPart()) {
            synchronized (NativeBackend.class) {
                if (wanted != poolThreads) {
                    g4_set_num_threads(wanted);
                    poolThreads = wanted;
                }
            }
        }
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public int threads() {
        followThreadSetting();
        return g4_get_num_threads();
    }

    @Override
    public void runParts(int parts, java.util.function.IntConsumer part) {
        org.grad4j.backend.PartFailures.checkArguments(parts, part);
        followThreadSetting();
        Parts.run(parts, part);
    }

    /** The instruction set the kernels run on: "scalar", "avx2", "avx512" or "neon". */
    public String isa() {
        return isaName();
    }

    private static String isaName() {
        return switch (g4_isa_selected()) {
            case G4_ISA_AVX512 -> "avx512";
            case G4_ISA_AVX2 -> "avx2";
            case G4_ISA_NEON -> "neon";
            default -> "scalar";
        };
    }

    private static void check(int status, String kernel) {
        check(status, kernel, null);
    }

    /** Fails unless the kernel returned OK; the message names the kernel and, when given, its variant. */
    private static void check(int status, String kernel, Object variant) {
        if (status != G4_OK) {
            throw new IllegalStateException("native kernel " + kernel + (variant == null ? "" : " " + variant)
                    + " returned status " + status + " (arguments the Java side should have rejected)");
        }
    }

    private float[] workspace(long floats, String kernel) {
        if (floats < 0 || floats > Integer.MAX_VALUE - 8) {
            throw Bounds.error(kernel, "needs a work space of " + floats + " floats, more than a Java array holds");
        }
        float[] ws = workspace.get();
        if (ws.length < floats) {
            ws = new float[(int) floats];
            workspace.set(ws);
        }
        return ws;
    }

    @Override
    public void copy(
            int[] shape, float[] src, int srcOffset, int[] srcStrides, float[] dst, int dstOffset, int[] dstStrides) {
        followThreadSetting();
        Bounds.shape("copy", shape);
        Bounds.strided("copy", "src", src, srcOffset, shape, srcStrides);
        Bounds.strided("copy", "dst", dst, dstOffset, shape, dstStrides);
        check(g4_f32_copy(shape.length, shape, src, srcOffset, srcStrides, dst, dstOffset, dstStrides), "copy");
    }

    @Override
    public void fill(float[] dst, int offset, int count, float value) {
        followThreadSetting();
        Bounds.range("fill", "dst", dst, offset, count);
        check(g4_f32_fill(dst, offset, count, value), "fill");
    }

    @Override
    public void unary(UnaryOp op, float alpha, float beta, float[] x, int xOffset, float[] y, int yOffset, int count) {
        followThreadSetting();
        Bounds.notNull("unary", "op", op);
        Bounds.range("unary", "x", x, xOffset, count);
        Bounds.range("unary", "y", y, yOffset, count);
        check(g4_f32_unary(op.ordinal(), alpha, beta, x, xOffset, y, yOffset, count), "unary", op);
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
        followThreadSetting();
        Bounds.notNull("binary", "op", op);
        Bounds.shape("binary", shape);
        Bounds.strided("binary", "a", a, aOffset, shape, aStrides);
        Bounds.strided("binary", "b", b, bOffset, shape, bStrides);
        Bounds.range("binary", "out", out, outOffset, Bounds.count("binary", shape));
        check(
                g4_f32_binary(
                        op.ordinal(), shape.length, shape, a, aOffset, aStrides, b, bOffset, bStrides, out, outOffset),
                "binary",
                op);
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
        followThreadSetting();
        Bounds.shape("where", shape);
        Bounds.strided("where", "cond", cond, condOffset, shape, condStrides);
        Bounds.strided("where", "a", a, aOffset, shape, aStrides);
        Bounds.strided("where", "b", b, bOffset, shape, bStrides);
        Bounds.range("where", "out", out, outOffset, Bounds.count("where", shape));
        check(
                g4_f32_where(
                        shape.length,
                        shape,
                        cond,
                        condOffset,
                        condStrides,
                        a,
                        aOffset,
                        aStrides,
                        b,
                        bOffset,
                        bStrides,
                        out,
                        outOffset),
                "where");
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
        followThreadSetting();
        Bounds.notNull("elementwise", "program", program);
        Bounds.shape("elementwise", shape);
        int n = program.inputs();
        if (inputs == null
                || offsets == null
                || strides == null
                || inputs.length < n
                || offsets.length < n
                || strides.length < n) {
            throw Bounds.error(
                    "elementwise",
                    "the program reads " + n + " inputs; inputs, offsets or strides are" + " missing or shorter");
        }
        for (int i = 0; i < n; i++) {
            Bounds.strided("elementwise", INPUT_NAMES[i], inputs[i], offsets[i], shape, strides[i]);
        }
        Bounds.range("elementwise", "out", out, outOffset, Bounds.count("elementwise", shape));
        ProgramCode c = programCode.get();
        int length = program.instructions() * ElementwiseProgram.WIDTH;
        for (int i = 0; i < length; i++) {
            c.code[i] = program.code(i);
        }
        for (int i = 0; i < 2 * program.instructions(); i++) {
            c.params[i] = program.param(i);
        }
        check(
                g4_f32_program(
                        program.instructions(),
                        c.code,
                        c.params,
                        n,
                        shape.length,
                        shape,
                        inputs[0],
                        offsets[0],
                        strides[0],
                        n > 1 ? inputs[1] : EMPTY,
                        n > 1 ? offsets[1] : 0,
                        n > 1 ? strides[1] : shape,
                        n > 2 ? inputs[2] : EMPTY,
                        n > 2 ? offsets[2] : 0,
                        n > 2 ? strides[2] : shape,
                        n > 3 ? inputs[3] : EMPTY,
                        n > 3 ? offsets[3] : 0,
                        n > 3 ? strides[3] : shape,
                        out,
                        outOffset),
                "elementwise",
                program);
    }

    @Override
    public void reduce(
            ReduceOp op, float[] x, int xOffset, int outer, int size, int inner, float[] out, int outOffset) {
        followThreadSetting();
        Bounds.notNull("reduce", "op", op);
        Bounds.range("reduce", "x", x, xOffset, Bounds.count("reduce", outer, size, inner));
        Bounds.range("reduce", "out", out, outOffset, Bounds.count("reduce", outer, inner));
        if (size == 0 && op != ReduceOp.SUM) {
            throw Bounds.error("reduce", op + " of an empty axis");
        }
        check(g4_f32_reduce(op.ordinal(), x, xOffset, outer, size, inner, out, outOffset), "reduce", op);
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
        followThreadSetting();
        if (m < 0 || n < 0 || k < 0) {
            throw Bounds.error("gemm", "negative size m=" + m + " n=" + n + " k=" + k);
        }
        Bounds.matrix("gemm", "A", a, aOffset, transA ? k : m, transA ? m : k, lda);
        Bounds.matrix("gemm", "B", b, bOffset, transB ? n : k, transB ? k : n, ldb);
        Bounds.matrix("gemm", "C", c, cOffset, m, n, ldc);
        float[] ws = workspace(g4_f32_gemm_workspace_size(m, n, k), "gemm");
        check(
                g4_f32_gemm(
                        transA ? 1 : 0,
                        transB ? 1 : 0,
                        m,
                        n,
                        k,
                        alpha,
                        a,
                        aOffset,
                        lda,
                        b,
                        bOffset,
                        ldb,
                        beta,
                        c,
                        cOffset,
                        ldc,
                        ws,
                        ws.length),
                "gemm");
    }

    @Override
    public void conv2dForward(
            Conv2dGeometry g, float[] x, int xOffset, float[] w, int wOffset, float[] y, int yOffset) {
        followThreadSetting();
        Bounds.notNull("conv2d", "geometry", g);
        ConvBounds.check(g, x, xOffset, w, wOffset, y, yOffset);
        int[] geometry = Geometry.of(g);
        float[] ws = workspace(g4_f32_conv2d_workspace_size(geometry), "conv2d");
        check(g4_f32_conv2d_fwd(geometry, x, xOffset, w, wOffset, y, yOffset, ws, ws.length), "conv2d forward");
    }

    @Override
    public void conv2dBackwardData(
            Conv2dGeometry g, float[] gradY, int gradYOffset, float[] w, int wOffset, float[] gradX, int gradXOffset) {
        followThreadSetting();
        Bounds.notNull("conv2d", "geometry", g);
        ConvBounds.check(g, gradX, gradXOffset, w, wOffset, gradY, gradYOffset);
        int[] geometry = Geometry.of(g);
        float[] ws = workspace(g4_f32_conv2d_workspace_size(geometry), "conv2d");
        check(
                g4_f32_conv2d_bwd_data(geometry, gradY, gradYOffset, w, wOffset, gradX, gradXOffset, ws, ws.length),
                "conv2d backward data");
    }

    @Override
    public void conv2dBackwardWeight(
            Conv2dGeometry g, float[] x, int xOffset, float[] gradY, int gradYOffset, float[] gradW, int gradWOffset) {
        followThreadSetting();
        Bounds.notNull("conv2d", "geometry", g);
        ConvBounds.check(g, x, xOffset, gradW, gradWOffset, gradY, gradYOffset);
        int[] geometry = Geometry.of(g);
        float[] ws = workspace(g4_f32_conv2d_workspace_size(geometry), "conv2d");
        check(
                g4_f32_conv2d_bwd_weight(geometry, x, xOffset, gradY, gradYOffset, gradW, gradWOffset, ws, ws.length),
                "conv2d backward weight");
    }

    @Override
    public void maxPool2dForward(Pool2dGeometry g, float[] x, int xOffset, float[] y, int[] argmax) {
        followThreadSetting();
        Bounds.notNull("maxPool2d", "geometry", g);
        Bounds.notNull("maxPool2d", "argmax", argmax);
        ConvBounds.check(g, x, xOffset, y, argmax);
        check(g4_f32_maxpool2d_fwd(Geometry.of(g), x, xOffset, y, argmax), "maxPool2d forward");
    }

    @Override
    public void maxPool2dBackward(Pool2dGeometry g, float[] gradY, int[] argmax, float[] gradX) {
        followThreadSetting();
        Bounds.notNull("maxPool2d backward", "geometry", g);
        Bounds.notNull("maxPool2d backward", "argmax", argmax);
        ConvBounds.check(g, gradX, 0, gradY, argmax);
        ConvBounds.positions(g, argmax);
        check(g4_f32_maxpool2d_bwd(Geometry.of(g), gradY, argmax, gradX), "maxPool2d backward");
    }

    @Override
    public void avgPool2dForward(Pool2dGeometry g, float[] x, int xOffset, float[] y) {
        followThreadSetting();
        Bounds.notNull("avgPool2d", "geometry", g);
        ConvBounds.check(g, x, xOffset, y, null);
        check(g4_f32_avgpool2d_fwd(Geometry.of(g), x, xOffset, y), "avgPool2d forward");
    }

    @Override
    public void avgPool2dBackward(Pool2dGeometry g, float[] gradY, float[] gradX) {
        followThreadSetting();
        Bounds.notNull("avgPool2d backward", "geometry", g);
        ConvBounds.check(g, gradX, 0, gradY, null);
        check(g4_f32_avgpool2d_bwd(Geometry.of(g), gradY, gradX), "avgPool2d backward");
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
        followThreadSetting();
        Bounds.range("gather", "x", x, xOffset, Bounds.count("gather", outer, size, inner));
        Bounds.range("gather", "out", out, 0, Bounds.count("gather", outer, count, inner));
        Bounds.indices("gather", index, indexPerRow ? Bounds.count("gather", outer, count, inner) : count, size);
        check(g4_f32_gather(x, xOffset, outer, size, inner, index, count, indexPerRow ? 1 : 0, out), "gather");
    }

    @Override
    public void lookupRows(byte[] src, int length, int[] rows, float[] table, float[] out, int outOffset) {
        Bounds.notNull("lookupRows", "src", src);
        Bounds.notNull("lookupRows", "rows", rows);
        if (length < 0) {
            throw Bounds.error("lookupRows", "length must be >= 0, got " + length);
        }
        Bounds.range("lookupRows", "table", table, 0, 256);
        Bounds.range("lookupRows", "out", out, outOffset, Bounds.count("lookupRows", rows.length, length));
        if (length == 0) {
            return;
        }
        int srcRows = src.length / length;
        Bounds.indices("lookupRows", rows, rows.length, srcRows);
        check(g4_u8_lookup_rows(src, srcRows, length, rows, rows.length, table, out, outOffset), "lookupRows");
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
        followThreadSetting();
        Bounds.range("scatterAdd", "src", src, srcOffset, Bounds.count("scatterAdd", outer, count, inner));
        Bounds.range("scatterAdd", "dst", dst, 0, Bounds.count("scatterAdd", outer, size, inner));
        Bounds.indices(
                "scatterAdd", index, indexPerRow ? Bounds.count("scatterAdd", outer, count, inner) : count, size);
        check(
                g4_f32_scatter_add(src, srcOffset, outer, size, inner, index, count, indexPerRow ? 1 : 0, dst),
                "scatterAdd");
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
        followThreadSetting();
        Bounds.range("biasActivation", "x", x, xOffset, Bounds.count("biasActivation", rows, cols));
        Bounds.range("biasActivation", "bias", bias, biasOffset, cols);
        Bounds.range("biasActivation", "y", y, yOffset, Bounds.count("biasActivation", rows, cols));
        check(
                g4_f32_bias_activation(
                        act == null ? -1 : act.ordinal(), alpha, x, xOffset, bias, biasOffset, rows, cols, y, yOffset),
                "biasActivation");
    }

    @Override
    public void softmax(boolean log, float[] x, int xOffset, int outer, int size, int inner, float[] y, int yOffset) {
        followThreadSetting();
        Bounds.range("softmax", "x", x, xOffset, Bounds.count("softmax", outer, size, inner));
        Bounds.range("softmax", "y", y, yOffset, Bounds.count("softmax", outer, size, inner));
        check(g4_f32_softmax(log ? 1 : 0, x, xOffset, outer, size, inner, y, yOffset), "softmax");
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
        followThreadSetting();
        long n = Bounds.count("softmax backward", outer, size, inner);
        Bounds.range("softmax backward", "y", y, yOffset, n);
        Bounds.range("softmax backward", "gradY", gradY, gradYOffset, n);
        Bounds.range("softmax backward", "gradX", gradX, gradXOffset, n);
        check(
                g4_f32_softmax_bwd(log ? 1 : 0, y, yOffset, gradY, gradYOffset, outer, size, inner, gradX, gradXOffset),
                "softmax backward");
    }

    @Override
    public void crossEntropy(
            float[] logits, int logitsOffset, int rows, int classes, int[] targets, float[] loss, float[] logSumExp) {
        followThreadSetting();
        Bounds.range("crossEntropy", "logits", logits, logitsOffset, Bounds.count("crossEntropy", rows, classes));
        Bounds.range("crossEntropy", "loss", loss, 0, rows);
        Bounds.range("crossEntropy", "logSumExp", logSumExp, 0, rows);
        Bounds.indices("crossEntropy", targets, rows, classes);
        check(g4_f32_cross_entropy(logits, logitsOffset, rows, classes, targets, loss, logSumExp), "crossEntropy");
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
        followThreadSetting();
        Bounds.range(
                "crossEntropy backward",
                "logits",
                logits,
                logitsOffset,
                Bounds.count("crossEntropy backward", rows, classes));
        Bounds.range("crossEntropy backward", "logSumExp", logSumExp, 0, rows);
        Bounds.range("crossEntropy backward", "gradLoss", gradLoss, 0, rows);
        Bounds.range(
                "crossEntropy backward",
                "gradLogits",
                gradLogits,
                0,
                Bounds.count("crossEntropy backward", rows, classes));
        Bounds.indices("crossEntropy backward", targets, rows, classes);
        check(
                g4_f32_cross_entropy_bwd(logits, logitsOffset, rows, classes, targets, logSumExp, gradLoss, gradLogits),
                "crossEntropy backward");
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
        followThreadSetting();
        Bounds.range("sgdStep", "param", param, paramOffset, n);
        Bounds.range("sgdStep", "grad", grad, gradOffset, n);
        if (momentum != 0f) {
            Bounds.range("sgdStep", "momentumBuffer", momentumBuffer, 0, n);
        }
        check(
                g4_f32_sgd_step(
                        param,
                        paramOffset,
                        grad,
                        gradOffset,
                        momentumBuffer == null ? EMPTY : momentumBuffer,
                        n,
                        lr,
                        momentum,
                        dampening,
                        weightDecay,
                        nesterov ? 1 : 0,
                        firstStep ? 1 : 0),
                "sgdStep");
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
        followThreadSetting();
        Bounds.range("adamStep", "param", param, paramOffset, n);
        Bounds.range("adamStep", "grad", grad, gradOffset, n);
        Bounds.range("adamStep", "m", m, 0, n);
        Bounds.range("adamStep", "v", v, 0, n);
        if (step < 1) {
            throw Bounds.error("adamStep", "step must be >= 1, got " + step);
        }
        check(
                g4_f32_adam_step(
                        param,
                        paramOffset,
                        grad,
                        gradOffset,
                        m,
                        v,
                        n,
                        lr,
                        beta1,
                        beta2,
                        eps,
                        weightDecay,
                        step,
                        decoupled ? 1 : 0),
                "adamStep");
    }
}
