package org.grad4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.grad4j.backend.Threads;
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
 * One training step of the examples' models — forward, cross-entropy, backward, Adam step — on
 * a fixed random batch: {@code mlp} (784-400-100-10, batch 128) and {@code cnn} (the LeNet-like
 * network, batch 64). Backend {@code libtorch} runs the same step in PyTorch
 * ({@link LibtorchTrainStep}); it needs the benchmarks built with {@code -Plibtorch}, and runs eagerly
 * in either mode.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.PRE_TOUCH, BenchmarkJvm.VECTOR_API})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainStepBench {
    @Param({"native", "java"})
    public String backend;

    @Param({"mlp", "cnn"})
    public String model;

    /** eager: the step as eager code; compiled: the same step through {@code Compile.trainStep}. */
    @Param({"eager", "compiled"})
    public String mode;

    private TrainStep step;

    static int batch(String model) {
        return model.equals("cnn") ? 64 : 128;
    }

    @Setup
    public void setUp() {
        step = backend.equals("libtorch")
                ? new LibtorchTrainStep(model, Threads.get())
                : new Grad4jTrainStep(backend, model, mode.equals("compiled"));
    }

    @TearDown
    public void tearDown() {
        step.close();
    }

    @Benchmark
    public float step() {
        return step.run();
    }
}
