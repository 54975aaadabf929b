package org.grad4j.benchmarks;

import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.empty;
import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.max_pool2d;
import static org.bytedeco.pytorch.global.torch.relu;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Context;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.GRUImpl;
import org.bytedeco.pytorch.GRUOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.grad4j.data.Batch;
import org.grad4j.data.DataLoader;
import org.grad4j.data.DatasetOptions;
import org.grad4j.data.FashionMNIST;
import org.grad4j.tensor.Generator;

/**
 * The {@code mlp}, {@code cnn} and {@code rnn} examples trained in libtorch on real Fashion-MNIST:
 * the same models, Adam learning rates, batch sizes, shuffled batches from grad4j's loader, and
 * the same pixels, standardized by the loader as the examples have them; flush-to-zero is set, as a fair PyTorch measurement sets it. It
 * prints the examples' epoch lines, peak resident memory and {@code test accuracy: X} so that {@link ExampleRuns} reads
 * both alike. {@code java -cp benchmarks.jar org.grad4j.benchmarks.LibtorchEpochs --model cnn
 * --epochs 5}; libtorch gets {@code grad4j.threads} threads (default: all cores) and its
 * OpenBLAS one, as in {@link LibtorchTrainStep}.
 */
final class LibtorchEpochs {
    private static final long[] ONE = {1, 1};

    /** Batch size, learning rate and whether the loader standardizes the pixels, as each example sets them. */
    private record Recipe(int batch, double lr, boolean standardize) {}

    private static final Map<String, Recipe> RECIPES = Map.of(
            "mlp", new Recipe(128, 1e-3, true),
            "cnn", new Recipe(64, 1e-3, true),
            "rnn", new Recipe(128, 2e-3, false));

    private final String model;
    private final List<org.bytedeco.pytorch.Module> layers;
    private final Adam optimizer;

    private LibtorchEpochs(String model) {
        this.model = model;
        layers = switch (model) {
            case "mlp" -> List.of(new LinearImpl(784, 400), new LinearImpl(400, 100), new LinearImpl(100, 10));
            case "cnn" ->
                List.of(
                        new Conv2dImpl(1, 32, new LongPointer(3L, 3L)),
                        new Conv2dImpl(32, 64, new LongPointer(3L, 3L)),
                        new LinearImpl(3136, 128),
                        new LinearImpl(128, 10));
            case "rnn" -> {
                GRUOptions gru = new GRUOptions(28, 64);
                gru.batch_first().put(true);
                yield List.of(new GRUImpl(gru), new LinearImpl(64, 10));
            }
            default -> throw new IllegalArgumentException("LibtorchEpochs: no example '" + model + "'");
        };
        TensorVector params = new TensorVector();
        for (org.bytedeco.pytorch.Module layer : layers) {
            TensorVector own = layer.parameters();
            for (long i = 0; i < own.size(); i++) {
                params.push_back(own.get(i));
            }
        }
        optimizer = new Adam(params, new AdamOptions(RECIPES.get(model).lr()));
    }

    public static void main(String[] args) throws IOException {
        ProgramArguments options =
                new ProgramArguments("LibtorchEpochs", args, Map.of("--model", "mlp", "--epochs", "5"));
        String model = options.text("--model");
        int epochs = options.integer("--epochs");
        if (!LibtorchTrainStep.available()) {
            throw new IllegalStateException("LibtorchEpochs: build the benchmarks with -Plibtorch");
        }
        // The loader's tensors stay on grad4j's Java backend: the native one's pool would compete
        // with libtorch's threads for the cores.
        System.setProperty("grad4j.backend", "java");
        // Before any thread of libtorch's exists: new threads inherit the creator's floating-point mode.
        Context.setFlushDenormal(true);
        org.bytedeco.openblas.global.openblas.blas_set_num_threads(1);
        int threads = Integer.getInteger("grad4j.threads", Runtime.getRuntime().availableProcessors());
        set_num_threads(threads);
        manual_seed(0);
        Recipe recipe = RECIPES.get(model);
        DatasetOptions data = new DatasetOptions().download(false);
        if (recipe.standardize()) {
            data.normalize(TrainingLoop.PIXEL_MEAN, TrainingLoop.PIXEL_STD);
        }
        DataLoader train = new DataLoader(new FashionMNIST(data.train(true)), recipe.batch(), true, new Generator(0));
        DataLoader test = new DataLoader(new FashionMNIST(data.train(false)), 1000);
        System.out.printf(Locale.ROOT, "%s: libtorch %s threads, flush-to-zero%n", model, threads);
        LibtorchEpochs run = new LibtorchEpochs(model);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            double lossSum = 0;
            int steps = 0;
            int samples = 0;
            for (Batch batch : train) {
                try (batch) {
                    lossSum += run.step(batch);
                }
                steps++;
                samples += batch.size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "epoch %d/%d: loss %.4f, %,.0f samples/s, %.2f s%n",
                    epoch,
                    epochs,
                    lossSum / steps,
                    samples / seconds,
                    seconds);
        }
        double accuracy = run.accuracy(test);
        System.out.printf(Locale.ROOT, "peak resident memory: %d MB%n", peakResidentKilobytes() / 1000);
        System.out.printf(Locale.ROOT, "test accuracy: %.4f%n", accuracy);
    }

    /** VmHWM of /proc/self/status: the most resident memory this process has had. */
    private static long peakResidentKilobytes() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            String line = lines.filter(l -> l.startsWith("VmHWM:")).findFirst().orElseThrow();
            return Long.parseLong(line.replaceAll("\\D", ""));
        }
    }

    private float step(Batch batch) {
        try (PointerScope ignored = new PointerScope()) {
            Tensor loss = cross_entropy_loss(forward(images(batch)), labels(batch));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            return loss.item_float();
        }
    }

    private double accuracy(DataLoader test) {
        long correct = 0;
        try (NoGradGuard ignored = new NoGradGuard()) {
            for (Batch batch : test) {
                try (batch;
                        PointerScope ignoredToo = new PointerScope()) {
                    Tensor predicted = forward(images(batch)).argmax(new LongOptional(1), false);
                    correct += predicted.eq(labels(batch)).sum().item_long();
                }
            }
        }
        return (double) correct / test.dataset().size();
    }

    private static Tensor images(Batch batch) {
        float[] pixels = batch.input().toArray();
        Tensor t = empty(batch.size(), 1, 28, 28);
        new FloatPointer(t.data_ptr_float()).put(pixels);
        return t;
    }

    private static Tensor labels(Batch batch) {
        float[] labels = batch.target().toArray();
        Tensor t = empty(labels.length);
        new FloatPointer(t.data_ptr_float()).put(labels);
        return t.toType(ScalarType.Long);
    }

    private Tensor forward(Tensor images) {
        int n = (int) images.size(0);
        return switch (model) {
            case "mlp" -> {
                Tensor h = relu(linear(0).forward(images.reshape(n, 784)));
                h = relu(linear(1).forward(h));
                yield linear(2).forward(h);
            }
            case "cnn" -> {
                Tensor h = max_pool2d(relu(conv(images, (Conv2dImpl) layers.get(0))), 2, 2);
                h = max_pool2d(relu(conv(h, (Conv2dImpl) layers.get(1))), 2, 2);
                h = relu(linear(2).forward(h.reshape(n, 3136)));
                yield linear(3).forward(h);
            }
            default -> {
                Tensor h = ((GRUImpl) layers.get(0))
                        .forward(images.reshape(n, 28, 28))
                        .get1();
                yield linear(1).forward(h.select(0, 0));
            }
        };
    }

    private LinearImpl linear(int i) {
        return (LinearImpl) layers.get(i);
    }

    /** 3×3, stride 1, padding 1. */
    private static Tensor conv(Tensor x, Conv2dImpl layer) {
        return conv2d(x, layer.weight(), new TensorOptional(layer.bias()), ONE, ONE, ONE, 1);
    }
}
