package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A backward pass closes the gradients it has used up, so their buffers serve the next results of
 * their size, and never one that something else can still reach.
 */
class GradientReleaseTest {
    /** A size no other test on the thread uses, so the kept bytes are this test's. */
    private static final int N = 7919;

    @Test
    void usedUpIntermediateGradientsAreRecycled() {
        Tensor x = Tensor.randn(new Generator(1), N).requiresGrad(true);
        long before = Storage.recycledBytes();
        x.mul(2f).exp().mul(3f).tanh().sum().backward();
        assertTrue(Storage.recycledBytes() >= before + 4L * N, "at least one [N] gradient was recycled");
        Tensor y = Tensor.randn(new Generator(1), N).requiresGrad(true);
        y.mul(2f).exp().mul(3f).tanh().sum().backward();
        assertArrayEquals(x.grad().toArray(), y.grad().toArray(), "a recycled buffer gives the same gradients");
    }

    @Test
    void gradientsSeenByHooksAndRetainedGradientsStayUsable() {
        Tensor x = Tensor.randn(new Generator(2), N).requiresGrad(true);
        Tensor hidden = x.mul(2f).exp();
        hidden.retainGrad();
        List<Tensor> seen = new ArrayList<>();
        Tensor h2 = hidden.mul(3f);
        h2.registerHook(g -> {
            seen.add(g);
            return null;
        });
        h2.tanh().sum().backward();
        assertFalse(hidden.grad().isClosed());
        assertFalse(seen.get(0).isClosed());
        assertEquals(N, seen.get(0).numel());
        float[] expected = seen.get(0).mul(3f).toArray();
        assertArrayEquals(expected, hidden.grad().toArray(), 1e-6f);
    }

    @Test
    void aGradientSentToSeveralNodesLivesUntilTheLastUsesIt() {
        Tensor a = Tensor.randn(new Generator(3), N).requiresGrad(true);
        Tensor b = Tensor.randn(new Generator(4), N).requiresGrad(true);
        // add's backward sends the same gradient to both branches
        Tensor s = a.exp().add(b.sigmoid());
        s.mul(s).sum().backward();
        Tensor a2 = a.detach().clone().requiresGrad(true);
        Tensor b2 = b.detach().clone().requiresGrad(true);
        Tensor s2 = a2.exp().add(b2.sigmoid());
        Tensor g = s2.detach().mul(2f);
        float[] wantA = g.mul(a2.detach().exp()).toArray();
        Tensor sig = b2.detach().sigmoid();
        float[] wantB = g.mul(sig).mul(sig.neg().add(1f)).toArray();
        assertArrayEquals(wantA, a.grad().toArray(), 1e-4f);
        assertArrayEquals(wantB, b.grad().toArray(), 1e-5f);
    }

    @Test
    void leafGradientsAndTheCallersGradientAreNeverClosed() {
        Tensor x = Tensor.randn(new Generator(5), N).requiresGrad(true);
        Tensor g = Tensor.ones(N);
        x.mul(2f).backward(g);
        assertFalse(g.isClosed());
        assertFalse(x.grad().isClosed());
        x.mul(2f).backward(g);
        assertFalse(x.grad().isClosed());
        assertEquals(4f, x.grad().toArray()[0]);
    }
}
