package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A leaf may keep a gradient buffer the backward pass made instead of copying it; these are the
 * cases where it must copy, because something else still sees that buffer.
 */
class GradientOwnershipTest {
    private static Tensor leaf(float... values) {
        return Tensor.of(values, values.length).requiresGrad(true);
    }

    @Test
    void oneGradientReachingTwoLeavesGivesEachItsOwn() {
        Tensor a = leaf(0, 1);
        Tensor b = leaf(1, 0);
        a.add(b).exp().sum().backward();
        assertNotSame(TensorInternals.storage(a.grad()), TensorInternals.storage(b.grad()));
        float[] bGrad = b.grad().toArray();
        a.mul(2f).sum().backward();
        assertArrayEquals(bGrad, b.grad().toArray());
        assertArrayEquals(
                new float[] {(float) Math.E + 2, (float) Math.E + 2}, a.grad().toArray(), 1e-6f);
    }

    @Test
    void theCallersGradientIsNeverKept() {
        Tensor x = Tensor.zeros(2, 2).requiresGrad(true);
        Tensor g = Tensor.of(new float[] {1, 2, 3, 4}, 4);
        x.reshape(4).backward(g);
        g.mul_(10f);
        assertArrayEquals(new float[] {1, 2, 3, 4}, x.grad().toArray());
    }

    @Test
    void aGradientAlsoWaitingAtAnotherNodeIsCopied() {
        // a + p sends one gradient to the leaf a and to p's node, which waits for a·p as well,
        // whose gradient for a is added into a.grad first.
        for (boolean productFirst : new boolean[] {false, true}) {
            Tensor a = leaf(0.5f, -1);
            Tensor p = a.exp();
            Tensor shared = a.add(p).exp().sum();
            Tensor product = a.mul(p).sum();
            (productFirst ? product.add(shared) : shared.add(product)).backward();
            for (int i = 0; i < 2; i++) {
                double x = new float[] {0.5f, -1}[i];
                double expected = Math.exp(x + Math.exp(x)) * (1 + Math.exp(x)) + Math.exp(x) * (1 + x);
                double got = a.grad().toArray()[i];
                assertTrue(Math.abs(got - expected) < 1e-5 * Math.abs(expected), got + " vs " + expected);
            }
        }
    }

    @Test
    void aGradientSeenByAHookIsCopied() {
        Tensor x = leaf(1, 2);
        List<Tensor> seen = new ArrayList<>();
        x.registerHook(g -> {
            seen.add(g);
            return null;
        });
        x.exp().sum().backward();
        x.exp().sum().backward();
        assertArrayEquals(x.exp().toArray(), seen.get(0).toArray());
        assertArrayEquals(x.exp().mul(2f).toArray(), x.grad().toArray(), 1e-6f);
    }

    @Test
    void aKeptGradientHasTheLeafsValuesAndLayout() {
        Tensor x = Tensor.randn(new Generator(0), 5, 3);
        Tensor w = Tensor.randn(new Generator(1), 4, 3).requiresGrad(true);
        x.linear(w, null).sum().backward();
        assertTrue(w.grad().isContiguous());
        assertArrayEquals(x.sum(0).expand(4, 3).contiguous().toArray(), w.grad().toArray(), 1e-5f);
    }
}
