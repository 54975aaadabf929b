package org.grad4j.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.grad4j.data.FashionMNIST;
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
 * What the data loader's thread does for each batch of the examples: {@code FashionMNIST.getBatch}
 * on shuffled indices (the {@code cnn} example's batch of 64 and the {@code mlp} example's 128),
 * pixels standardized, the batch closed afterwards so that its buffers are reused, as a closed
 * {@code Batch} gives them back. Needs Fashion-MNIST installed (the Debian package
 * dataset-fashion-mnist, or the files in ~/.grad4j/datasets/fashion-mnist).
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = {BenchmarkJvm.HEAP_MIN, BenchmarkJvm.HEAP_MAX, BenchmarkJvm.PRE_TOUCH})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchBench {
    private static final int BATCHES = 1024;

    @Param({"64", "128"})
    public int batch;

    private FashionMNIST train;
    private int[][] indices;
    private int next;

    @Setup
    public void setUp() {
        train = TrainingLoop.trainingSet();
        Random random = new Random(1);
        indices = new int[BATCHES][batch];
        for (int[] b : indices) {
            for (int i = 0; i < batch; i++) {
                b[i] = random.nextInt(train.size());
            }
        }
    }

    @Benchmark
    public Tensor[] getBatch() {
        Tensor[] b = train.getBatch(indices[next++ % BATCHES]);
        for (Tensor t : b) {
            t.close();
        }
        return b;
    }
}
