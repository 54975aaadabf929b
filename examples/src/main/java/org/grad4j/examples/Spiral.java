package org.grad4j.examples;

import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Three interleaved spirals in the plane, separated by a two-layer network trained with plain
 * autograd and gradient descent: the classic case a linear model cannot solve.
 */
public final class Spiral {
    static final int CLASSES = 3;
    static final int POINTS_PER_CLASS = 200;
    static final int HIDDEN = 64;

    private Spiral() {}

    /** Options: --epochs N (default 400), --lr X (default 1.0), --seed N (default 0). */
    public static void main(String[] args) {
        int epochs = 400;
        float lr = 1.0f;
        long seed = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--lr" -> lr = Float.parseFloat(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("spiral: unknown option " + args[i]);
            }
        }
        System.out.println("backend: " + Backend.current().name());
        float accuracy = train(epochs, lr, seed, true);
        System.out.printf("train accuracy: %.4f%n", accuracy);
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
