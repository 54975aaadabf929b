package org.grad4j.tensor;

/**
 * A seeded source of random numbers for tensor factories, dropout masks and data shuffling: the
 * SplitMix64 sequence, written here, so the same seed gives the same values on every machine and
 * JVM version. Threads may share one (the
 * default generator is shared by every factory called without one): each draw is atomic.
 *
 * <pre>{@code
 * Generator gen = new Generator(42);
 * Tensor w = Tensor.randn(gen, 3, 4);
 * }</pre>
 */
public final class Generator {
    private static Generator defaultGenerator = new Generator(0);
    /** SplitMix64's increment (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014). */
    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    private final long seed;
    private long position;
    private double spareNormal = Double.NaN;

    /**
     * A generator whose sequence is fixed by {@code seed}, as {@code torch.Generator().manual_seed(seed)}.
     *
     * @param seed the seed
     */
    public Generator(long seed) {
        this.seed = seed;
        this.position = seed;
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
     * Where in its sequence a generator is, as {@code torch.Generator.get_state}: restoring it with
     * {@link #setState} makes the generator draw the same values again.
     *
     * @param position the position in the SplitMix64 sequence
     * @param spareNormal the second value of the last normal pair, not drawn yet (NaN if none)
     */
    public record State(long position, double spareNormal) {}

    /**
     * The generator's current state.
     *
     * @return the state
     */
    public synchronized State getState() {
        return new State(position, spareNormal);
    }

    /**
     * Moves the generator to a state {@link #getState} returned, as {@code torch.Generator.set_state}.
     *
     * @param state the state
     * @return this generator
     */
    public synchronized Generator setState(State state) {
        position = state.position();
        spareNormal = state.spareNormal();
        return this;
    }

    /**
     * Restarts the sequence from the seed.
     *
     * @return this generator
     */
    public synchronized Generator reset() {
        position = seed;
        spareNormal = Double.NaN;
        return this;
    }

    /**
     * The next uniform value in [0, 1).
     *
     * @return the value
     */
    public synchronized double nextDouble() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /**
     * The next uniform integer in [0, bound).
     *
     * @param bound the exclusive upper bound, &gt; 0
     * @return the value
     * @throws IllegalArgumentException if {@code bound} is not positive
     */
    public synchronized int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("nextInt: bound must be > 0, got " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // rejects the values of u that would make some results likelier than others
        }
        return r;
    }

    /** The next 32 random bits. */
    private int nextInt() {
        long z = position += GAMMA;
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /**
     * The next uniform long over its whole range.
     *
     * @return the value
     */
    public synchronized long nextLong() {
        return next();
    }

    private long next() {
        long z = position += GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Fills {@code out} with {@code low + (high - low) · u} for successive uniform values u, the
     * values {@link #nextDouble} would give one by one, under one lock.
     */
    synchronized void uniform(float[] out, double low, double high) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (low + (high - low) * ((next() >>> 11) * 0x1.0p-53));
        }
    }

    /** Fills {@code mask} with {@code keep} where a successive uniform value is at least p, else 0. */
    synchronized void bernoulliMask(float[] mask, float p, float keep) {
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (next() >>> 11) * 0x1.0p-53 >= p ? keep : 0f;
        }
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
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spareNormal = v * m;
        return u * m;
    }
}
