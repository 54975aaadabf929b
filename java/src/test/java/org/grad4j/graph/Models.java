package org.grad4j.graph;

import org.grad4j.nn.BatchNorm1d;
import org.grad4j.nn.BatchNorm2d;
import org.grad4j.nn.Conv2d;
import org.grad4j.nn.ConvTranspose2d;
import org.grad4j.nn.Flatten;
import org.grad4j.nn.Linear;
import org.grad4j.nn.MaxPool2d;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Sigmoid;
import org.grad4j.nn.Tanh;
import org.grad4j.nn.Unflatten;

/** Small versions of the examples' models, for tests that train them. */
final class Models {
    private Models() {}

    /** [N, 1, 6, 6] → 5 classes. */
    static Module mlp() {
        return new Sequential(
                new Flatten(), new Linear(36, 24), new ReLU(), new Linear(24, 16), new ReLU(), new Linear(16, 5));
    }

    /** [N, 1, 8, 8] → 5 classes. */
    static Module cnn() {
        return new Sequential(
                new Conv2d(1, 4, 3, 1, 1),
                new ReLU(),
                new MaxPool2d(2),
                new Conv2d(4, 6, 3, 1, 1),
                new ReLU(),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(6 * 2 * 2, 10),
                new ReLU(),
                new Linear(10, 5));
    }

    /** [N, 36] → [N, 36] in (0, 1). */
    static Module autoencoder() {
        return new Sequential(
                new Linear(36, 12),
                new ReLU(),
                new Linear(12, 4),
                new ReLU(),
                new Linear(4, 12),
                new ReLU(),
                new Linear(12, 36),
                new Sigmoid());
    }

    /**
     * [N, 6] → [N, 1, 8, 8] in (−1, 1), with batch norm, as the DCGAN example's generator. As in
     * PyTorch's DCGAN, the layers before a batch norm have no bias: its gradient is zero up to
     * rounding, which Adam's normalized steps would turn into a random walk.
     */
    static Module generator() {
        return new Sequential(
                new Linear(6, 4 * 2 * 2, false),
                new BatchNorm1d(4 * 2 * 2),
                new ReLU(),
                new Unflatten(1, 4, 2, 2),
                new ConvTranspose2d(4, 2, 4, 2, 1, 0, 1, false, 1),
                new BatchNorm2d(2),
                new ReLU(),
                new ConvTranspose2d(2, 1, 4, 2, 1),
                new Tanh());
    }
}
