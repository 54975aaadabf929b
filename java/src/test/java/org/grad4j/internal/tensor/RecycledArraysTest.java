package org.grad4j.internal.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecycledArraysTest {
    @Test
    void theMostRecentlyReleasedBufferComesBackFirst() {
        RecycledArrays arrays = new RecycledArrays(1 << 20);
        float[] first = new float[8];
        float[] second = new float[8];
        arrays.keep(first);
        arrays.keep(second);
        assertEquals(64, arrays.keptBytes());
        assertSame(second, arrays.take(8, true));
        assertSame(first, arrays.take(8, true));
        assertEquals(0, arrays.keptBytes());
        assertNotSame(first, arrays.take(8, true));
    }

    @Test
    void aBufferForAKernelsOutputIsNotZeroed() {
        RecycledArrays arrays = new RecycledArrays(1 << 20);
        float[] used = {1, 2, 3};
        arrays.keep(used);
        assertSame(used, arrays.take(3, false));
        assertEquals(2f, used[1]);
        arrays.keep(used);
        assertSame(used, arrays.take(3, true));
        assertEquals(0f, used[1]);
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
        assertNotSame(small, arrays.take(4, true));
        assertSame(medium, arrays.take(8, true));
        arrays.keep(new float[26]);
        assertEquals(64, arrays.keptBytes(), "a buffer larger than the capacity is not kept");
        float[] newer = new float[16];
        arrays.keep(newer);
        assertEquals(64, arrays.keptBytes(), "within a size, the oldest buffer is dropped");
        assertSame(newer, arrays.take(16, true));
        assertNotSame(large, arrays.take(16, true));
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
        assertNotSame(buffer, none.take(4, true));
    }

    @Test
    void aBufferReleasedOnAnotherThreadGoesBackToItsThread() throws InterruptedException {
        RecycledArrays arrays = new RecycledArrays(1 << 20);
        float[] buffer = {1, 2, 3};
        Thread other = new Thread(() -> arrays.give(buffer));
        other.start();
        other.join();
        assertSame(buffer, arrays.take(3, false));
    }

    @Test
    void buffersOtherThreadsReturnAreKeptUpToTheCapacity() throws InterruptedException {
        RecycledArrays arrays = new RecycledArrays(32);
        float[] first = new float[8];
        float[] second = new float[8];
        Thread other = new Thread(() -> {
            arrays.give(first);
            arrays.give(second);
        });
        other.start();
        other.join();
        assertSame(first, arrays.take(8, true));
        assertNotSame(second, arrays.take(8, true), "beyond 32 bytes a returned buffer is dropped");
    }

    @Test
    void aTensorClosedOnAnotherThreadServesTheNextTensorOfTheThreadThatMadeIt() throws InterruptedException {
        Storage made = Storage.forKernelOutput(1000);
        float[] buffer = made.data();
        Thread other = new Thread(made::release);
        other.start();
        other.join();
        assertSame(buffer, Storage.forKernelOutput(1000).data());
    }

    @Test
    void aBufferReturnedAfterItsThreadEndedIsNotKept() throws InterruptedException {
        RecycledArrays[] ended = new RecycledArrays[1];
        Thread maker = new Thread(() -> ended[0] = new RecycledArrays(1 << 20));
        maker.start();
        maker.join();
        ended[0].give(new float[8]);
        assertEquals(0, ended[0].returnedBytes());
    }
}
