package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
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
        float[] buffer = t.storage().data();
        t.close();
        Tensor otherSize = Tensor.zeros(15);
        assertNotSame(buffer, otherSize.storage().data());
        Tensor sameSize = Tensor.zeros(2, 8);
        assertSame(buffer, sameSize.storage().data());
        assertArrayEquals(new float[16], sameSize.toArray());
        assertNotSame(buffer, Tensor.zeros(16).storage().data(), "one buffer serves one tensor");
    }

    @Test
    void aWrappedArrayIsNeverHandedToAnotherTensor() {
        float[] mine = new float[16];
        Tensor wrapped = Tensor.wrap(mine, 4, 4);
        wrapped.close();
        assertTrue(wrapped.isClosed());
        assertNotSame(mine, Tensor.zeros(4, 4).storage().data());
    }

    @Test
    void anotherThreadDoesNotGetThisThreadsBuffers() throws Exception {
        Tensor t = Tensor.zeros(33);
        float[] buffer = t.storage().data();
        t.close();
        float[] elsewhere = CompletableFuture.supplyAsync(
                        () -> Tensor.zeros(33).storage().data())
                .get();
        assertNotSame(buffer, elsewhere);
        assertSame(buffer, Tensor.zeros(33).storage().data());
    }

    @Test
    void theMostRecentlyReleasedBufferComesBackFirst() {
        RecycledArrays arrays = new RecycledArrays(1 << 20);
        float[] first = new float[8];
        float[] second = new float[8];
        arrays.keep(first);
        arrays.keep(second);
        assertEquals(64, arrays.keptBytes());
        assertSame(second, arrays.take(8));
        assertSame(first, arrays.take(8));
        assertEquals(0, arrays.keptBytes());
        assertNotSame(first, arrays.take(8));
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedSizesAreDropped() {
        RecycledArrays arrays = new RecycledArrays(100);
        float[] small = new float[4];
        float[] medium = new float[8];
        arrays.keep(small);
        arrays.keep(medium);
        assertEquals(48, arrays.keptBytes());
        float[] large = new float[16];
        arrays.keep(large);
        assertEquals(96, arrays.keptBytes(), "the oldest size, 4, is dropped to make room");
        assertNotSame(small, arrays.take(4));
        assertSame(medium, arrays.take(8));
        arrays.keep(new float[26]);
        assertEquals(64, arrays.keptBytes(), "a buffer larger than the capacity is not kept");
        float[] newer = new float[16];
        arrays.keep(newer);
        assertEquals(64, arrays.keptBytes(), "within a size, the oldest buffer is dropped");
        assertSame(newer, arrays.take(16));
        assertNotSame(large, arrays.take(16));
    }

    @Test
    void theCapacityIsAWholeNumberOfMegabytes() {
        assertEquals(64L << 20, RecycledArrays.capacityBytes("64"));
        assertEquals(0, RecycledArrays.capacityBytes(" 0 "));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RecycledArrays.capacityBytes("-1"));
        assertEquals("grad4j.recycledMegabytes must be a whole number of megabytes >= 0, got '-1'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecycledArrays.capacityBytes("1.5"));
    }

    @Test
    void withNoCapacityNothingIsKept() {
        RecycledArrays none = new RecycledArrays(0);
        float[] buffer = new float[4];
        none.keep(buffer);
        assertEquals(0, none.keptBytes());
        assertNotSame(buffer, none.take(4));
    }
}
