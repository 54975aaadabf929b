package org.grad4j.examples.rl;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * Experience replay (Mnih et al., 2015): a ring buffer holding the last {@code capacity}
 * transitions (s, a, r, s', terminal), from which training batches are drawn uniformly at random,
 * so that consecutive, strongly correlated steps do not make up one batch. When full, each new
 * transition replaces the oldest.
 *
 * <pre>{@code
 * ReplayBuffer buffer = new ReplayBuffer(10_000, 4);
 * buffer.add(state, action, 1f, nextState, env.failed());
 * ReplayBuffer.Sample batch = buffer.sample(64, gen);   // batch.states() [64, 4]
 * }</pre>
 */
public final class ReplayBuffer {
    private final int capacity;
    private final int stateSize;
    private final float[] states;
    private final float[] nextStates;
    private final float[] actions;
    private final float[] rewards;
    private final float[] terminals;
    private int next;
    private int size;

    /**
     * A batch of transitions. Shape: states and nextStates [B, stateSize]; actions (integer
     * values), rewards and terminals (1 where the episode ended by failure, else 0) [B].
     */
    public record Sample(Tensor states, Tensor actions, Tensor rewards, Tensor nextStates, Tensor terminals) {}

    public ReplayBuffer(int capacity, int stateSize) {
        if (capacity < 1 || stateSize < 1) {
            throw new IllegalArgumentException(
                    "ReplayBuffer: capacity and stateSize must be >= 1, got " + capacity + " and " + stateSize);
        }
        this.capacity = capacity;
        this.stateSize = stateSize;
        this.states = new float[capacity * stateSize];
        this.nextStates = new float[capacity * stateSize];
        this.actions = new float[capacity];
        this.rewards = new float[capacity];
        this.terminals = new float[capacity];
    }

    /**
     * Stores one transition (the arrays are copied). {@code terminal} says whether s' ends the
     * episode for good; an episode cut at a step limit is not terminal, since its s' still has a
     * future.
     */
    public void add(float[] state, int action, float reward, float[] nextState, boolean terminal) {
        if (state.length != stateSize || nextState.length != stateSize) {
            throw new IllegalArgumentException("ReplayBuffer: states must have " + stateSize + " values, got "
                    + state.length + " and " + nextState.length);
        }
        System.arraycopy(state, 0, states, next * stateSize, stateSize);
        System.arraycopy(nextState, 0, nextStates, next * stateSize, stateSize);
        actions[next] = action;
        rewards[next] = reward;
        terminals[next] = terminal ? 1f : 0f;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /** {@code batchSize} transitions drawn uniformly, with replacement, from those held. */
    public Sample sample(int batchSize, Generator gen) {
        if (size == 0 || batchSize < 1) {
            throw new IllegalArgumentException(
                    "ReplayBuffer: cannot sample " + batchSize + " from " + size + " transitions");
        }
        float[] s = new float[batchSize * stateSize];
        float[] s2 = new float[batchSize * stateSize];
        float[] a = new float[batchSize];
        float[] r = new float[batchSize];
        float[] t = new float[batchSize];
        for (int i = 0; i < batchSize; i++) {
            int j = gen.nextInt(size);
            System.arraycopy(states, j * stateSize, s, i * stateSize, stateSize);
            System.arraycopy(nextStates, j * stateSize, s2, i * stateSize, stateSize);
            a[i] = actions[j];
            r[i] = rewards[j];
            t[i] = terminals[j];
        }
        return new Sample(
                Tensor.of(s, batchSize, stateSize),
                Tensor.of(a, batchSize),
                Tensor.of(r, batchSize),
                Tensor.of(s2, batchSize, stateSize),
                Tensor.of(t, batchSize));
    }

    /** The number of transitions held: at most the capacity. */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }
}
