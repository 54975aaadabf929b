package org.grad4j.examples;

import java.util.concurrent.Callable;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Three interleaved spirals in the plane, separated by a two-layer network trained with plain
 * autograd and gradient descent: the classic case a linear model cannot solve.
 */
@Command(name = "spiral", description = "A two-layer network learns to separate three interleaved spirals.")
public final class Spiral implements Callable<Integer> {
    static final int CLASSES = 3;
    static final int POINTS_PER_CLASS = 200;
    static final int HIDDEN = 64;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            converter = Ranges.PositiveInt.class,
            description = "gradient descent steps on all the points (default: ${DEFAULT-VALUE})")
    int epochs = 400;

    @Option(
            names = "--lr",
            paramLabel = "X",
            converter = Ranges.PositiveReal.class,
            description = "learning rate (default: ${DEFAULT-VALUE})")
    double lr = 1.0;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "random seed: the same seed gives the same run (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    final BackendOption backend = new BackendOption();

    @Override
    public Integer call() {
        System.out.println("backend: " + Backend.current().name());
        System.out.printf("data: %d spirals of %d points, drawn with seed %d%n", CLASSES, POINTS_PER_CLASS, seed);
        float accuracy = train(epochs, (float) lr, seed, true);
        System.out.printf("train accuracy: %.4f%n", accuracy);
        return 0;
    }

    /** Trains and returns the final accuracy on the training points. */
    static float train(int epochs, float lr, long seed, boolean verbose) {
        Generator gen = new Generator(seed);
        Tensor[] data = spirals(gen);
        Tensor x = data[0];
        Tensor labels = data[1];
        Tensor w1 = Tensor.randn(gen, 2, HIDDEN).mul((float) Math.sqrt(2.0 / 2)).requiresGrad(true);
        Tensor b1 = Tensor.zeros(HIDDEN).requiresGrad(true);
        Tensor w2 = Tensor.randn(gen, HIDDEN, CLASSES)
                .mul((float) Math.sqrt(1.0 / HIDDEN))
                .requiresGrad(true);
        Tensor b2 = Tensor.zeros(CLASSES).requiresGrad(true);
        Tensor[] params = {w1, b1, w2, b2};
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Tensor logits = x.matmul(w1).add(b1).relu().matmul(w2).add(b2);
            Tensor loss =
                    logits.logSoftmax(1).gather(1, labels.unsqueeze(1)).mean().neg();
            for (Tensor p : params) {
                p.setGrad(null);
            }
            loss.backward();
            try (Scope ignored = GradMode.noGrad()) {
                for (Tensor p : params) {
                    p.sub_(p.grad().mul(lr));
                }
            }
            if (verbose && (epoch % 50 == 0 || epoch == 1)) {
                System.out.printf(
                        "epoch %4d  loss %.4f  accuracy %.4f%n", epoch, loss.item(), accuracy(logits, labels));
            }
        }
        try (Scope ignored = GradMode.noGrad()) {
            return accuracy(x.matmul(w1).add(b1).relu().matmul(w2).add(b2), labels);
        }
    }

    static float accuracy(Tensor logits, Tensor labels) {
        return logits.argmax(1).eq(labels).mean().item();
    }

    /** Points [3·200, 2] on three noisy spiral arms, and their arm index as labels. */
    static Tensor[] spirals(Generator gen) {
        int n = CLASSES * POINTS_PER_CLASS;
        float[] xy = new float[2 * n];
        float[] labels = new float[n];
        for (int c = 0; c < CLASSES; c++) {
            for (int i = 0; i < POINTS_PER_CLASS; i++) {
                int k = c * POINTS_PER_CLASS + i;
                double r = (double) i / POINTS_PER_CLASS;
                double angle = c * 2 * Math.PI / CLASSES + 4 * r + 0.2 * gen.nextGaussian();
                xy[2 * k] = (float) (r * Math.sin(angle));
                xy[2 * k + 1] = (float) (r * Math.cos(angle));
                labels[k] = c;
            }
        }
        return new Tensor[] {Tensor.of(xy, n, 2), Tensor.of(labels, n)};
    }
}
