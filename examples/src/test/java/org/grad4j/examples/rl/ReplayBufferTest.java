package org.grad4j.examples.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.grad4j.tensor.Generator;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {
    /** Transition i: state {i, -i}, action i % 2, reward i, next state {i + 1, -i - 1}, terminal when i % 3 == 0. */
    private static void addTransition(ReplayBuffer buffer, int i) {
        buffer.add(new float[] {i, -i}, i % 2, i, new float[] {i + 1, -i - 1}, i % 3 == 0);
    }

    @Test
    void sizeGrowsToTheCapacityAndStops() {
        ReplayBuffer buffer = new ReplayBuffer(5, 2);
        assertEquals(0, buffer.size());
        for (int i = 0; i < 3; i++) {
            addTransition(buffer, i);
        }
        assertEquals(3, buffer.size());
        for (int i = 3; i < 12; i++) {
            addTransition(buffer, i);
        }
        assertEquals(5, buffer.size());
        assertEquals(5, buffer.capacity());
    }

    @Test
    void whenFullTheNewestReplaceTheOldest() {
        ReplayBuffer buffer = new ReplayBuffer(5, 2);
        for (int i = 0; i < 8; i++) {
            addTransition(buffer, i);
        }
        ReplayBuffer.Sample s = buffer.sample(400, new Generator(0));
        Set<Integer> seen = new TreeSet<>();
        float[] states = s.states().toArray();
        float[] next = s.nextStates().toArray();
        float[] actions = s.actions().toArray();
        float[] rewards = s.rewards().toArray();
        float[] terminals = s.terminals().toArray();
        for (int k = 0; k < 400; k++) {
            int i = (int) rewards[k];
            seen.add(i);
            assertArrayEquals(
                    new float[] {i, -i, i + 1, -i - 1},
                    new float[] {states[2 * k], states[2 * k + 1], next[2 * k], next[2 * k + 1]},
                    "row " + k);
            assertEquals(i % 2, actions[k]);
            assertEquals(i % 3 == 0 ? 1f : 0f, terminals[k]);
        }
        assertEquals(Set.of(3, 4, 5, 6, 7), seen, "the last five transitions, each drawn at least once");
    }

    @Test
    void theSameSeedDrawsTheSameBatch() {
        ReplayBuffer buffer = new ReplayBuffer(100, 2);
        for (int i = 0; i < 100; i++) {
            addTransition(buffer, i);
        }
        float[] a = buffer.sample(32, new Generator(7)).rewards().toArray();
        float[] b = buffer.sample(32, new Generator(7)).rewards().toArray();
        float[] c = buffer.sample(32, new Generator(8)).rewards().toArray();
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, c), "another seed, another batch");
        ReplayBuffer.Sample s = buffer.sample(32, new Generator(7));
        assertArrayEquals(new int[] {32, 2}, s.states().shape());
        assertArrayEquals(new int[] {32}, s.actions().shape());
    }

    @Test
    void rejectsWhatItCannotHold() {
        ReplayBuffer buffer = new ReplayBuffer(4, 2);
        assertThrows(IllegalArgumentException.class, () -> buffer.sample(1, new Generator(0)));
        assertThrows(IllegalArgumentException.class, () -> buffer.add(new float[3], 0, 1, new float[2], false));
        assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(0, 4));
    }
}
