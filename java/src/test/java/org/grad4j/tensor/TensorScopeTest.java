package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.nn.BatchNorm1d;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.junit.jupiter.api.Test;

class TensorScopeTest {
    @Test
    void tensorsMadeInsideAreReleasedAndSaySoWhenUsed() {
        Tensor outside = Tensor.ones(3);
        Tensor inside;
        Tensor view;
        try (TensorScope scope = TensorScope.open()) {
            inside = outside.mul(2f);
            view = outside.reshape(1, 3);
            scope.close();
            assertTrue(scope.releasedBytes() >= 12, "the product at least");
        }
        assertTrue(inside.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, inside::toArray);
        assertTrue(e.getMessage().contains("TensorScope.keep"), e.getMessage());
        assertFalse(outside.isClosed(), "made outside");
        assertArrayEquals(new float[] {1, 1, 1}, view.toArray(), "a view of memory made outside");
    }

    @Test
    void anOpenScopeDoesNotKeepUnreachableTensorsAlive() {
        try (TensorScope scope = TensorScope.open()) {
            WeakReference<Object> memory = unreachableIntermediate();
            for (int i = 0; i < 10 && memory.get() != null; i++) {
                System.gc();
            }
            assertTrue(memory.get() == null, "the scope still holds an intermediate nothing else reaches");
        }
    }

    private static WeakReference<Object> unreachableIntermediate() {
        Tensor intermediate = Tensor.ones(1 << 20).mul(2f);
        return new WeakReference<>(TensorInternals.storage(intermediate));
    }

    @Test
    void keptTensorsAndTheirViewsOutliveTheScope() {
        Tensor kept;
        Tensor view;
        try (TensorScope scope = TensorScope.open()) {
            kept = scope.keep(Tensor.ones(2, 2).add(1f));
            view = kept.t();
        }
        assertArrayEquals(new float[] {2, 2, 2, 2}, view.toArray());
    }

    @Test
    void whatLongLivedObjectsHoldIsLeftAlone() {
        Module model;
        Optimizer adam;
        Tensor x = Tensor.randn(new Generator(1), 4, 3);
        try (TensorScope scope = TensorScope.open()) {
            model = new Sequential(new Linear(3, 5), new BatchNorm1d(5), new ReLU(), new Linear(5, 1));
            adam = new Adam(model.parameters(), 0.01);
            model.forward(x).sum().backward();
            adam.step();
        }
        // parameters, buffers, leaf gradients and the optimizer's state made inside are all usable
        model.forward(x).sum().backward();
        adam.step();
        for (Tensor p : model.parameters()) {
            assertFalse(p.isClosed());
            assertFalse(p.grad().isClosed());
        }
        model.namedBuffers().values().forEach(b -> assertFalse(b.isClosed()));
    }

    @Test
    void gradientsZeroGradClearsInsideAScopeAreReleasedWithIt() {
        Tensor w = Tensor.ones(3).requiresGrad(true);
        Optimizer adam = new Adam(List.of(w), 0.01);
        w.mul(2f).sum().backward();
        Tensor cleared = w.grad();
        adam.zeroGrad();
        assertFalse(cleared.isClosed(), "without a scope the garbage collector frees it");
        w.mul(2f).sum().backward();
        cleared = w.grad();
        try (TensorScope scope = TensorScope.open()) {
            adam.zeroGrad();
            assertArrayEquals(new float[] {2, 2, 2}, cleared.toArray(), "usable until the scope closes");
        }
        assertTrue(cleared.isClosed());
        assertEquals(null, w.grad());
    }

    @Test
    void trainingInScopesGivesTheSameParametersAsWithout() {
        List<float[]> results = new ArrayList<>();
        for (boolean scoped : new boolean[] {false, true}) {
            Generator.manualSeed(3);
            Module model = new Sequential(new Linear(6, 8), new ReLU(), new Linear(8, 2));
            Optimizer adam = new Adam(model.parameters(), 0.01);
            Tensor x = Tensor.randn(new Generator(4), 16, 6);
            Tensor target = Tensor.randn(new Generator(5), 16, 2);
            for (int step = 0; step < 20; step++) {
                TensorScope scope = scoped ? TensorScope.open() : null;
                Tensor d = model.forward(x).sub(target);
                Tensor loss = d.mul(d).mean();
                adam.zeroGrad();
                loss.backward();
                adam.step();
                if (scope != null) {
                    scope.close();
                    assertTrue(scope.releasedBytes() > 0);
                }
            }
            results.add(model.parameters().get(0).toArray());
        }
        assertArrayEquals(results.get(0), results.get(1));
    }

    @Test
    void scopesNestAndBelongToTheirThread() throws InterruptedException {
        Tensor inner;
        Tensor outer;
        try (TensorScope a = TensorScope.open()) {
            outer = Tensor.ones(2).mul(3f);
            TensorScope b = TensorScope.open();
            inner = Tensor.ones(2).mul(4f);
            IllegalStateException early = assertThrows(IllegalStateException.class, a::close);
            assertTrue(early.getMessage().contains("still open"), early.getMessage());
            b.close();
            assertTrue(inner.isClosed());
            assertFalse(outer.isClosed());

            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    a.close();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            other.start();
            other.join();
            assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        }
        assertTrue(outer.isClosed());
    }
}
