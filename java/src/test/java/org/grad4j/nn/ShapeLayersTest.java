package org.grad4j.nn;

import static org.grad4j.nn.Layers.assertKeys;
import static org.grad4j.nn.Layers.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.grad4j.autograd.GradCheck;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ShapeLayersTest {
    @Test
    void flattenMergesDimsKeepingTheOrder() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 2, 2);
        assertArrayEquals(new int[] {2, 12}, new Flatten().forward(x).shape());
        assertArrayEquals(x.toArray(), new Flatten().forward(x).toArray());
        assertArrayEquals(new int[] {6, 2, 2}, new Flatten(0, 1).forward(x).shape());
        assertArrayEquals(new int[] {2, 3, 4}, new Flatten(-2, -1).forward(x).shape());
        assertArrayEquals(
                x.permute(0, 2, 3, 1).toArray(),
                new Flatten().forward(x.permute(0, 2, 3, 1)).toArray());
    }

    @Test
    void unflattenSplitsADimAndInfersOneSize() {
        Tensor x = Tensor.arange(30).reshape(3, 10);
        assertArrayEquals(new int[] {3, 2, 5}, new Unflatten(1, 2, 5).forward(x).shape());
        assertArrayEquals(
                new int[] {3, 2, 5}, new Unflatten(-1, -1, 5).forward(x).shape());
        assertArrayEquals(
                new int[] {3, 1, 10}, new Unflatten(0, 3, 1).forward(x).shape());
        assertArrayEquals(x.toArray(), new Unflatten(1, 5, 2).forward(x).toArray());
        Tensor y = Tensor.zeros(2, 3, 2, 2);
        assertArrayEquals(
                y.shape(),
                new Unflatten(1, 3, 2, 2).forward(new Flatten().forward(y)).shape());
    }

    @Test
    void gradientsCheck() {
        GradCheck.check(in -> new Flatten(1, 2).forward(in[0]).mul(in[0].reshape(2, 6)), Layers.randn(1, 2, 3, 2));
        GradCheck.check(in -> new Unflatten(1, 3, 2).forward(in[0]).square(), Layers.randn(2, 2, 6));
    }

    @Test
    void reprStateAndValidation() {
        assertEquals("Flatten(start_dim=1, end_dim=-1)", new Flatten().toString());
        assertEquals("Unflatten(dim=1, unflattened_size=(2, 5))", new Unflatten(1, 2, 5).toString());
        assertKeys(List.of(), new Flatten());
        assertKeys(List.of(), new Unflatten(0, 1));
        assertMessage("Unflatten: sizes must not be empty", () -> new Unflatten(1));
        assertMessage(
                "Unflatten: sizes must be >= 0 with at most one -1, got (-1, -1)", () -> new Unflatten(1, -1, -1));
        assertMessage(
                "Unflatten: sizes (2, 4) do not match size 10 of dim 1 of input [3, 10]",
                () -> new Unflatten(1, 2, 4).forward(Tensor.zeros(3, 10)));
        assertMessage(
                "Unflatten: sizes (-1, 3) do not match size 10 of dim 1 of input [3, 10]",
                () -> new Unflatten(1, -1, 3).forward(Tensor.zeros(3, 10)));
        assertMessage(
                "Unflatten: dim 2 out of range for a tensor of rank 2 (expected [-2, 1])",
                () -> new Unflatten(2, 1).forward(Tensor.zeros(3, 10)));
    }
}
