package org.grad4j.benchmarks;

import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.max_pool2d;
import static org.bytedeco.pytorch.global.torch.rand;
import static org.bytedeco.pytorch.global.torch.randint;
import static org.bytedeco.pytorch.global.torch.relu;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;

/**
 * The same models and step in PyTorch's C++ library (libtorch, through JavaCPP's presets), the
 * reference for grad4j's training steps. Its build uses OpenBLAS for GEMM, the same library and
 * kernel choice as grad4j's, and oneDNN (which picks its own kernels) for convolution.
 *
 * <p>Threads: libtorch's own loops and oneDNN get as many as the native backend's pool would
 * ({@code grad4j.threads}; the native library is not loaded beside it), and its OpenBLAS calls
 * run on one: with OpenBLAS's threads as well, OpenMP's and OpenBLAS's idle threads spin against
 * each other and its steps become several times slower.
 */
final class LibtorchTrainStep implements TrainStep {
    private static final long[] ONE = {1, 1};

    private final boolean mlp;
    private final int batch;
    private final LinearImpl fc1;
    private final LinearImpl fc2;
    private final LinearImpl fc3;
    private final Conv2dImpl conv1;
    private final Conv2dImpl conv2;
    private final Adam optimizer;
    private final Tensor images;
    private final Tensor labels;

    /** Whether libtorch's native libraries for this platform are on the class path. */
    static boolean available() {
        String library = "org/bytedeco/pytorch/" + Loader.getPlatform() + "/" + System.mapLibraryName("jnitorch");
        return LibtorchTrainStep.class.getClassLoader().getResource(library) != null;
    }

    LibtorchTrainStep(String model, int threads) {
        if (!available()) {
            throw new IllegalStateException("TrainStepBench: backend 'libtorch' needs PyTorch's native libraries for "
                    + Loader.getPlatform() + "; build the benchmarks with them: mvn -B install -DskipTests -Plibtorch");
        }
        org.bytedeco.openblas.global.openblas.blas_set_num_threads(1);
        set_num_threads(threads);
        manual_seed(0);
        mlp = model.equals("mlp");
        batch = TrainStepBench.batch(model);
        TensorVector params;
        if (mlp) {
            conv1 = null;
            conv2 = null;
            fc1 = new LinearImpl(784, 400);
            fc2 = new LinearImpl(400, 100);
            fc3 = new LinearImpl(100, 10);
            params = new TensorVector(fc1.weight(), fc1.bias(), fc2.weight(), fc2.bias(), fc3.weight(), fc3.bias());
        } else {
            conv1 = new Conv2dImpl(1, 32, new LongPointer(3L, 3L));
            conv2 = new Conv2dImpl(32, 64, new LongPointer(3L, 3L));
            fc1 = new LinearImpl(3136, 128);
            fc2 = new LinearImpl(128, 10);
            fc3 = null;
            params = new TensorVector(
                    conv1.weight(),
                    conv1.bias(),
                    conv2.weight(),
                    conv2.bias(),
                    fc1.weight(),
                    fc1.bias(),
                    fc2.weight(),
                    fc2.bias());
        }
        optimizer = new Adam(params, new AdamOptions(1e-3));
        images = rand(batch, 1, 28, 28);
        labels = randint(10L, new long[] {batch});
    }

    @Override
    public float run() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor loss = cross_entropy_loss(mlp ? mlp() : cnn(), labels);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            return loss.item_float();
        }
    }

    private Tensor mlp() {
        Tensor h = relu(fc1.forward(images.reshape(batch, 784)));
        h = relu(fc2.forward(h));
        return fc3.forward(h);
    }

    private Tensor cnn() {
        Tensor h = max_pool2d(relu(conv(images, conv1)), 2, 2);
        h = max_pool2d(relu(conv(h, conv2)), 2, 2);
        h = relu(fc1.forward(h.reshape(batch, 3136)));
        return fc2.forward(h);
    }

    /** 3×3, stride 1, padding 1. */
    private static Tensor conv(Tensor x, Conv2dImpl layer) {
        return conv2d(x, layer.weight(), new TensorOptional(layer.bias()), ONE, ONE, ONE, 1);
    }

    @Override
    public void close() {
        optimizer.close();
        images.close();
        labels.close();
        for (Pointer layer : new Pointer[] {fc1, fc2, fc3, conv1, conv2}) {
            if (layer != null) {
                layer.close();
            }
        }
    }
}
