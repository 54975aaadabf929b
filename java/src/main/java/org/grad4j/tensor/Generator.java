package org.grad4j.tensor;

import java.util.SplittableRandom;

/**
 * A seeded source of random numbers for tensor factories, dropout masks and data shuffling.
 * The same seed gives the same sequence on every machine and JVM.
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

    public Generator(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * The generator layers use for their initial weights when none is given (seeded with 0 at
     * start-up, so runs are reproducible), like PyTorch's default generator.
     */
    public static synchronized Generator defaultGenerator() {
        return defaultGenerator;
    }

    /** Reseeds the default generator, like {@code torch.manual_seed}. */
    public static synchronized Generator manualSeed(long seed) {
        defaultGenerator = new Generator(seed);
        return defaultGenerator;
    }

    public long seed() {
        return seed;
    }

    /** Restarts the sequence from the seed. */
    public Generator reset() {
        random = new SplittableRandom(seed);
        spareNormal = Double.NaN;
        return this;
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong() {
        return random.nextLong();
    }

    /** Standard normal, by the Marsaglia polar method (platform independent, unlike Random). */
    public double nextGaussian() {
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
