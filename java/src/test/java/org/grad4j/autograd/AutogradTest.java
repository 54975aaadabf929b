package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AutogradTest {
    private static Tensor leaf(float... values) {
        return Tensor.of(values, values.length).requiresGrad(true);
    }

    @Test
    void gradientsAccumulateOverBackwardCalls() {
        Tensor x = leaf(1, 2, 3);
        x.mul(2f).sum().backward();
        x.mul(3f).sum().backward();
        assertArrayEquals(new float[] {5, 5, 5}, x.grad().toArray());
        x.setGrad(null);
        x.square().sum().backward();
        assertArrayEquals(new float[] {2, 4, 6}, x.grad().toArray());
    }

    @Test
    void secondBackwardWithoutRetainGraphFails() {
        Tensor x = leaf(1, 2);
        Tensor y = x.exp().sum();
        y.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("second time"), e.getMessage());
        assertTrue(e.getMessage().contains("retainGraph"), e.getMessage());
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        Tensor x = leaf(0.5f);
        Tensor y = x.exp().sum();
        y.backward(Tensor.scalar(1f), true);
        y.backward(Tensor.scalar(1f), true);
        assertEquals(2 * Math.exp(0.5), x.grad().item(), 1e-5);
    }

    @Test
    void detachCutsTheGraphButSharesValues() {
        Tensor x = leaf(1, 2);
        Tensor d = x.mul(2f).detach();
        assertFalse(d.requiresGrad());
        assertNull(d.gradFn());
        Tensor y = x.mul(d).sum();
        y.backward();
        assertArrayEquals(new float[] {2, 4}, x.grad().toArray());
    }

    @Test
    void noGradScopeRecordsNothingAndRestoresTheMode() {
        Tensor x = leaf(1, 2);
        try (Scope ignored = GradMode.noGrad()) {
            Tensor y = x.mul(2f);
            assertFalse(y.requiresGrad());
            try (Scope inner = GradMode.enableGrad()) {
                assertTrue(x.mul(2f).requiresGrad());
            }
            assertFalse(GradMode.isEnabled());
        }
        assertTrue(GradMode.isEnabled());
        assertTrue(x.mul(2f).requiresGrad());
    }

    @Test
    void modifyingASavedTensorInPlaceFailsBackward() {
        Tensor x = leaf(1, 2);
        Tensor w = Tensor.of(new float[] {3, 4}, 2);
        Tensor y = x.mul(w).sum();
        w.mul_(2f);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("modified by an in-place operation"), e.getMessage());
        assertTrue(e.getMessage().startsWith("mul: "), e.getMessage());
    }

    @Test
    void closingASavedTensorFailsBackwardNamingTheOp() {
        Tensor x = leaf(1, 2);
        Tensor w = Tensor.of(new float[] {3, 4}, 2);
        Tensor y = x.mul(w).sum();
        w.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals("mul: a tensor of shape [2] saved for backward was closed before backward", e.getMessage());
    }

    @Test
    void inPlaceOnALeafThatRequiresGradIsRejectedOutsideNoGrad() {
        Tensor x = leaf(1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.add_(Tensor.ones(2)));
        assertTrue(e.getMessage().contains("add_"), e.getMessage());
        try (Scope ignored = GradMode.noGrad()) {
            x.add_(Tensor.ones(2));
        }
        assertArrayEquals(new float[] {2, 3}, x.toArray());
    }

    @Test
    void hooksSeeAndReplaceGradients() {
        Tensor x = leaf(1, 2);
        List<float[]> seen = new ArrayList<>();
        x.registerHook(g -> {
            seen.add(g.toArray());
            return g.mul(10f);
        });
        Tensor h = x.mul(3f);
        Hook.Handle handle = h.registerHook(g -> g.add(1f));
        h.sum().backward();
        assertArrayEquals(new float[] {6, 6}, seen.get(0));
        assertArrayEquals(new float[] {60, 60}, x.grad().toArray());
        handle.remove();
        x.setGrad(null);
        x.mul(3f).sum().backward();
        assertArrayEquals(new float[] {30, 30}, x.grad().toArray());
    }

    @Test
    void retainGradKeepsANonLeafGradient() {
        Tensor x = leaf(1, 2);
        Tensor h = x.mul(3f).retainGrad();
        h.square().sum().backward();
        assertArrayEquals(new float[] {6, 12}, h.grad().toArray());
        assertArrayEquals(new float[] {18, 36}, x.grad().toArray());
    }

    @Test
    void backwardNeedsAOneElementOutputOrAGradient() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, y::backward);
        assertTrue(e.getMessage().contains("[2]"), e.getMessage());
        y.backward(Tensor.of(new float[] {1, 10}, 2));
        assertArrayEquals(new float[] {2, 20}, x.grad().toArray());
        IllegalArgumentException shape =
                assertThrows(IllegalArgumentException.class, () -> x.mul(2f).backward(Tensor.ones(3)));
        assertTrue(shape.getMessage().contains("does not match"), shape.getMessage());
    }

    @Test
    void backwardOnATensorWithoutGradFails() {
        Tensor x = Tensor.ones(2);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> x.sum().backward());
        assertTrue(e.getMessage().contains("does not require grad"), e.getMessage());
    }

    @Test
    void leafGradientIsAPrivateCopy() {
        Tensor a = leaf(1, 2);
        Tensor b = leaf(3, 4);
        a.add(b).sum().backward();
        assertFalse(TensorInternals.storage(a.grad()) == TensorInternals.storage(b.grad()));
    }

    @Test
    void gradFnNamesTheOpAndLinksToInputs() {
        Tensor x = leaf(1, 2);
        Tensor y = x.exp().mul(2f);
        assertEquals("mul", y.gradFn().name());
        assertEquals("exp", y.gradFn().nextFunctions().get(0).name());
        assertTrue(x.isLeaf());
        assertFalse(y.isLeaf());
        assertTrue(y.toString().contains("gradFn=MulBackward"), y.toString());
    }

    @Test
    void deepChainsDoNotOverflowTheStack() {
        Tensor x = leaf(1f);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) {
            y = y.mul(1f);
        }
        y.sum().backward();
        assertEquals(1f, x.grad().item());
    }

    @Test
    void functionInstancesRecordOneCall() {
        Function f = new org.grad4j.internal.ops.Exp();
        f.apply(Tensor.ones(1));
        assertThrows(IllegalStateException.class, () -> f.apply(Tensor.ones(1)));
    }

    @Test
    void contiguousOfAContiguousTensorIsItselfButAnIdentityReshapeIsANewNode() {
        Tensor x = leaf(1, 2);
        Tensor y = x.contiguous();
        assertSame(x, y);
        Tensor z = x.reshape(2);
        assertFalse(z == x);
        assertEquals("reshape", z.gradFn().name());
    }
}
