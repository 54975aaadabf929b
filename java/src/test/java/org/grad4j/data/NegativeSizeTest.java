package org.grad4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A dataset reporting a negative size is refused by name wherever its size is used, not met by NegativeArraySize. */
class NegativeSizeTest {
    /** A user's dataset whose size is wrong, or becomes wrong after {@code validCalls} calls. */
    private static final class Broken implements Dataset {
        private int calls;
        private final int validCalls;

        Broken(int validCalls) {
            this.validCalls = validCalls;
        }

        @Override
        public int size() {
            return calls++ < validCalls ? 4 : -1;
        }

        @Override
        public Tensor[] get(int index) {
            return new Tensor[] {Tensor.scalar(index)};
        }

        @Override
        public String toString() {
            return "Broken()";
        }
    }

    private static String message(Runnable use) {
        return assertThrows(IllegalArgumentException.class, use::run).getMessage();
    }

    @Test
    void loadersSplitsAndSubsetsNameTheDatasetAndTheSize() {
        String suffix = ": dataset Broken() has size -1; a dataset's size must be >= 0";
        assertEquals("DataLoader" + suffix, message(() -> new DataLoader(new Broken(0), 2)));
        assertEquals("Subset" + suffix, message(() -> new Subset(new Broken(0), new int[0])));
        assertEquals(
                "randomSplit" + suffix,
                message(() -> Datasets.randomSplit(new Broken(0), new int[] {0}, new Generator(0))));
        assertEquals(
                "randomSplit" + suffix,
                message(() -> Datasets.randomSplit(new Broken(0), new double[] {1}, new Generator(0))));
    }

    @Test
    void aSizeThatTurnsNegativeIsRefusedWhenAnEpochStarts() {
        DataLoader shuffled = new DataLoader(new Broken(1), 2, true, new Generator(0));
        assertEquals(
                "DataLoader: dataset Broken() has size -1; a dataset's size must be >= 0", message(shuffled::iterator));
        DataLoader ordered = new DataLoader(new Broken(1), 2);
        assertEquals(
                "DataLoader: dataset Broken() has size -1; a dataset's size must be >= 0",
                message(ordered::numBatches));
    }
}
