package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Views of one intermediate tensor (select, narrow, slice: a sequence read step by step, gates cut
 * from one projection) send their gradients into one buffer of the tensor's size, in place; the
 * sums must be those that separate zero-padded gradients would give.
 */
class ViewGradientSumTest {
    private static final float[] WEIGHTS = {0.5f, -1f, 2f, 3f, -0.25f};

    /** x [5, 3, 4] → 2·x, read step by step along dim 0; step t weighted by WEIGHTS[t]. */
    @Test
    void stepsOfASequenceEachGetTheirOwnGradient() {
        Tensor x = Tensor.randn(new Generator(1), 5, 3, 4).requiresGrad(true);
        Tensor doubled = x.mul(2f);
        Tensor loss = Tensor.zeros();
        for (int t = 0; t < 5; t++) {
            loss = loss.add(doubled.select(0, t).mul(WEIGHTS[t]).sum());
        }
        loss.backward();
        float[] expected = new float[60];
        for (int i = 0; i < 60; i++) {
            expected[i] = 2 * WEIGHTS[i / 12];
        }
        assertArrayEquals(expected, x.grad().toArray(), 0f);
    }

    @Test
    void overlappingViewsAndOtherUsesAddUp() {
        Tensor x = Tensor.randn(new Generator(2), 6, 2).requiresGrad(true);
        Tensor h = x.mul(1f);
        Tensor loss = h.narrow(0, 0, 4)
                .sum()
                .add(h.narrow(0, 2, 4).mul(3f).sum())
                .add(h.slice(0, 1, 6, 2).mul(10f).sum())
                .add(h.mul(100f).sum());
        loss.backward();
        float[] expected = new float[12];
        for (int row = 0; row < 6; row++) {
            float g = 100 + (row < 4 ? 1 : 0) + (row >= 2 ? 3 : 0) + (row % 2 == 1 ? 10 : 0);
            expected[2 * row] = g;
            expected[2 * row + 1] = g;
        }
        assertArrayEquals(expected, x.grad().toArray(), 0f);
    }

    @Test
    void oneGradientSentToTwoViewsIsNotChanged() {
        Tensor x = Tensor.randn(new Generator(3), 2, 3).requiresGrad(true);
        Tensor h = x.mul(1f);
        Tensor y = h.select(0, 0).add(h.select(0, 1));
        Tensor z = y.mul(Tensor.of(new float[] {1, 2, 3}, 3));
        z.sum().backward();
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, x.grad().toArray(), 0f);
    }

    @Test
    void aHookOnTheSlicedTensorSeesTheWholeSum() {
        Tensor x = Tensor.randn(new Generator(4), 3, 2).requiresGrad(true);
        Tensor h = x.mul(1f);
        float[][] seen = new float[1][];
        h.registerHook(g -> {
            seen[0] = g.toArray();
            return null;
        });
        h.select(0, 0).sum().add(h.select(0, 2).mul(2f).sum()).backward();
        assertArrayEquals(new float[] {1, 1, 0, 0, 2, 2}, seen[0], 0f);
        assertArrayEquals(new float[] {1, 1, 0, 0, 2, 2}, x.grad().toArray(), 0f);
    }

    /**
     * Add's backward sends one gradient object to both its inputs, here h and a tensor made from h;
     * a view of h must not write into it. Every order of the operands is tried, so that the view's
     * backward runs between the add's and the other input's in one of them.
     */
    @Test
    void aGradientAnotherTensorSharesIsNotWrittenInPlace() {
        for (int order = 0; order < 4; order++) {
            Tensor x = Tensor.ones(2, 2).requiresGrad(true);
            Tensor h = x.mul(1f);
            Tensor copy = h.mul(1f);
            Tensor sum = (order & 1) == 0 ? h.add(copy) : copy.add(h);
            Tensor both = sum.mul(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2)).sum();
            Tensor view = h.select(0, 0).mul(10f).sum();
            ((order & 2) == 0 ? view.add(both) : both.add(view)).backward();
            assertArrayEquals(new float[] {12, 14, 6, 8}, x.grad().toArray(), 0f, "order " + order);
        }
    }
}
