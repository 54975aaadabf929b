package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.grad4j.internal.tensor.TensorInternals;
import org.junit.jupiter.api.Test;

class TensorCloseTest {
    @Test
    void aClosedTensorAndItsViewsFailWhenUsed() {
        Tensor t = Tensor.arange(6).reshape(2, 3).contiguous();
        Tensor view = t.t();
        Tensor other = Tensor.ones(2, 3);
        t.close();
        assertTrue(t.isClosed());
        assertTrue(view.isClosed());
        assertFalse(other.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, view::toArray);
        assertTrue(e.getMessage().contains("used after close()"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> t.add(other));
        assertThrows(IllegalStateException.class, () -> other.add(t));
        assertThrows(IllegalStateException.class, () -> t.get(0, 0));
        assertEquals("tensor(closed, shape=[3, 2])", view.toString());
        t.close();
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, other.toArray());
    }

    @Test
    void tryWithResourcesClosesTheResult() {
        Tensor a = Tensor.ones(2, 2);
        Tensor kept;
        try (Tensor b = a.mul(3)) {
            assertEquals(12f, b.sum().item());
            kept = b;
        }
        assertTrue(kept.isClosed());
        assertFalse(a.isClosed());
    }

    @Test
    void aReleasedBufferServesTheThreadsNextTensorOfItsSizeAsZeros() {
        Tensor t = Tensor.full(7f, 4, 4);
        float[] buffer = TensorInternals.data(t);
        t.close();
        Tensor otherSize = Tensor.zeros(15);
        assertNotSame(buffer, TensorInternals.data(otherSize));
        Tensor sameSize = Tensor.zeros(2, 8);
        assertSame(buffer, TensorInternals.data(sameSize));
        assertArrayEquals(new float[16], sameSize.toArray());
        assertNotSame(buffer, TensorInternals.data(Tensor.zeros(16)), "one buffer serves one tensor");
    }

    @Test
    void aWrappedArrayIsNeverHandedToAnotherTensor() {
        float[] mine = new float[16];
        Tensor wrapped = Tensor.wrap(mine, 4, 4);
        wrapped.close();
        assertTrue(wrapped.isClosed());
        assertNotSame(mine, TensorInternals.data(Tensor.zeros(4, 4)));
    }

    @Test
    void anotherThreadDoesNotGetThisThreadsBuffers() throws Exception {
        Tensor t = Tensor.zeros(33);
        float[] buffer = TensorInternals.data(t);
        t.close();
        float[] elsewhere = CompletableFuture.supplyAsync(() -> TensorInternals.data(Tensor.zeros(33)))
                .get();
        assertNotSame(buffer, elsewhere);
        assertSame(buffer, TensorInternals.data(Tensor.zeros(33)));
    }
}
