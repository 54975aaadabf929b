package org.grad4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.grad4j.backend.Backend;
import org.grad4j.backend.Conv2dGeometry;
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

/**
 * The backend's 3×3, padding-1 convolution kernels: forward and both backwards, on the example
 * CNN's two layers (batch 64: 1→32 at 28×28, 32→64 at 14×14) and one larger layer (batch 32,
 * 64→64 at 56×56). {@code shape} is batch×in→out@size.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.PRE_TOUCH, BenchmarkJvm.VECTOR_API})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Conv2dBench {
    @Param({"native", "java"})
    public String backend;

    @Param({"64x1-32@28", "64x32-64@14", "32x64-64@56"})
    public String shape;

    private Backend kernels;
    private Conv2dGeometry g;
    private float[] x;
    private float[] w;
    private float[] y;
    private float[] gradX;
    private float[] gradW;

    @Setup
    public void setUp() {
        kernels = Backends.named(backend);
        String[] p = shape.split("[x@-]");
        int batch = Integer.parseInt(p[0]);
        int in = Integer.parseInt(p[1]);
        int out = Integer.parseInt(p[2]);
        int size = Integer.parseInt(p[3]);
        g = new Conv2dGeometry(batch, in, size, size, out, 3, 3, 1, 1, 1, 1, 1, 1, 1);
        x = Tensor.randn(new Generator(1), batch, in, size, size).toArray();
        w = Tensor.randn(new Generator(2), out, in, 3, 3).toArray();
        y = Tensor.randn(new Generator(3), batch, out, g.outHeight(), g.outWidth())
                .toArray();
        gradX = new float[x.length];
        gradW = new float[w.length];
    }

    /** Multiply-adds times two of one pass (the same for all three kernels). */
    public static double flops(String shape) {
        String[] p = shape.split("[x@-]");
        double size = Double.parseDouble(p[3]);
        return 2.0 * Double.parseDouble(p[0]) * Double.parseDouble(p[1]) * Double.parseDouble(p[2]) * 9 * size * size;
    }

    @Benchmark
    public float[] forward() {
        kernels.conv2dForward(g, x, 0, w, 0, y, 0);
        return y;
    }

    @Benchmark
    public float[] backwardData() {
        kernels.conv2dBackwardData(g, y, 0, w, 0, gradX, 0);
        return gradX;
    }

    @Benchmark
    public float[] backwardWeight() {
        kernels.conv2dBackwardWeight(g, x, 0, y, 0, gradW, 0);
        return gradW;
    }
}
