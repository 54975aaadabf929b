package org.grad4j.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.Reduction;
import org.junit.jupiter.api.Test;

class BadInputTest {
    private static final List<Sample> DATA = Fixtures.samples(40, 2);

    private static void assertMessage(Throwable e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void aFactoryHoldingABuiltModelIsRefusedNamingTheClass() {
        Module built = Fixtures.mlp();
        SparkTrainer.Builder builder = Fixtures.trainer().model(() -> built);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertMessage(e, "model factory", "BadInputTest", "org.grad4j.nn.Sequential", "not serializable");
    }

    @Test
    void anEmptyDatasetIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Fixtures.trainer().build().fit(LocalSpark.rdd(List.of(), 2)));
        assertMessage(e, "SparkTrainer.fit", "no rows");
    }

    @Test
    void aLabelOutOfRangeIsReportedWithItsPartitionAndRow() {
        List<Sample> bad = new ArrayList<>(DATA);
        bad.set(30, new Sample(DATA.get(30).features(), Fixtures.CLASSES));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Fixtures.trainer().build().fit(LocalSpark.rdd(bad, 2)));
        assertMessage(e, "partition 1, row 30", "label 4", "4 outputs");

        bad.set(30, new Sample(DATA.get(30).features(), -1));
        e = assertThrows(
                IllegalArgumentException.class, () -> Fixtures.trainer().build().fit(LocalSpark.rdd(bad, 2)));
        assertMessage(e, "partition 1, row 30", "label -1");
    }

    @Test
    void featuresOfTheWrongWidthAreRefused() {
        List<Sample> narrow = new ArrayList<>();
        for (Sample s : DATA) {
            narrow.add(new Sample(Arrays.copyOf(s.features(), Fixtures.WIDTH - 1), s.label()));
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Fixtures.trainer().build().fit(LocalSpark.rdd(narrow, 2)));
        assertMessage(e, "does not take features of width 11");

        List<Sample> mixed = new ArrayList<>(DATA);
        mixed.set(7, narrow.get(7));
        e = assertThrows(
                IllegalArgumentException.class, () -> Fixtures.trainer().build().fit(LocalSpark.rdd(mixed, 2)));
        assertMessage(e, "partition 0, row 7", "11 values", "earlier rows have 12");

        List<Sample> byPartition = new ArrayList<>(DATA.subList(0, 20));
        byPartition.addAll(narrow.subList(20, 40));
        e = assertThrows(
                IllegalArgumentException.class, () -> Fixtures.trainer().build().fit(LocalSpark.rdd(byPartition, 2)));
        assertMessage(e, "partition 1 has features of width 11", "partition 0 of width 12");
    }

    @Test
    void labelsAreCheckedAgainstTheModelsOutputs() {
        SparkTrainer trainer =
                Fixtures.trainer().model(() -> new Linear(Fixtures.WIDTH, 1)).build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> trainer.fit(LocalSpark.rdd(DATA, 2)));
        assertMessage(e, "label 3", "a model with 1 outputs");
    }

    @Test
    void anUnreducedLossIsRefused() {
        SparkTrainer trainer = Fixtures.trainer()
                .loss(() -> new CrossEntropyLoss(Reduction.NONE, null, -100, 0))
                .build();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> trainer.fit(LocalSpark.rdd(DATA, 2)));
        assertMessage(e, "mean or a sum");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> SparkTrainer.builder().batchSize(0));
        assertThrows(
                IllegalArgumentException.class, () -> SparkTrainer.builder().epochs(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingMode.localSgd(0));
        NullPointerException e = assertThrows(
                NullPointerException.class,
                () -> SparkTrainer.builder()
                        .loss(CrossEntropyLoss::new)
                        .optimizer(p -> null)
                        .build());
        assertMessage(e, "model factory not set");
    }
}
