package org.grad4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.grad4j.tensor.Generator;

/**
 * Helpers over datasets, like the functions of {@code torch.utils.data}.
 *
 * <pre>{@code
 * List<Subset> parts = Datasets.randomSplit(ds, new double[] {0.8, 0.2}, new Generator(42));
 * Dataset train = parts.get(0), valid = parts.get(1);
 * }</pre>
 */
public final class Datasets {
    private Datasets() {}

    /**
     * Splits a dataset into non-overlapping random subsets of the given lengths, like
     * {@code torch.utils.data.random_split}; the same generator seed gives the same split.
     *
     * @param dataset the dataset to split
     * @param lengths sizes of the parts, each &ge; 0, adding up to {@code dataset.size()}
     * @param generator the source of the permutation
     * @return one subset per length, in order
     * @throws IllegalArgumentException if a length is negative, the lengths do not add up to the
     *     dataset's size, or that size is negative
     */
    public static List<Subset> randomSplit(Dataset dataset, int[] lengths, Generator generator) {
        long total = 0;
        for (int len : lengths) {
            if (len < 0) {
                throw new IllegalArgumentException(
                        "randomSplit: lengths must be >= 0, got " + Arrays.toString(lengths));
            }
            total += len;
        }
        int n = size("randomSplit", dataset);
        if (total != n) {
            throw new IllegalArgumentException("randomSplit: lengths " + Arrays.toString(lengths) + " add up to "
                    + total + ", not to the dataset's size " + n);
        }
        int[] perm = randperm(n, generator);
        List<Subset> parts = new ArrayList<>(lengths.length);
        int start = 0;
        for (int len : lengths) {
            parts.add(new Subset(dataset, Arrays.copyOfRange(perm, start, start + len)));
            start += len;
        }
        return parts;
    }

    /**
     * Splits a dataset by fractions that add up to 1, like {@code random_split} with fractions:
     * each part gets {@code floor(size * fraction)} samples and the remainder is handed out one
     * sample at a time to the parts in order.
     *
     * @param dataset the dataset to split
     * @param fractions each in [0, 1], adding up to 1 (within 1e-6)
     * @param generator the source of the permutation
     * @return one subset per fraction, in order
     * @throws IllegalArgumentException if {@code fractions} is empty, a fraction is out of range, they
     *     do not add up to 1, or the dataset's size is negative
     */
    public static List<Subset> randomSplit(Dataset dataset, double[] fractions, Generator generator) {
        double sum = 0;
        for (double f : fractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException(
                        "randomSplit: fractions must be in [0, 1], got " + Arrays.toString(fractions));
            }
            sum += f;
        }
        if (fractions.length == 0 || Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException(
                    "randomSplit: fractions " + Arrays.toString(fractions) + " must add up to 1, got " + sum);
        }
        int n = size("randomSplit", dataset);
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            lengths[i] = (int) Math.floor(n * fractions[i]);
            assigned += lengths[i];
        }
        for (int i = 0; i < n - assigned; i++) {
            lengths[i % lengths.length]++;
        }
        return randomSplit(dataset, lengths, generator);
    }

    /**
     * {@code dataset.size()}, checked: a dataset whose size is negative is refused with an
     * IllegalArgumentException naming {@code op} and the dataset.
     */
    static int size(String op, Dataset dataset) {
        int n = dataset.size();
        if (n < 0) {
            throw new IllegalArgumentException(
                    op + ": dataset " + dataset + " has size " + n + "; a dataset's size must be >= 0");
        }
        return n;
    }

    /** A random permutation of 0..n-1 (Fisher-Yates), like {@code torch.randperm}. */
    static int[] randperm(int n, Generator generator) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = generator.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /**
     * Whether {@code dataset}'s batches are new tensors that nothing else holds: grad4j's own
     * {@code getBatch} methods make them so, while an overriding one may return views of the
     * dataset's data, which closing a batch must not release.
     */
    static boolean makesNewBatches(Dataset dataset) {
        if (dataset instanceof Subset subset) {
            return makesNewBatches(subset.dataset());
        }
        Class<?> declaring;
        try {
            declaring = dataset.getClass().getMethod("getBatch", int[].class).getDeclaringClass();
        } catch (NoSuchMethodException e) {
            throw new AssertionError("Dataset declares getBatch(int[])", e);
        }
        return declaring == Dataset.class || declaring == MnistDataset.class || declaring == TensorDataset.class;
    }
}
