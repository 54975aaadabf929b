package org.grad4j.tensor;

import java.util.SplittableRandom;

/**
 * A seeded source of random numbers for tensor factories, dropout masks and data shuffling.
 * The same seed gives the same sequence on every machine and JVM. Threads may share one (the
 * default generator is shared by every factory called without one): each draw is atomic.
 *
 * <pre>{@code
 * Generator gen = new Generator(42);
 * Tensor w = Tensor.randn(gen, 3, 4);
 * }</pre>
 */
public final class Generator {
    private static Generator defaultGenerator = new Generator(0);
    private SplittableRandom random;
    private final long seed;
    private double spareNormal = Double.NaN;

    /**
     * A generator whose sequence is fixed by {@code seed}, as {@code torch.Generator().manual_seed(seed)}.
     *
     * @param seed the seed
     */
    public Generator(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * The generator layers use for their initial weights when none is given (seeded with 0 at
     * start-up, so runs are reproducible), like PyTorch's default generator.
     *
     * @return the current default generator
     */
    public static synchronized Generator defaultGenerator() {
        return defaultGenerator;
    }

    /**
     * Reseeds the default generator, like {@code torch.manual_seed}.
     *
     * @param seed the new seed
     * @return the new default generator
     */
    public static synchronized Generator manualSeed(long seed) {
        defaultGenerator = new Generator(seed);
        return defaultGenerator;
    }

    /**
     * The seed this generator was made with, as {@code torch.Generator.initial_seed}.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Restarts the sequence from the seed.
     *
     * @return this generator
     */
    public synchronized Generator reset() {
        random = new SplittableRandom(seed);
        spareNormal = Double.NaN;
        return this;
    }

    /**
     * The next uniform value in [0, 1).
     *
     * @return the value
     */
    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    /**
     * The next uniform integer in [0, bound).
     *
     * @param bound the exclusive upper bound, &gt; 0
     * @return the value
     * @throws IllegalArgumentException if {@code bound} is not positive
     */
    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /**
     * The next uniform long over its whole range.
     *
     * @return the value
     */
    public synchronized long nextLong() {
        return random.nextLong();
    }

    /**
     * The next standard normal value, by the Marsaglia polar method (platform independent, unlike Random).
     *
     * @return the value
     */
    public synchronized double nextGaussian() {
        if (!Double.isNaN(spareNormal)) {
            double s = spareNormal;
            spareNormal = Double.NaN;
            return s;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spareNormal = v * m;
        return u * m;
    }
}
