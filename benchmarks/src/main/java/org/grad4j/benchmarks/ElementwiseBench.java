package org.grad4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.UnaryOp;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Element-wise tensor ops on {@code size} elements: a binary op on contiguous operands, one with
 * a broadcast row (a bias add), the transcendental unary ops (exp, log, tanh, sigmoid), and ReLU.
 * With size = 1 the figure is the fixed cost of one op call (framework and, for native, JNI).
 * Sigmoid's backward g·σ(x)·(1 − σ(x)) on the backend's arrays, as four kernels whose results go
 * through memory and as one {@link ElementwiseProgram}, shows what element-wise fusion saves.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.PRE_TOUCH, BenchmarkJvm.VECTOR_API})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ElementwiseBench {
    @Param({"native", "java"})
    public String backend;

    @Param({"1", "4096", "1048576"})
    public int size;

    private Tensor a;
    private Tensor b;
    private Tensor row;
    private Tensor positive;
    private org.grad4j.tensor.Scope scope;
    private Backend kernels;
    private float[] x;
    private float[] g;
    private float[] s;
    private float[] t;
    private float[] out;
    private int[] shape;
    private int[] strides;
    private ElementwiseProgram sigmoidBackward;
    private final float[] one = {1f};
    private final int[] broadcast = {0};
    private final int[] offsets = new int[2];
    private float[][] inputs;
    private int[][] inputStrides;

    @Setup
    public void setUp() {
        scope = Backend.use(Backends.named(backend));
        int cols = Math.min(size, 1024);
        a = Tensor.randn(new Generator(1), size / cols, cols);
        b = Tensor.randn(new Generator(2), size / cols, cols);
        row = Tensor.randn(new Generator(3), cols);
        positive = a.abs().add(0.01f);
        kernels = Backend.current();
        x = a.toArray();
        g = b.toArray();
        s = new float[size];
        t = new float[size];
        out = new float[size];
        shape = new int[] {size};
        strides = new int[] {1};
        ElementwiseProgram.Builder p = ElementwiseProgram.builder(2);
        int sig = p.unary(UnaryOp.SIGMOID, 0f, 0f, 0);
        p.binary(BinaryOp.MUL, p.binary(BinaryOp.MUL, sig, p.binary(BinaryOp.SUB, 1f, sig)), 1);
        sigmoidBackward = p.build();
        inputs = new float[][] {x, g};
        inputStrides = new int[][] {strides, strides};
    }

    @TearDown
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public Tensor add() {
        return a.add(b);
    }

    @Benchmark
    public Tensor addBroadcastRow() {
        return a.add(row);
    }

    @Benchmark
    public Tensor exp() {
        return a.exp();
    }

    @Benchmark
    public Tensor log() {
        return positive.log();
    }

    @Benchmark
    public Tensor tanh() {
        return a.tanh();
    }

    @Benchmark
    public Tensor sigmoid() {
        return a.sigmoid();
    }

    @Benchmark
    public Tensor relu() {
        return a.relu();
    }

    @Benchmark
    public float[] sigmoidBackwardUnfused() {
        kernels.unary(UnaryOp.SIGMOID, 0f, 0f, x, 0, s, 0, size);
        kernels.binary(BinaryOp.SUB, shape, one, 0, broadcast, s, 0, strides, t, 0);
        kernels.binary(BinaryOp.MUL, shape, t, 0, strides, s, 0, strides, t, 0);
        kernels.binary(BinaryOp.MUL, shape, t, 0, strides, g, 0, strides, out, 0);
        return out;
    }

    @Benchmark
    public float[] sigmoidBackwardFused() {
        kernels.elementwise(sigmoidBackward, shape, inputs, offsets, inputStrides, out, 0);
        return out;
    }
}
