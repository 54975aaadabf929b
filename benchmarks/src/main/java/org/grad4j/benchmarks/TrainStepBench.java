package org.grad4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.grad4j.backend.Backend;
import org.grad4j.nn.Conv2d;
import org.grad4j.nn.Flatten;
import org.grad4j.nn.Linear;
import org.grad4j.nn.MaxPool2d;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
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
 * One training step of the examples' models — forward, cross-entropy, backward, Adam step — on
 * a fixed random batch: {@code mlp} (784-400-100-10, batch 128) and {@code cnn} (the LeNet-like
 * network, batch 64). The models are the examples' own definitions, written out here.
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

    private Module net;
    private Optimizer optimizer;
    private final CrossEntropyLoss criterion = new CrossEntropyLoss();
    private Tensor images;
    private Tensor labels;
    private Backend.Scope scope;

    @Setup
    public void setUp() {
        scope = Backend.use(Backends.named(backend));
        Generator.manualSeed(0);
        boolean mlp = model.equals("mlp");
        net = mlp ? new Sequential(new Flatten(), new Linear(784, 400), new ReLU(), new Linear(400, 100), new ReLU(),
                new Linear(100, 10))
                : new Sequential(new Conv2d(1, 32, 3, 1, 1), new ReLU(), new MaxPool2d(2), new Conv2d(32, 64, 3, 1, 1),
                        new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(3136, 128), new ReLU(),
                        new Linear(128, 10));
        optimizer = new Adam(net.parameters(), 1e-3);
        int batch = mlp ? 128 : 64;
        images = Tensor.rand(1, batch, 1, 28, 28);
        Generator gen = new Generator(2);
        float[] classes = new float[batch];
        for (int i = 0; i < batch; i++) {
            classes[i] = gen.nextInt(10);
        }
        labels = Tensor.of(classes, batch);
    }

    @TearDown
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public float step() {
        Tensor loss = criterion.forward(net.forward(images), labels);
        optimizer.zeroGrad();
        loss.backward();
        optimizer.step();
        return loss.item();
    }
}
