package org.grad4j.spark;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.grad4j.backend.Threads;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.Reduction;
import org.grad4j.optim.Optimizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-parallel training of a grad4j model on Apache Spark.
 *
 * <pre>{@code
 * SparkTrainer trainer = SparkTrainer.builder()
 *         .model(() -> new Sequential(new Linear(784, 400), new ReLU(), new Linear(400, 10)))
 *         .loss(CrossEntropyLoss::new)
 *         .optimizer(params -> new Adam(params, 1e-3))
 *         .batchSize(128)
 *         .epochs(3)
 *         .build();
 * TrainingResult result = trainer.fit(trainingRows);
 * Evaluation test = trainer.evaluate(result.model(), testRows);
 * }</pre>
 *
 * In {@link TrainingMode#sync()} mode (the default) each epoch's global batches come from a seeded
 * permutation of the rows ({@link GlobalBatches}); each step broadcasts the parameters, each
 * partition computes the gradient sum of its share of the batch, {@code treeAggregate} adds them,
 * and the driver's optimizer steps with their mean. Training thus equals single-process training on
 * the same batches, but for what each partition computes from its own rows alone: BatchNorm's batch
 * statistics (its running statistics become the row-weighted mean of the partitions'), and dropout
 * masks, which each executor draws from its own generator.
 */
public final class SparkTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    private final ModelFactory modelFactory;
    private final LossFactory lossFactory;
    private final OptimizerFactory optimizerFactory;
    private final int batchSize;
    private final int epochs;
    private final long seed;
    private final TrainingMode mode;
    private final String featuresColumn;
    private final String labelColumn;
    private final int threadsPerTask;
    private final int treeDepth;
    private final Consumer<EpochMetrics> onEpoch;

    private SparkTrainer(Builder b) {
        modelFactory = Objects.requireNonNull(b.modelFactory, "SparkTrainer: model factory not set");
        lossFactory = Objects.requireNonNull(b.lossFactory, "SparkTrainer: loss factory not set");
        optimizerFactory = Objects.requireNonNull(b.optimizerFactory, "SparkTrainer: optimizer factory not set");
        checkSerializable(modelFactory, "model factory");
        checkSerializable(lossFactory, "loss factory");
        checkSerializable(optimizerFactory, "optimizer factory");
        batchSize = b.batchSize;
        epochs = b.epochs;
        seed = b.seed;
        mode = b.mode;
        featuresColumn = b.featuresColumn;
        labelColumn = b.labelColumn;
        threadsPerTask = b.threadsPerTask;
        treeDepth = b.treeDepth;
        onEpoch = b.onEpoch;
    }

    /**
     * A builder with the defaults: batch size 64, 1 epoch, seed 0, {@link TrainingMode#sync()},
     * columns "features" and "label", 1 grad4j thread per task, tree depth 2.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains on a DataFrame's features and label columns.
     *
     * @param data rows with the features column (array of floats or doubles, or an ML vector) and the
     *     label column (class indices)
     * @return the trained model and the epochs' metrics
     * @throws IllegalArgumentException if a column is missing or of the wrong type, the dataset is
     *     empty, features differ in width or do not fit the model, or a label is not one of its classes
     */
    public TrainingResult fit(Dataset<Row> data) {
        return fit(Rows.samples(data, featuresColumn, labelColumn));
    }

    /**
     * Trains on an RDD of samples.
     *
     * @param samples the training samples
     * @return the trained model and the epochs' metrics
     * @throws IllegalArgumentException if the dataset is empty, features differ in width or do not fit
     *     the model, or a label is not one of its classes
     */
    public TrainingResult fit(JavaRDD<Sample> samples) {
        // In local mode the tasks run in this JVM and set its thread count: give it back afterwards.
        int threads = Threads.get();
        try {
            return train(samples);
        } finally {
            Threads.set(threads);
        }
    }

    private TrainingResult train(JavaRDD<Sample> samples) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(samples.context());
        RunSpec spec = spec();
        Module model = modelFactory.create();
        Reduction reduction = lossFactory.create().reduction();
        if (reduction == Reduction.NONE) {
            throw new IllegalArgumentException("SparkTrainer.fit: the loss must reduce to a mean or a sum, not none");
        }
        Optimizer optimizer = optimizerFactory.create(model.parameters());
        try (TrainingData data = new TrainingData(samples)) {
            data.checkModel(model);
            Steps steps = mode instanceof TrainingMode.LocalSgd local
                    ? new LocalSgdSteps(new Run(sc, spec, data, model, optimizer, treeDepth), local.steps())
                    : new SyncSteps(new Run(sc, spec, data, model, optimizer, treeDepth), reduction);
            List<EpochMetrics> metrics = new ArrayList<>();
            int batches = GlobalBatches.count(data.rows, batchSize);
            for (int epoch = 0; epoch < epochs; epoch++) {
                int[] order = GlobalBatches.order(seed, epoch, data.rows);
                Broadcast<int[]> batchOf = sc.broadcast(GlobalBatches.batchOfRow(order, batchSize));
                long start = System.nanoTime();
                Steps.Totals totals = steps.epoch(batchOf, batches);
                double seconds = (System.nanoTime() - start) / 1e9;
                batchOf.destroy();
                EpochMetrics m = new EpochMetrics(
                        epoch + 1,
                        totals.lossSum() / totals.samples(),
                        totals.samples(),
                        seconds,
                        totals.computeNanos() / 1e9,
                        seconds - totals.computeNanos() / 1e9);
                metrics.add(m);
                onEpoch.accept(m);
                LOG.info(String.format(
                        Locale.ROOT,
                        "epoch %d/%d: loss %.4f, %.0f samples/s, %.1f s (%.1f s computing, %.1f s in Spark)",
                        m.epoch(),
                        epochs,
                        m.loss(),
                        m.samplesPerSecond(),
                        m.seconds(),
                        m.computeSeconds(),
                        m.sparkSeconds()));
            }
            return new TrainingResult(model, metrics);
        }
    }

    /**
     * Mean loss and accuracy of a model over a DataFrame, computed by the executors in eval mode.
     *
     * @param model a model this trainer's model factory builds (its state is broadcast)
     * @param data rows with the features and label columns
     * @return the evaluation
     */
    public Evaluation evaluate(Module model, Dataset<Row> data) {
        return evaluate(model, Rows.samples(data, featuresColumn, labelColumn));
    }

    /**
     * Mean loss and accuracy of a model over samples, computed by the executors in eval mode.
     *
     * @param model a model this trainer's model factory builds (its state is broadcast)
     * @param samples the samples
     * @return the evaluation
     * @throws IllegalArgumentException if there are no samples
     */
    public Evaluation evaluate(Module model, JavaRDD<Sample> samples) {
        int threads = Threads.get();
        try {
            return evaluateOn(model, samples);
        } finally {
            Threads.set(threads);
        }
    }

    private Evaluation evaluateOn(Module model, JavaRDD<Sample> samples) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(samples.context());
        RunSpec spec = spec();
        Broadcast<ModelState> state = sc.broadcast(ModelState.of(model));
        try {
            EvaluationSum sum = samples.mapPartitions(
                            part -> List.of(Replica.of(spec).evaluate(state.value(), part))
                                    .iterator())
                    .reduce(EvaluationSum::add);
            if (sum.samples() == 0) {
                throw new IllegalArgumentException("SparkTrainer.evaluate: the dataset has no rows");
            }
            return new Evaluation(sum.lossSum() / sum.samples(), (double) sum.correct() / sum.samples(), sum.samples());
        } finally {
            state.destroy();
        }
    }

    private RunSpec spec() {
        return new RunSpec(UUID.randomUUID().toString(), modelFactory, lossFactory, optimizerFactory, threadsPerTask);
    }

    private static void checkSerializable(Object recipe, String what) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(recipe);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(
                    "SparkTrainer: the " + what + " (" + recipe.getClass().getName() + ") cannot be sent to executors: "
                            + "it holds an object of class " + e.getMessage() + ", which is not serializable; "
                            + "let it capture serializable values only (never a built model)",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("SparkTrainer: the " + what + " cannot be serialized", e);
        }
    }

    /** Settings of a {@link SparkTrainer}; {@link #model}, {@link #loss} and {@link #optimizer} are required. */
    public static final class Builder {
        private ModelFactory modelFactory;
        private LossFactory lossFactory;
        private OptimizerFactory optimizerFactory;
        private int batchSize = 64;
        private int epochs = 1;
        private long seed;
        private TrainingMode mode = TrainingMode.sync();
        private String featuresColumn = "features";
        private String labelColumn = "label";
        private int threadsPerTask = 1;
        private int treeDepth = 2;
        private Consumer<EpochMetrics> onEpoch = m -> {};

        private Builder() {}

        /**
         * The recipe that builds the model on the driver and on each executor thread.
         *
         * @param factory a serializable recipe
         * @return this builder
         */
        public Builder model(ModelFactory factory) {
            this.modelFactory = Objects.requireNonNull(factory, "SparkTrainer.Builder.model");
            return this;
        }

        /**
         * The recipe that builds the loss (class-index targets; mean or sum reduction).
         *
         * @param factory a serializable recipe
         * @return this builder
         */
        public Builder loss(LossFactory factory) {
            this.lossFactory = Objects.requireNonNull(factory, "SparkTrainer.Builder.loss");
            return this;
        }

        /**
         * The recipe that builds the optimizer over the model's parameters.
         *
         * @param factory a serializable recipe
         * @return this builder
         */
        public Builder optimizer(OptimizerFactory factory) {
            this.optimizerFactory = Objects.requireNonNull(factory, "SparkTrainer.Builder.optimizer");
            return this;
        }

        /**
         * The global batch size: rows per optimizer step, over all partitions.
         *
         * @param size at least 1
         * @return this builder
         */
        public Builder batchSize(int size) {
            this.batchSize = positive("batchSize", size);
            return this;
        }

        /**
         * Passes over the data.
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder epochs(int count) {
            this.epochs = positive("epochs", count);
            return this;
        }

        /**
         * The seed of the epochs' permutations.
         *
         * @param value any value
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * How executors' work becomes steps: {@link TrainingMode#sync()} (the default) or
         * {@link TrainingMode#localSgd(int)}.
         *
         * @param value the mode
         * @return this builder
         */
        public Builder mode(TrainingMode value) {
            this.mode = Objects.requireNonNull(value, "SparkTrainer.Builder.mode");
            return this;
        }

        /**
         * The DataFrame column of the features.
         *
         * @param name the column's name
         * @return this builder
         */
        public Builder featuresColumn(String name) {
            this.featuresColumn = Objects.requireNonNull(name, "SparkTrainer.Builder.featuresColumn");
            return this;
        }

        /**
         * The DataFrame column of the labels.
         *
         * @param name the column's name
         * @return this builder
         */
        public Builder labelColumn(String name) {
            this.labelColumn = Objects.requireNonNull(name, "SparkTrainer.Builder.labelColumn");
            return this;
        }

        /**
         * The grad4j thread count each task runs with ({@code Threads.set} on its executor; one
         * task per executor core keeps the cores from being oversubscribed).
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threadsPerTask(int threads) {
            this.threadsPerTask = positive("threadsPerTask", threads);
            return this;
        }

        /**
         * The depth of {@code treeAggregate}'s combining tree.
         *
         * @param depth at least 1
         * @return this builder
         */
        public Builder treeDepth(int depth) {
            this.treeDepth = positive("treeDepth", depth);
            return this;
        }

        /**
         * What to do, on the driver, with each epoch's metrics as the epoch ends (besides logging
         * them), e.g. print progress.
         *
         * @param listener called once per epoch
         * @return this builder
         */
        public Builder onEpoch(Consumer<EpochMetrics> listener) {
            this.onEpoch = Objects.requireNonNull(listener, "SparkTrainer.Builder.onEpoch");
            return this;
        }

        /**
         * Builds the trainer.
         *
         * @return the trainer
         * @throws NullPointerException if the model, loss or optimizer factory is not set
         * @throws IllegalArgumentException if a factory is not serializable
         */
        public SparkTrainer build() {
            return new SparkTrainer(this);
        }

        private static int positive(String what, int value) {
            if (value < 1) {
                throw new IllegalArgumentException("SparkTrainer.Builder." + what + " must be >= 1, got " + value);
            }
            return value;
        }
    }
}
