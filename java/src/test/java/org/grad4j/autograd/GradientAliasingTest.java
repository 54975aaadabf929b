package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A leaf's {@code grad} never shares storage with a tensor user code can hold: what a hook was
 * given or returned, what a user function was given or returned, the caller's gradient. Each case
 * sends that tensor through ops whose backward passes the gradient on unchanged, then writes to
 * one side and checks the other.
 */
class GradientAliasingTest {
    private static Tensor leaf(float... values) {
        return Tensor.of(values, values.length).requiresGrad(true);
    }

    /** Ops of a [4] tensor to a [4] tensor whose backward hands on the incoming gradient (or a view of it). */
    static Stream<Arguments> passThrough() {
        return Stream.of(
                Arguments.of("add", (UnaryOperator<Tensor>) t -> t.add(1f)),
                Arguments.of(
                        "reshape", (UnaryOperator<Tensor>) t -> t.reshape(2, 2).reshape(4)),
                Arguments.of("view", (UnaryOperator<Tensor>) t -> t.view(4, 1).flatten()),
                Arguments.of("clone", (UnaryOperator<Tensor>) Tensor::clone),
                Arguments.of("transpose", (UnaryOperator<Tensor>)
                        t -> t.reshape(2, 2).t().contiguous().t().reshape(4)),
                Arguments.of(
                        "unsqueeze", (UnaryOperator<Tensor>) t -> t.unsqueeze(0).squeeze(0)));
    }

    private static void assertSeparate(Tensor a, Tensor b) {
        assertNotSame(TensorInternals.storage(a), TensorInternals.storage(b));
        float[] before = b.toArray();
        a.zero_();
        assertArrayEquals(before, b.toArray(), "zeroing one changed the other");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passThrough")
    void aGradientANonLeafHookKeepsNeverBecomesTheLeafsGrad(String name, UnaryOperator<Tensor> op) {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor y = op.apply(op.apply(x));
        List<Tensor> seen = new ArrayList<>();
        y.registerHook(g -> {
            seen.add(g);
            return null;
        });
        y.mul(3f).sum().backward();
        assertArrayEquals(new float[] {3, 3, 3, 3}, x.grad().toArray());
        assertSeparate(x.grad(), seen.get(0));
        assertArrayEquals(new float[] {3, 3, 3, 3}, seen.get(0).toArray());
        op.apply(op.apply(x)).mul(3f).sum().backward();
        assertArrayEquals(new float[] {3, 3, 3, 3}, seen.get(0).toArray(), "accumulation wrote into the hook's tensor");
        assertArrayEquals(new float[] {3, 3, 3, 3}, x.grad().toArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passThrough")
    void aReplacementANonLeafHookKeepsNeverBecomesTheLeafsGrad(String name, UnaryOperator<Tensor> op) {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor y = op.apply(op.apply(x));
        Tensor replacement = Tensor.of(new float[] {5, 6, 7, 8}, 4);
        y.registerHook(g -> replacement);
        y.sum().backward();
        assertArrayEquals(new float[] {5, 6, 7, 8}, x.grad().toArray());
        assertSeparate(replacement, x.grad());
        assertArrayEquals(new float[] {0, 0, 0, 0}, replacement.toArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passThrough")
    void theCallersGradientNeverBecomesTheLeafsGrad(String name, UnaryOperator<Tensor> op) {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor gradient = Tensor.of(new float[] {1, -1, 2, -2}, 4);
        op.apply(x).backward(gradient);
        assertArrayEquals(new float[] {1, -1, 2, -2}, x.grad().toArray());
        assertSeparate(x.grad(), gradient);
        gradient.fill_(9f);
        assertArrayEquals(new float[] {0, 0, 0, 0}, x.grad().toArray());
    }

    /** The identity, whose backward keeps the gradient it was given and returns it. */
    static final class KeepingIdentity extends Function {
        Tensor given;

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return in[0].clone();
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor grad) {
            given = grad;
            return new Tensor[] {grad};
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passThrough")
    void aGradientAUserFunctionWasGivenAndReturnedNeverBecomesTheLeafsGrad(String name, UnaryOperator<Tensor> op) {
        Tensor x = leaf(1, 2, 3, 4);
        KeepingIdentity f = new KeepingIdentity();
        f.apply(op.apply(x)).mul(2f).sum().backward();
        assertArrayEquals(new float[] {2, 2, 2, 2}, x.grad().toArray());
        assertSeparate(x.grad(), f.given);
    }

    /** 2·x, with a backward that returns one cached buffer every time. */
    static final class CachedDouble extends Function {
        private final Tensor twos;

        CachedDouble(Tensor twos) {
            this.twos = twos;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            return in[0].mul(2f);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor grad) {
            return new Tensor[] {twos};
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passThrough")
    void aBufferAUserFunctionReturnsStaysItsOwnOverAccumulation(String name, UnaryOperator<Tensor> op) {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor twos = Tensor.full(2f, 4);
        for (int step = 1; step <= 3; step++) {
            new CachedDouble(twos).apply(op.apply(x)).sum().backward();
            assertArrayEquals(
                    new float[] {2 * step, 2 * step, 2 * step, 2 * step},
                    x.grad().toArray());
        }
        assertArrayEquals(new float[] {2, 2, 2, 2}, twos.toArray());
    }

    @Test
    void aGradientSentBothToALeafAndToAUserFunctionIsCopiedForTheLeaf() {
        Tensor a = leaf(1, 2, 3, 4);
        Tensor w = leaf(0, 0, 0, 0);
        KeepingIdentity f = new KeepingIdentity();
        a.add(f.apply(w)).mul(5f).sum().backward();
        assertArrayEquals(new float[] {5, 5, 5, 5}, a.grad().toArray());
        assertArrayEquals(new float[] {5, 5, 5, 5}, w.grad().toArray());
        assertSeparate(a.grad(), f.given);
        assertSeparate(w.grad(), f.given);
    }

    @Test
    void aGradientALeafHookKeepsIsNeitherTheGradNorWrittenByAccumulation() {
        Tensor x = leaf(1, 2, 3, 4);
        List<Tensor> seen = new ArrayList<>();
        x.registerHook(g -> {
            seen.add(g);
            return null;
        });
        x.reshape(2, 2).mul(3f).sum().backward();
        x.reshape(2, 2).mul(3f).sum().backward();
        assertArrayEquals(new float[] {6, 6, 6, 6}, x.grad().toArray());
        assertArrayEquals(new float[] {3, 3, 3, 3}, seen.get(0).toArray());
        assertSeparate(x.grad(), seen.get(1));
        assertSeparate(seen.get(0), x.grad());
    }

    @Test
    void aReplacementALeafHookKeepsIsNotTheGrad() {
        Tensor x = leaf(1, 2);
        Tensor replacement = Tensor.of(new float[] {7, 8}, 2);
        x.registerHook(g -> replacement);
        x.mul(3f).sum().backward();
        assertArrayEquals(new float[] {7, 8}, x.grad().toArray());
        assertSeparate(x.grad(), replacement);
    }

    @Test
    void aRetainedGradientIsSeparateFromTheLeafsGrad() {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor h = x.reshape(2, 2).retainGrad();
        h.reshape(4).mul(3f).sum().backward();
        assertArrayEquals(new float[] {3, 3, 3, 3}, h.grad().toArray());
        assertArrayEquals(new float[] {3, 3, 3, 3}, x.grad().toArray());
        assertSeparate(x.grad(), h.grad());
    }
}
