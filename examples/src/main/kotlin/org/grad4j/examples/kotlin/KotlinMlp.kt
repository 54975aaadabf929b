package org.grad4j.examples.kotlin

import java.util.Locale
import java.util.concurrent.Callable
import org.grad4j.autograd.GradMode
import org.grad4j.backend.Backend
import org.grad4j.data.DataLoader
import org.grad4j.examples.BackendOption
import org.grad4j.examples.FashionData
import org.grad4j.examples.FashionOptions
import org.grad4j.examples.MetricsLog
import org.grad4j.examples.Progress
import org.grad4j.examples.Training
import org.grad4j.examples.WrittenFiles
import org.grad4j.nn.Module
import org.grad4j.optim.Adam
import org.grad4j.optim.Optimizer
import org.grad4j.tensor.Generator
import org.grad4j.tensor.Tensor
import picocli.CommandLine.Command
import picocli.CommandLine.Mixin

/**
 * `java -jar grad4j-examples.jar kotlin-mlp`: the `mlp` example written in Kotlin. [FashionMlp] and
 * [crossEntropy] spell the model and loss with grad4j-kotlin's operators (`x mm w`, `a + b`, `a *
 * b`, `-a`), and the loop below is the plain zeroGrad / forward / loss / backward / step with Adam
 * lr 1e-3 and batches of 128 over Fashion-MNIST (5 epochs). It takes the common options, shows a
 * progress bar per epoch, writes metrics.csv and accuracy.png to `--out` and prints `test accuracy:
 * 0.8739` last.
 */
@Command(
    name = "kotlin-mlp",
    description = ["The mlp example written in Kotlin with grad4j-kotlin's operators."],
)
class KotlinMlp : Callable<Int> {
    @field:Mixin val training = Training("kotlin-mlp", 5, 128, 1e-3)
    @field:Mixin val fashion = FashionOptions()
    @field:Mixin val backend = BackendOption()

    override fun call(): Int {
        val accuracy = train(training, fashion, fashion.load())
        WrittenFiles.print(training.out(), "metrics.csv", "accuracy.png")
        println(String.format(Locale.ROOT, "test accuracy: %.4f", accuracy))
        return 0
    }
}

/** Trains a [FashionMlp] for `--epochs` epochs and returns its final test accuracy. */
fun train(options: Training, fashion: FashionOptions, data: FashionData.Split): Double {
    val gen = Generator(options.seed())
    val model = FashionMlp(gen)
    val optimizer = Adam(model.parameters(), options.lr().toDouble())
    val train = fashion.limited(data.train())
    val loader = DataLoader(train, options.batchSize(), true, gen)
    val testLoader = DataLoader(data.test(), 1000)
    println(
        String.format(
            Locale.ROOT,
            "kotlin-mlp: %,d training images, %,d test images, backend %s (%d threads)%n%s",
            train.size(),
            data.test().size(),
            Backend.current().name(),
            Backend.current().threads(),
            model,
        )
    )
    val log = MetricsLog(options.out(), "train loss", "test accuracy")
    var accuracy = 0.0
    for (epoch in 1..options.epochs()) {
        model.train()
        val trainLoss =
            Progress("epoch $epoch/${options.epochs()}", loader.numBatches().toLong()).use {
                progress ->
                for (batch in loader) {
                    batch.use {
                        progress.step(
                            batch.size(),
                            trainStep(model, optimizer, batch.input(), batch.target()),
                        )
                    }
                }
                progress.meanLoss()
            }
        accuracy = accuracy(model, testLoader)
        println(
            String.format(
                Locale.ROOT,
                "epoch %d: train loss %.4f, test accuracy %.4f",
                epoch,
                trainLoss,
                accuracy,
            )
        )
        log.add(epoch, trainLoss, accuracy)
        log.plot("accuracy", "kotlin-mlp: test accuracy per epoch")
    }
    return accuracy
}

/** One step of the plain loop on one batch; returns the loss before the step. */
fun trainStep(model: Module, optimizer: Optimizer, images: Tensor, labels: Tensor): Float {
    val loss = crossEntropy(model.forward(images), labels)
    optimizer.zeroGrad()
    loss.backward()
    optimizer.step()
    return loss.item()
}

/** The fraction of a loader's images whose largest logit is at their label. */
fun accuracy(model: Module, loader: DataLoader): Double {
    model.eval()
    var correct = 0.0
    GradMode.noGrad().use {
        for (batch in loader) {
            batch.use {
                correct += model.forward(batch.input()).argmax(1).eq(batch.target()).sum().item()
            }
        }
    }
    return correct / loader.dataset().size()
}
