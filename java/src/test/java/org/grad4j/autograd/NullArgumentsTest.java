package org.grad4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Null where a tensor is expected gets PyTorch's meaning or a message, never a NullPointerException. */
class NullArgumentsTest {
    private static Tensor leaf(float... values) {
        return Tensor.of(values, values.length).requiresGrad(true);
    }

    @Test
    void backwardOfNullOnAOneElementTensorIsBackwardOfOne() {
        Tensor x = leaf(1, 2);
        x.mul(3f).sum().backward(null);
        assertArrayEquals(new float[] {3, 3}, x.grad().toArray());
        x.square().sum().reshape(1, 1).backward(null, false);
        assertArrayEquals(new float[] {5, 7}, x.grad().toArray());
        Tensor scalarLeaf = Tensor.scalar(4f).requiresGrad(true);
        scalarLeaf.backward(null);
        assertEquals(1f, scalarLeaf.grad().item());
    }

    @Test
    void backwardOfNullOnALargerTensorNamesItsShape() {
        Tensor x = Tensor.ones(2, 3).requiresGrad(true);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> x.mul(2f).backward(null));
        assertEquals(
                "backward: grad can be implicitly created only for one-element tensors, got shape [2, 3]; pass a"
                        + " gradient",
                e.getMessage());
        assertNull(x.grad());
    }

    @Test
    void aFunctionWhoseForwardReturnsNullIsNamed() {
        Function nothing = new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return null;
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor grad) {
                return new Tensor[] {grad};
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> nothing.apply(leaf(1f)));
        assertEquals("NullArgumentsTest$1: forward returned null; it must return the output tensor", e.getMessage());
    }

    @Test
    void anAnonymousFunctionIsNamedByItsBinaryName() {
        Function identity = new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].clone();
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor grad) {
                return new Tensor[] {grad};
            }
        };
        Tensor y = identity.apply(leaf(1f));
        assertEquals("NullArgumentsTest$2", y.gradFn().name());
        assertEquals("NullArgumentsTest$2Backward", y.gradFn().toString());
    }
}
