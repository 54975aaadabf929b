package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** When hooks run: once per pass, in order, and a hook removed during a pass still runs in it. */
class HookLifecycleTest {
    private static Tensor leaf(float... values) {
        return Tensor.of(values, values.length).requiresGrad(true);
    }

    @Test
    void aLeafHookThatRemovesItselfRunsThisTimeOnly() {
        Tensor x = leaf(1, 2);
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Hook.Handle> handle = new AtomicReference<>();
        handle.set(x.registerHook(g -> {
            calls.incrementAndGet();
            handle.get().remove();
            return g.mul(10f);
        }));
        x.mul(3f).sum().backward();
        assertEquals(1, calls.get());
        assertArrayEquals(new float[] {30, 30}, x.grad().toArray());
        x.mul(3f).sum().backward();
        assertEquals(1, calls.get());
        assertArrayEquals(new float[] {33, 33}, x.grad().toArray());
    }

    @Test
    void aNonLeafHookThatRemovesItselfRunsThisTimeOnly() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(3f);
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Hook.Handle> handle = new AtomicReference<>();
        handle.set(y.registerHook(g -> {
            calls.incrementAndGet();
            handle.get().remove();
            return g.mul(2f);
        }));
        y.sum().backward(null, true);
        assertArrayEquals(new float[] {6, 6}, x.grad().toArray());
        y.sum().backward();
        assertEquals(1, calls.get());
        assertArrayEquals(new float[] {9, 9}, x.grad().toArray());
    }

    @Test
    void aHookRemovedByAnEarlierHookStillRunsInThatPass() {
        Tensor x = leaf(1f);
        List<String> calls = new ArrayList<>();
        AtomicReference<Hook.Handle> second = new AtomicReference<>();
        x.registerHook(g -> {
            calls.add("first");
            second.get().remove();
            return null;
        });
        second.set(x.registerHook(g -> {
            calls.add("second");
            return null;
        }));
        x.mul(2f).sum().backward();
        x.mul(2f).sum().backward();
        assertEquals(List.of("first", "second", "first"), calls);
    }

    @Test
    void aHandleRemovesItsOwnRegistrationOnceOnly() {
        Tensor x = leaf(1f);
        AtomicInteger calls = new AtomicInteger();
        Hook count = g -> {
            calls.incrementAndGet();
            return null;
        };
        Hook.Handle first = x.registerHook(count);
        x.registerHook(count);
        first.remove();
        first.remove();
        x.mul(2f).sum().backward();
        assertEquals(1, calls.get());
    }

    @Test
    void aLeafHookRunsOnceWithTheSummedGradientOfEveryUse() {
        Tensor x = leaf(1, 2);
        List<float[]> seen = new ArrayList<>();
        x.registerHook(g -> {
            seen.add(g.toArray());
            return null;
        });
        x.mul(2f).add(x.mul(3f)).add(x.square()).sum().backward();
        assertEquals(1, seen.size());
        assertArrayEquals(new float[] {7, 9}, seen.get(0));
        assertArrayEquals(new float[] {7, 9}, x.grad().toArray());
    }

    @Test
    void retainGradTwiceKeepsTheGradientOnceAndSeesLaterHooks() {
        Tensor x = leaf(1, 2);
        Tensor h = x.mul(3f).retainGrad().retainGrad();
        h.registerHook(g -> g.mul(2f));
        h.mul(5f).sum().backward();
        assertArrayEquals(new float[] {10, 10}, h.grad().toArray());
        assertArrayEquals(new float[] {30, 30}, x.grad().toArray());
    }

    @Test
    void aNullHookIsRefusedWhenRegistered() {
        Tensor x = leaf(1f);
        assertEquals(
                "registerHook: hook is null",
                assertThrows(IllegalArgumentException.class, () -> x.registerHook(null))
                        .getMessage());
        assertEquals(
                "registerHook: hook is null",
                assertThrows(IllegalArgumentException.class, () -> x.exp().registerHook(null))
                        .getMessage());
    }
}
