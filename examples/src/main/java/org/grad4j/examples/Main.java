package org.grad4j.examples;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.grad4j.examples.kotlin.KotlinMlp;
import org.grad4j.examples.rl.Dqn;

/** {@code java -jar grad4j-examples.jar <example> [options]}: runs one example program. */
public final class Main {
    private static final Map<String, Consumer<String[]>> EXAMPLES = new TreeMap<>(Map.ofEntries(
            Map.entry("mlp", Mlp::main),
            Map.entry("cnn", Cnn::main),
            Map.entry("rnn", Rnn::main),
            Map.entry("regression", Regression::main),
            Map.entry("autoencoder", Autoencoder::main),
            Map.entry("spiral", Spiral::main),
            Map.entry("gemm", GemmReport::main),
            Map.entry("gan", Gan::main),
            Map.entry("dqn", Dqn::main),
            Map.entry("kotlin-mlp", KotlinMlp::main),
            Map.entry("leakcheck", LeakCheck::main)));

    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%n");
        }
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage();
            return;
        }
        Consumer<String[]> example = EXAMPLES.get(args[0]);
        if (example == null) {
            System.err.println("unknown example '" + args[0] + "'");
            usage();
            System.exit(2);
        }
        example.accept(Arrays.copyOfRange(args, 1, args.length));
    }

    private static void usage() {
        System.out.println("usage: java -jar grad4j-examples.jar <example> [options]");
        System.out.println("examples: " + String.join(", ", EXAMPLES.keySet()));
        describe(
                "mlp",
                "Fashion-MNIST with a 784-400-100-10 network and Adam; options: --epochs --batch-size --lr"
                        + " --seed --backend --data --out --limit");
        describe("cnn", "Fashion-MNIST with a LeNet-like convolutional network; same options");
        describe("rnn", "Fashion-MNIST read row by row by a GRU (28 steps of 28 pixels); same options and --hidden");
        describe(
                "regression",
                "an MLP learns a picture as a function (x, y) -> (r, g, b) and paints it; common"
                        + " options and --image FILE --size N --hidden N");
        describe(
                "autoencoder",
                "a denoising autoencoder 784-256-64-256-784 on Fashion-MNIST; common options and"
                        + " --noise X --limit N");
        describe(
                "gan",
                "a DCGAN learns to draw Fashion-MNIST clothes, writing a grid of samples per epoch; same"
                        + " options and --latent --width");
        describe(
                "dqn",
                "DQN balances CartPole until the mean return of 100 episodes reaches 195; options: --episodes"
                        + " --goal --lr --batch-size --seed --backend --out (--help for all)");
        describe(
                "kotlin-mlp",
                "the mlp example written in Kotlin with grad4j-kotlin's operators; same options" + " without --limit");
        describe(
                "spiral",
                "a two-layer network learns to separate three interleaved spirals; options: --epochs N"
                        + " --lr X --seed N");
        describe(
                "gemm",
                "GEMM GFLOPS of Tensor.matmul and the raw kernel on each backend; options: --sizes"
                        + " 64,256,512,1024 --seconds 1");
        describe(
                "leakcheck",
                "trains the mlp network for --steps 20000 and fails if heap, RSS, threads or open"
                        + " files grow; options: --steps --warmup --every --max-growth --synthetic N --backend");
    }

    private static void describe(String example, String text) {
        System.out.printf("  %-12s %s%n", example, text);
    }
}
