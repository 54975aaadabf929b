package org.grad4j.benchmarks;

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
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TensorScope;

/** The examples' models on one of grad4j's backends, written out here. */
final class Grad4jTrainStep implements TrainStep {
    private final Scope scope;
    private final Module net;
    private final Optimizer optimizer;
    private final CrossEntropyLoss criterion = new CrossEntropyLoss();
    private final Tensor images;
    private final Tensor labels;
    private final org.grad4j.graph.TrainStep compiled;

    Grad4jTrainStep(String backend, String model, boolean compile) {
        scope = Backend.use(Backends.named(backend));
        Generator.manualSeed(0);
        net = model(model);
        optimizer = new Adam(net.parameters(), 1e-3);
        int batch = TrainStepBench.batch(model);
        images = Tensor.rand(new Generator(1), batch, 1, 28, 28);
        Generator gen = new Generator(2);
        float[] classes = new float[batch];
        for (int i = 0; i < batch; i++) {
            classes[i] = gen.nextInt(10);
        }
        labels = Tensor.of(classes, batch);
        compiled = compile ? org.grad4j.graph.Compile.trainStep(net, criterion, optimizer) : null;
    }

    /** The mlp, cnn or rnn example's network, as the examples define it. */
    static Module model(String name) {
        if (name.equals("rnn")) {
            return new RowReader();
        }
        return name.equals("mlp")
                ? new Sequential(
                        new Flatten(),
                        new Linear(784, 400),
                        new ReLU(),
                        new Linear(400, 100),
                        new ReLU(),
                        new Linear(100, 10))
                : new Sequential(
                        new Conv2d(1, 32, 3, 1, 1),
                        new ReLU(),
                        new MaxPool2d(2),
                        new Conv2d(32, 64, 3, 1, 1),
                        new ReLU(),
                        new MaxPool2d(2),
                        new Flatten(),
                        new Linear(3136, 128),
                        new ReLU(),
                        new Linear(128, 10));
    }

    @Override
    public float run() {
        if (compiled != null) {
            return compiled.step(images, labels);
        }
        try (TensorScope step = TensorScope.open()) {
            Tensor loss = criterion.forward(net.forward(images), labels);
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
            return loss.item();
        }
    }

    @Override
    public void close() {
        scope.close();
    }
}
