package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CustomFunctionTest {
    /** x³ with its hand-written derivative. */
    static final class Cube extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return in[0].mul(in[0]).mul(in[0]);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor grad) {
            Tensor x = ctx.saved(0);
            return new Tensor[] {grad.mul(x.square().mul(3f))};
        }
    }

    /** A function whose backward is deliberately wrong, to show gradcheck catches it. */
    static final class WrongCube extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return in[0].pow(3f);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor grad) {
            return new Tensor[] {grad.mul(ctx.saved(0).square().mul(2f))};
        }
    }

    @Test
    void userFunctionJoinsTheGraph() {
        Tensor x = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        Tensor y = new Cube().apply(x).sum();
        y.backward();
        assertArrayEquals(new float[] {3, 12}, x.grad().toArray());
        assertTrue(new Cube().apply(x).gradFn().name().equals("Cube"));
    }

    @Test
    void gradcheckPassesForACorrectFunction() {
        Tensor x = Tensor.randn(new Generator(3), 4, 5).requiresGrad(true);
        GradCheck.check(in -> new Cube().apply(in[0]), x);
    }

    @Test
    void gradcheckCatchesAWrongBackward() {
        Tensor x = Tensor.randn(new Generator(4), 6).requiresGrad(true);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> GradCheck.check(in -> new WrongCube().apply(in[0]), x));
        assertTrue(e.getMessage().contains("analytic"), e.getMessage());
    }

    @Test
    void backwardMustReturnOneGradientPerInput() {
        Function bad = new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].add(in[1]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor grad) {
                return new Tensor[] {grad};
            }
        };
        Tensor a = Tensor.ones(2).requiresGrad(true);
        Tensor y = bad.apply(a, Tensor.ones(2)).sum();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals(
                "CustomFunctionTest$1Backward returned an incorrect number of gradients (expected 2, one per"
                        + " input, got 1)",
                e.getMessage());
    }

    @Test
    void gradientOfTheWrongShapeIsReported() {
        Function bad = new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].mul(2f);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor grad) {
                return new Tensor[] {grad.sum()};
            }
        };
        Tensor a = Tensor.ones(3).requiresGrad(true);
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> bad.apply(a).sum().backward());
        assertEquals(
                "CustomFunctionTest$2Backward returned an invalid gradient for input 0: shape [], expected [3]"
                        + " (the input's shape)",
                e.getMessage());
    }
}
