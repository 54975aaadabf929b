package org.grad4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.grad4j.internal.ops.Fuzz;
import org.grad4j.nn.loss.BCEWithLogitsLoss;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.HuberLoss;
import org.grad4j.nn.loss.L1Loss;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.loss.NLLLoss;
import org.grad4j.nn.loss.Reduction;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Every layer and loss built {@value #CASES} times in all with random (often invalid)
 * hyper-parameters and run forward and backward, in training or eval mode, on inputs that mostly
 * fit and sometimes do not (random shapes, empty dims, strided layouts, NaN and infinities). Each
 * case must give a tensor or an IllegalArgumentException or IllegalStateException naming the layer
 * (or the primitive op it called); anything else fails. Runs on the default backend, so
 * grad4j-native runs it against the native kernels too.
 */
class LayerFuzzTest {
    static final int CASES = 5_000;

    /** One layer: its name (as its messages spell it) and a random construction and call. */
    record Layer(String name, Function<Fuzz, Tensor> call) {}

    /** Mostly a tensor of the shape (negative sizes read as 0), sometimes one of a random shape. */
    private static Tensor input(Fuzz f, int... shape) {
        int[] sizes = Arrays.stream(shape).map(d -> Math.max(d, 0)).toArray();
        return f.random.nextInt(4) == 0 ? f.tensor() : f.tensor(sizes);
    }

    private static int small(Fuzz f) {
        return f.random.nextInt(10) == 0 ? f.random.nextInt(-1, 1) : f.random.nextInt(1, 5);
    }

    private static Generator gen(Fuzz f) {
        return new Generator(f.random.nextLong());
    }

    private static Tensor run(Fuzz f, Module layer, Tensor input) {
        if (f.random.nextBoolean()) {
            layer.eval();
        }
        return layer.forward(input);
    }

    private static Reduction reduction(Fuzz f) {
        return Reduction.values()[f.random.nextInt(Reduction.values().length)];
    }

    static List<Layer> layers() {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("Linear", f -> {
            int in = small(f);
            return run(f, new Linear(in, small(f), f.random.nextBoolean(), gen(f)), input(f, small(f), in));
        }));
        layers.add(new Layer("Conv2d", f -> {
            int groups = small(f);
            int in = groups * small(f);
            return run(
                    f,
                    new Conv2d(
                            in,
                            groups * small(f),
                            small(f),
                            small(f),
                            f.random.nextInt(-1, 3),
                            small(f),
                            groups,
                            f.random.nextBoolean(),
                            gen(f)),
                    input(f, small(f), in, f.random.nextInt(7), f.random.nextInt(7)));
        }));
        layers.add(new Layer("ConvTranspose2d", f -> {
            int in = small(f);
            return run(
                    f,
                    new ConvTranspose2d(
                            in,
                            small(f),
                            small(f),
                            small(f),
                            f.random.nextInt(-1, 2),
                            f.random.nextInt(-1, 2),
                            1,
                            f.random.nextBoolean(),
                            small(f),
                            gen(f)),
                    input(f, 1, in, f.random.nextInt(5), f.random.nextInt(5)));
        }));
        layers.add(new Layer(
                "MaxPool2d",
                f -> run(
                        f,
                        new MaxPool2d(small(f), small(f), f.random.nextInt(-1, 2), small(f)),
                        input(f, small(f), small(f), f.random.nextInt(8), f.random.nextInt(8)))));
        layers.add(new Layer(
                "AvgPool2d",
                f -> run(
                        f,
                        new AvgPool2d(small(f), small(f), f.random.nextInt(-1, 2)),
                        input(f, small(f), f.random.nextInt(8), f.random.nextInt(8)))));
        layers.add(new Layer("BatchNorm1d", f -> {
            int c = small(f);
            return run(
                    f,
                    new BatchNorm1d(
                            c,
                            f.random.nextInt(5) == 0 ? -1e-5 : 1e-5,
                            f.random.nextBoolean() ? null : (double) f.value(),
                            f.random.nextBoolean(),
                            f.random.nextBoolean()),
                    f.random.nextBoolean() ? input(f, small(f), c) : input(f, small(f), c, small(f)));
        }));
        layers.add(new Layer("BatchNorm2d", f -> {
            int c = small(f);
            return run(
                    f,
                    new BatchNorm2d(
                            c,
                            1e-5,
                            f.random.nextBoolean() ? 0.1 : (double) f.value(),
                            f.random.nextBoolean(),
                            f.random.nextBoolean()),
                    input(f, small(f), c, small(f), small(f)));
        }));
        layers.add(new Layer("LayerNorm", f -> {
            int[] normalized = f.ints(f.random.nextInt(3), -1, 4);
            int[] shape = new int[normalized.length + 1];
            shape[0] = small(f);
            System.arraycopy(normalized, 0, shape, 1, normalized.length);
            return run(
                    f,
                    new LayerNorm(
                            normalized, f.random.nextInt(5) == 0 ? (double) f.value() : 1e-5, f.random.nextBoolean()),
                    input(f, shape));
        }));
        layers.add(new Layer("Embedding", f -> {
            int n = small(f);
            Integer padding = f.random.nextBoolean() ? null : f.random.nextInt(-5, 5);
            Tensor indices = f.random.nextInt(4) == 0 ? f.tensor() : f.indices(f.shape(2), Math.max(n, 0));
            return run(f, new Embedding(n, small(f), padding, gen(f)), indices);
        }));
        layers.add(new Layer(
                "Dropout",
                f -> run(
                        f,
                        new Dropout(f.random.nextInt(4) == 0 ? f.value() : f.random.nextDouble(), gen(f)),
                        f.tensor())));
        layers.add(new Layer("Flatten", f -> run(f, new Flatten(f.dim(), f.dim()), f.tensor())));
        layers.add(new Layer(
                "Unflatten", f -> run(f, new Unflatten(f.dim(), f.ints(f.random.nextInt(3), -1, 4)), f.tensor())));
        layers.add(new Layer("ELU", f -> run(f, new ELU(f.value()), f.tensor())));
        layers.add(new Layer("LeakyReLU", f -> run(f, new LeakyReLU(f.value()), f.tensor())));
        layers.add(new Layer(
                "GELU", f -> run(f, new GELU(new String[] {"none", "tanh", "erf"}[f.random.nextInt(3)]), f.tensor())));
        layers.add(new Layer("Softplus", f -> run(f, new Softplus(f.value(), f.value()), f.tensor())));
        layers.add(new Layer("Softmax", f -> run(f, new Softmax(f.dim()), f.tensor())));
        layers.add(new Layer("LogSoftmax", f -> run(f, new LogSoftmax(f.dim()), f.tensor())));
        layers.add(new Layer("ReLU", f -> run(f, new Sequential(new ReLU(), new Tanh(), new Sigmoid()), f.tensor())));
        layers.add(new Layer("RNN", f -> {
            int in = small(f);
            RNN rnn = new RNN(
                    in,
                    small(f),
                    small(f),
                    f.random.nextBoolean() ? "tanh" : "relu",
                    f.random.nextBoolean(),
                    f.random.nextBoolean(),
                    f.random.nextInt(4) == 0 ? f.value() : 0.0,
                    f.random.nextBoolean(),
                    gen(f));
            return run(f, rnn, f.random.nextBoolean() ? input(f, small(f), small(f), in) : input(f, small(f), in));
        }));
        layers.add(new Layer("LSTM", f -> {
            int in = small(f);
            int hidden = small(f);
            LSTM lstm =
                    new LSTM(in, hidden, small(f), f.random.nextBoolean(), false, 0.0, f.random.nextBoolean(), gen(f));
            Tensor h0 = f.random.nextBoolean() ? null : input(f, 1, 2, hidden);
            return lstm.forward(input(f, small(f), 2, in), h0, null).output();
        }));
        layers.add(new Layer("GRU", f -> {
            int in = small(f);
            GRU gru = new GRU(in, small(f), 1, true, f.random.nextBoolean(), 0.0, false, gen(f));
            return gru.forward(input(f, small(f), small(f), in), null).output();
        }));
        layers.add(new Layer("MSELoss", f -> {
            int[] s = f.shape(3);
            return new MSELoss(reduction(f)).forward(f.tensor(s), input(f, s));
        }));
        layers.add(new Layer("L1Loss", f -> {
            int[] s = f.shape(3);
            return new L1Loss(reduction(f)).forward(f.tensor(s), input(f, s));
        }));
        layers.add(new Layer("HuberLoss", f -> {
            int[] s = f.shape(3);
            return new HuberLoss(reduction(f), f.value()).forward(f.tensor(s), input(f, s));
        }));
        layers.add(new Layer("BCEWithLogitsLoss", f -> {
            int[] s = {Math.max(small(f), 0), Math.max(small(f), 0)};
            Tensor weight = f.random.nextBoolean() ? null : input(f, s[1]);
            Tensor posWeight = f.random.nextBoolean() ? null : input(f, s[1]);
            return new BCEWithLogitsLoss(reduction(f), weight, posWeight).forward(f.tensor(s), input(f, s));
        }));
        layers.add(new Layer("NLLLoss", f -> {
            int n = small(f);
            int c = small(f);
            Tensor weight = f.random.nextBoolean() ? null : input(f, c);
            return new NLLLoss(reduction(f), weight, f.random.nextInt(-101, c))
                    .forward(input(f, n, c), f.indices(new int[] {Math.max(n, 0)}, Math.max(c, 0)));
        }));
        layers.add(new Layer("CrossEntropyLoss", f -> {
            int n = small(f);
            int c = small(f);
            Tensor weight = f.random.nextBoolean() ? null : input(f, c);
            Tensor target =
                    f.random.nextBoolean() ? f.indices(new int[] {Math.max(n, 0)}, Math.max(c, 0)) : input(f, n, c);
            return new CrossEntropyLoss(
                            reduction(f),
                            weight,
                            f.random.nextInt(-101, c),
                            f.random.nextInt(5) == 0 ? f.value() : f.random.nextDouble(0, 0.3))
                    .forward(input(f, n, c), target);
        }));
        return layers;
    }

    @Test
    void badArgumentsAreExceptionsNamingTheLayer() {
        List<Layer> all = layers();
        new Fuzz(Long.getLong("grad4j.fuzz.seed", 20261125))
                .expectResultsOrNamedErrors(
                        all.stream().map(Layer::name).toList(),
                        all.stream().map(Layer::call).toList(),
                        CASES,
                        "layer");
    }
}
