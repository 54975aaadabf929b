package org.grad4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.grad4j.onnx.Onnx;
import org.grad4j.onnx.OnnxException;
import org.grad4j.onnx.OnnxModel;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Fine-tunes an imported ONNX classifier of Fashion-MNIST images (one input, [N, 784] or
 * [N, 1, 28, 28]; ten logits out) for an epoch: its initializers are the parameters Adam updates.
 * Without {@code --model} it writes an untrained copy of the mlp example's network as
 * {@code classifier.onnx} and fine-tunes that.
 */
@Command(name = "onnx-finetune", description = "Fine-tunes an imported ONNX classifier on Fashion-MNIST for an epoch.")
public final class OnnxFinetune implements Callable<Integer> {
    @Option(
            names = "--model",
            paramLabel = "FILE",
            description = "the .onnx classifier (default: none, an untrained mlp network written as"
                    + " classifier.onnx to --out)")
    Path model;

    @Mixin
    final Training training = new Training("onnx-finetune", 1, 128, 1e-3);

    @Mixin
    final FashionOptions fashion = new FashionOptions();

    @Mixin
    final BackendOption backend = new BackendOption();

    @Mixin
    final CompileOption compile = new CompileOption();

    @Override
    public Integer call() throws IOException {
        Generator.manualSeed(training.seed());
        Path file = model;
        if (file == null) {
            Files.createDirectories(training.out());
            file = training.out().resolve("classifier.onnx");
            Onnx.export(Mlp.model(), Tensor.zeros(1, 1, 28, 28), file);
            System.out.println("wrote an untrained mlp network to " + file);
        }
        OnnxModel onnx = OnnxModel.load(file);
        System.out.println("fine-tuning " + onnx);
        if (onnx.inputs().size() != 1 || onnx.outputs().size() != 1) {
            throw new OnnxException(file + ": a classifier has one input and one output, this model has "
                    + onnx.inputs().size() + " and " + onnx.outputs().size());
        }
        long[] shape = onnx.inputs().get(0).shape();
        UnaryOperator<Tensor> input;
        if (shape != null && shape.length == 2) {
            input = images -> FashionData.standardize(images).reshape(images.size(0), 28 * 28);
        } else if (shape == null || shape.length == 4) {
            input = FashionData::standardize;
        } else {
            throw new OnnxException(file + ": input '" + onnx.inputs().get(0).name() + "' has rank " + shape.length
                    + "; Fashion-MNIST images go in as [N, 784] or [N, 1, 28, 28]");
        }
        new Classifier("onnx-finetune", training, compile, fashion, input).train(onnx.asModule(), fashion.load());
        return 0;
    }
}
