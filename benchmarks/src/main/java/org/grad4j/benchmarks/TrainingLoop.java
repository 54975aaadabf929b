package org.grad4j.benchmarks;

import java.util.Iterator;
import org.grad4j.backend.Backend;
import org.grad4j.backend.Threads;
import org.grad4j.data.Batch;
import org.grad4j.data.DataLoader;
import org.grad4j.data.DatasetOptions;
import org.grad4j.data.FashionMNIST;
import org.grad4j.nn.DataParallel;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TensorScope;

/**
 * An example's eager training loop on real batches, timed: its model, Adam, and a shuffling loader
 * whose thread converts the batches on {@code conversion} (the backend current where its epochs
 * start), while the steps run on the backend current where they are timed.
 */
final class TrainingLoop {
    /** The examples' standardization of Fashion-MNIST's pixels. */
    static final float PIXEL_MEAN = 0.2860f;

    static final float PIXEL_STD = 0.3530f;

    private final Module net;
    private final Optimizer optimizer;
    private final CrossEntropyLoss criterion = new CrossEntropyLoss();
    private final DataLoader loader;
    private final Backend conversion;
    private Iterator<Batch> batches;

    TrainingLoop(String model, FashionMNIST train, Backend conversion) {
        this(model, train, conversion, false);
    }

    /** With {@code dataParallel}, the model runs in a {@link DataParallel} of a shard per thread of {@link Threads#get()}. */
    TrainingLoop(String model, FashionMNIST train, Backend conversion, boolean dataParallel) {
        Generator.manualSeed(0);
        net = dataParallel ? new DataParallel(Grad4jTrainStep.model(model)) : Grad4jTrainStep.model(model);
        optimizer = new Adam(net.parameters(), 1e-3);
        loader = new DataLoader(train, TrainStepBench.batch(model), true, new Generator(1));
        this.conversion = conversion;
        batches = epoch();
    }

    /** Fashion-MNIST's installed training images, standardized as the examples take them. */
    static FashionMNIST trainingSet() {
        return new FashionMNIST(new DatasetOptions().download(false).normalize(PIXEL_MEAN, PIXEL_STD));
    }

    private Iterator<Batch> epoch() {
        try (Scope ignored = Backend.use(conversion)) {
            return loader.iterator();
        }
    }

    /** Runs {@code steps} training steps; milliseconds per step. */
    double millisPerStep(int steps) {
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            if (!batches.hasNext()) {
                batches = epoch();
            }
            try (Batch batch = batches.next();
                    TensorScope step = TensorScope.open()) {
                Tensor loss = criterion.forward(net.forward(batch.input()), batch.target());
                optimizer.zeroGrad();
                loss.backward();
                optimizer.step();
                loss.item();
            }
        }
        return (System.nanoTime() - start) / 1e6 / steps;
    }
}
