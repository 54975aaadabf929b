package org.grad4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.grad4j.autograd.GradMode;
import org.grad4j.data.DataLoader;
import org.grad4j.nn.Module;
import org.grad4j.onnx.Onnx;
import org.grad4j.onnx.OnnxModel;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Trains the mlp example's network for an epoch, exports it as {@code mlp.onnx} (for any batch
 * size), loads the file back and prints the largest difference between the two models' outputs on
 * the first 1,000 test images.
 */
@Command(
        name = "onnx",
        description = "Trains the MLP for an epoch, exports it as mlp.onnx, reloads it and compares the outputs.")
public final class OnnxRoundTrip implements Callable<Integer> {
    @Mixin
    final Training training = new Training("onnx", 1, 128, 1e-3);

    @Mixin
    final FashionOptions fashion = new FashionOptions();

    @Mixin
    final BackendOption backend = new BackendOption();

    @Mixin
    final CompileOption compile = new CompileOption();

    @Override
    public Integer call() throws IOException {
        Generator.manualSeed(training.seed());
        FashionData.Split data = fashion.load();
        Module model = Mlp.model();
        new Classifier("onnx", training, compile, fashion, FashionData::standardize).train(model, data);
        Tensor images = FashionData.standardize(
                new DataLoader(data.test(), 1000).iterator().next().input());
        Files.createDirectories(training.out());
        Path file = training.out().resolve("mlp.onnx");
        model.eval();
        Onnx.export(model, images, file);
        OnnxModel back = OnnxModel.load(file);
        try (Scope ignored = GradMode.noGrad()) {
            float[] ours = model.forward(images).toArray();
            float[] theirs = back.run(Map.of("input", images)).get("output").toArray();
            double largest = 0;
            for (int i = 0; i < ours.length; i++) {
                largest = Math.max(largest, Math.abs(ours[i] - theirs[i]));
            }
            System.out.printf(
                    Locale.ROOT,
                    "wrote %s (%,d bytes): %s%nlargest difference between the model and the file reloaded,"
                            + " over %d images: %s%n",
                    file,
                    Files.size(file),
                    back,
                    images.size(0),
                    largest);
        }
        return 0;
    }
}
