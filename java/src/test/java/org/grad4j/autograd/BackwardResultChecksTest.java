package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.BiFunction;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The gradients hooks and user functions hand back are checked, not broadcast: one per input,
 * present where the input requires grad, of the input's (or the hook's gradient's) shape.
 */
class BackwardResultChecksTest {
    private static Tensor leaf(float... values) {
        return Tensor.of(values, values.length).requiresGrad(true);
    }

    /** 2·in[0] (+ in[1] when given), with the backward the test supplies. */
    static final class Scripted extends Function {
        private final BiFunction<Tensor, Context, Tensor[]> backward;

        Scripted(BiFunction<Tensor, Context, Tensor[]> backward) {
            this.backward = backward;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return in.length == 1 ? in[0].mul(2f) : in[0].mul(2f).add(in[1]);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor grad) {
            return backward.apply(grad, ctx);
        }
    }

    private static String failure(Runnable backward) {
        return assertThrows(IllegalStateException.class, backward::run).getMessage();
    }

    @Test
    void aLeafHookReturningAnotherShapeIsReportedWithBothShapes() {
        Tensor x = leaf(1, 2, 3);
        x.registerHook(g -> Tensor.ones(2, 3));
        assertEquals(
                "hook 1 on a leaf of shape [3] returned a gradient of shape [2, 3] for a gradient of shape [3];"
                        + " a hook returns null or a tensor of the gradient's shape",
                failure(() -> x.mul(2f).sum().backward()));
        assertNull(x.grad());
    }

    @Test
    void aLeafHookReturningABroadcastableShapeIsNotBroadcastIntoTheGrad() {
        Tensor x = leaf(1, 2, 3);
        x.mul(2f).sum().backward();
        x.registerHook(g -> g.sum().reshape(1));
        assertEquals(
                "hook 1 on a leaf of shape [3] returned a gradient of shape [1] for a gradient of shape [3];"
                        + " a hook returns null or a tensor of the gradient's shape",
                failure(() -> x.mul(2f).sum().backward()));
        assertArrayEquals(new float[] {2, 2, 2}, x.grad().toArray());
    }

    @Test
    void aNonLeafHookReturningAnotherShapeNamesTheNodeAndTheHook() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(Tensor.of(new float[] {4, 5, 6}, 3));
        y.registerHook(g -> null);
        y.registerHook(g -> Tensor.ones(2, 3));
        assertEquals(
                "hook 2 on the output of MulBackward returned a gradient of shape [2, 3] for a gradient of shape"
                        + " [3]; a hook returns null or a tensor of the gradient's shape",
                failure(() -> y.sum().backward()));
        assertNull(x.grad());
    }

    @Test
    void aFunctionGradientOfAnotherShapeNamesTheFunctionAndBothShapes() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = new Scripted((g, ctx) -> new Tensor[] {Tensor.ones(3, 3)})
                .apply(x.mul(3f))
                .sum();
        assertEquals(
                "ScriptedBackward returned an invalid gradient for input 0: shape [3, 3], expected [3]"
                        + " (the input's shape)",
                failure(y::backward));
        assertNull(x.grad());
    }

    @Test
    void aFunctionReturningTooFewOrNoGradientsIsReported() {
        Tensor a = leaf(1, 2);
        Tensor b = leaf(3, 4);
        Tensor tooFew = new Scripted((g, ctx) -> new Tensor[] {g}).apply(a, b).sum();
        assertEquals(
                "ScriptedBackward returned an incorrect number of gradients (expected 2, one per input, got 1)",
                failure(tooFew::backward));
        Tensor none = new Scripted((g, ctx) -> null).apply(a).sum();
        assertEquals(
                "ScriptedBackward returned null instead of 1 gradient(s), one per input (null only where an input"
                        + " needs no gradient)",
                failure(none::backward));
    }

    @Test
    void nullIsRefusedWhereAGradientIsRequiredAndAllowedWhereNot() {
        Tensor a = leaf(1, 2);
        Tensor required = new Scripted((g, ctx) -> new Tensor[] {null, g})
                .apply(a, leaf(3, 4))
                .sum();
        assertEquals(
                "ScriptedBackward returned null as the gradient of input 0 (shape [2]), which requires grad;"
                        + " return zeros of that shape for a zero gradient",
                failure(required::backward));
        Tensor constant = Tensor.of(new float[] {3, 4}, 2);
        Tensor y =
                new Scripted((g, ctx) -> new Tensor[] {g.mul(2f), ctx.needsInputGrad(1) ? g : null}).apply(a, constant);
        assertArrayEquals(new float[] {5, 8}, y.toArray());
        y.sum().backward();
        assertArrayEquals(new float[] {2, 2}, a.grad().toArray());
    }

    @Test
    void whereGivesAConditionThatRequiresGradAZeroGradient() {
        Tensor cond = leaf(1, 0, 1);
        Tensor a = leaf(1, 2, 3);
        Tensor y = Tensor.where(cond, a, Tensor.zeros(3));
        assertArrayEquals(new float[] {1, 0, 3}, y.toArray());
        y.sum().backward();
        assertArrayEquals(new float[] {1, 0, 1}, a.grad().toArray());
        assertArrayEquals(new float[] {0, 0, 0}, cond.grad().toArray());
    }
}
