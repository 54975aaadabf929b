package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryOverlapTest {
    private static Tensor range(int n) {
        return Tensor.arange(n);
    }

    private static void refused(String op, String words, Runnable write) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, write::run);
        assertTrue(e.getMessage().startsWith(op + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void writesToAnExpandedViewAreRefused() {
        Tensor base = Tensor.zeros(1);
        Tensor expanded = base.expand(4);
        String shared = "refers to a single memory location";
        refused("add_", shared, () -> expanded.add_(Tensor.ones(4)));
        refused("add_", shared, () -> expanded.add_(1f));
        refused("sub_", shared, () -> expanded.sub_(Tensor.ones(4)));
        refused("mul_", shared, () -> expanded.mul_(2f));
        refused("div_", shared, () -> expanded.div_(Tensor.ones(4)));
        refused("fill_", shared, () -> expanded.fill_(1f));
        refused("zero_", shared, expanded::zero_);
        refused("copy_", shared, () -> expanded.copy_(range(4)));
        assertArrayEquals(new float[] {0}, base.toArray(), 0f, "nothing was written");
    }

    @Test
    void anOperandOverlappingPartOfTheTargetIsRefused() {
        Tensor x = range(5);
        String partial = "refer to the same memory location";
        refused("copy_", partial, () -> x.narrow(0, 1, 4).copy_(x.narrow(0, 0, 4)));
        refused("add_", partial, () -> x.narrow(0, 0, 4).add_(x.narrow(0, 1, 4)));
        refused("add_", partial, () -> x.narrow(0, 0, 4).add_(x.narrow(0, 1, 4), 2f));
        refused("mul_", partial, () -> x.narrow(0, 1, 3).mul_(x.narrow(0, 0, 3)));
        refused(
                "copy_",
                partial,
                () -> x.narrow(0, 0, 4)
                        .view(2, 2)
                        .copy_(x.narrow(0, 0, 4).view(2, 2).t()));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4}, x.toArray(), 0f, "nothing was written");
    }

    @Test
    void theSameMemoryInTheSameLayoutAndDisjointPartsAreAllowed() {
        Tensor x = range(6);
        x.add_(x);
        assertArrayEquals(new float[] {0, 2, 4, 6, 8, 10}, x.toArray(), 0f);
        x.narrow(0, 0, 3).copy_(x.narrow(0, 3, 3));
        assertArrayEquals(new float[] {6, 8, 10, 6, 8, 10}, x.toArray(), 0f);
        Tensor m = range(4).view(2, 2);
        m.select(0, 0).mul_(m.select(0, 1));
        assertArrayEquals(new float[] {0, 3, 2, 3}, m.toArray(), 0f);
        Tensor row = range(3);
        Tensor grid = Tensor.zeros(2, 3);
        grid.add_(row.expand(2, 3));
        assertArrayEquals(new float[] {0, 1, 2, 0, 1, 2}, grid.toArray(), 0f, "an expanded operand is fine");
    }

    @Test
    void interleavedStridedViewsAreAllowed() {
        // Odd elements written from even ones: neither view covers a dense range, so, as in PyTorch,
        // no overlap is assumed; the two share no element.
        Tensor x = range(6);
        x.slice(0, 1, 6, 2).copy_(x.slice(0, 0, 6, 2));
        assertArrayEquals(new float[] {0, 0, 2, 2, 4, 4}, x.toArray(), 0f);
    }
}
