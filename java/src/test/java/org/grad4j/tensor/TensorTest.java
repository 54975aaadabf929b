package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.internal.tensor.TensorInternals;
import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void ofCopiesDataAndReportsLayout() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.of(data, 2, 3);
        data[0] = 100;
        assertEquals(1f, t.get(0, 0));
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertArrayEquals(new int[] {3, 1}, t.stride());
        assertEquals(2, t.dim());
        assertEquals(6, t.numel());
        assertEquals(3, t.size(-1));
        assertEquals(6f, t.get(-1, -1));
        assertTrue(t.isContiguous());
    }

    @Test
    void ofRejectsAMismatchedLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
        assertEquals("Tensor.of: 5 values cannot fill shape [2, 3] (6 elements)", e.getMessage());
        assertArrayEquals(new int[] {3}, Tensor.of(new float[] {1, 2, 3}).shape(), "a vector, as torch.tensor(list)");
        assertArrayEquals(new int[] {1}, Tensor.of(new float[] {4}).shape());
        assertEquals(0, Tensor.of(new float[] {4}, new int[0]).dim());
        assertEquals(0, Tensor.scalar(4).dim());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
    }

    @Test
    void factories() {
        assertArrayEquals(new float[] {0, 0}, Tensor.zeros(2).toArray());
        assertArrayEquals(new float[] {1, 1, 1}, Tensor.ones(3).toArray());
        assertArrayEquals(new float[] {7, 7}, Tensor.full(7f, 1, 2).toArray());
        assertArrayEquals(new float[] {0, 1, 2, 3}, Tensor.arange(4).toArray());
        assertArrayEquals(
                new float[] {1, 1.5f, 2, 2.5f}, Tensor.arange(1, 3, 0.5f).toArray());
        assertArrayEquals(new float[] {1, 0, 0, 1}, Tensor.eye(2).toArray());
        assertEquals(0, Tensor.scalar(3f).dim());
        assertEquals(3f, Tensor.scalar(3f).item());
        assertThrows(IllegalArgumentException.class, () -> Tensor.arange(0, 1, 0));
    }

    @Test
    void randomFactoriesAreReproducibleFromASeed() {
        assertArrayEquals(
                Tensor.randn(new Generator(5), 10).toArray(),
                Tensor.randn(new Generator(5), 10).toArray());
        assertFalse(java.util.Arrays.equals(
                Tensor.randn(new Generator(5), 10).toArray(),
                Tensor.randn(new Generator(6), 10).toArray()));
        Generator gen = new Generator(3);
        float[] first = Tensor.rand(gen, 4).toArray();
        float[] second = Tensor.rand(gen, 4).toArray();
        assertFalse(java.util.Arrays.equals(first, second));
        assertArrayEquals(first, Tensor.rand(gen.reset(), 4).toArray());
        for (float v : Tensor.uniform(new Generator(1), -2, 3, 1000).toArray()) {
            assertTrue(v >= -2 && v < 3);
        }
    }

    @Test
    void randomFactoriesRefuseNonFiniteParameters() {
        Generator gen = new Generator(1);
        float inf = Float.POSITIVE_INFINITY;
        assertEquals(
                "uniform: the bounds must be finite, got low -Infinity, high Infinity",
                assertThrows(IllegalArgumentException.class, () -> Tensor.uniform(gen, -inf, inf, 2))
                        .getMessage());
        assertEquals(
                "uniform: the bounds must be finite, got low 0.0, high NaN",
                assertThrows(IllegalArgumentException.class, () -> Tensor.uniform(gen, 0, Float.NaN, 2))
                        .getMessage());
        assertEquals(
                "normal: mean must be finite and std finite and >= 0, got mean 0.0, std Infinity",
                assertThrows(IllegalArgumentException.class, () -> Tensor.normal(gen, 0, inf, 2))
                        .getMessage());
        assertEquals(
                "normal: mean must be finite and std finite and >= 0, got mean -Infinity, std 1.0",
                assertThrows(IllegalArgumentException.class, () -> Tensor.normal(gen, -inf, 1, 2))
                        .getMessage());
        float[] wide =
                Tensor.uniform(gen, -Float.MAX_VALUE, Float.MAX_VALUE, 1000).toArray();
        for (float v : wide) {
            assertTrue(Float.isFinite(v), "uniform(-max, max) gave " + v);
        }
    }

    @Test
    void normalHasTheRequestedMoments() {
        float[] v = Tensor.normal(new Generator(9), 2f, 3f, 100_000).toArray();
        double mean = 0;
        for (float x : v) {
            mean += x / v.length;
        }
        double var = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean) / v.length;
        }
        assertEquals(2, mean, 0.05);
        assertEquals(3, Math.sqrt(var), 0.05);
        assertThrows(IllegalArgumentException.class, () -> Tensor.normal(new Generator(1), 0, -1, 2));
    }

    @Test
    void itemAndGetValidate() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Tensor.zeros(2).item());
        assertTrue(e.getMessage().startsWith("item: tensor of shape [2]"), e.getMessage());
        IllegalArgumentException g = assertThrows(
                IllegalArgumentException.class, () -> Tensor.zeros(2, 3).get(2, 0));
        assertTrue(g.getMessage().contains("index 2 out of range for dim 0 of size 2"), g.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).get(1));
    }

    @Test
    void toStringPrintsLikePyTorch() {
        assertEquals(
                "tensor([[1., 2.],\n        [3., 4.]])",
                Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).toString());
        assertEquals(
                "tensor([0.5000, 0.2500], requiresGrad=true)",
                Tensor.of(new float[] {0.5f, 0.25f}, 2).requiresGrad(true).toString());
        assertEquals("tensor(3.)", Tensor.scalar(3f).toString());
        assertEquals("tensor([], shape=[0, 4])", Tensor.zeros(0, 4).toString());
        assertEquals(
                "tensor([nan, inf])",
                Tensor.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY}, 2).toString());
    }

    @Test
    void toStringTruncatesBigTensors() {
        String s = Tensor.arange(5000).reshape(50, 100).toString();
        assertTrue(s.contains("..."), s);
        assertTrue(s.contains("4999."), s);
        assertTrue(s.endsWith("shape=[50, 100])"), s);
        assertTrue(s.length() < 1000, "length " + s.length());
    }

    @Test
    void wrapRejectsLayoutsOutsideTheStorage() {
        Tensor t = Tensor.zeros(6);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TensorInternals.view(t, new int[] {2, 3}, new int[] {3, 1}, 1));
        assertTrue(e.getMessage().contains("does not fit a storage of 6 elements"), e.getMessage());
        assertEquals(
                4,
                TensorInternals.view(t, new int[] {2, 2}, new int[] {3, 1}, 1).numel());
    }

    @Test
    void inPlaceOpsBumpTheVersionAndBroadcast() {
        Tensor t = Tensor.zeros(2, 3);
        int v = TensorInternals.storage(t).version();
        t.add_(Tensor.of(new float[] {1, 2, 3}, 3));
        t.mul_(2f);
        assertArrayEquals(new float[] {2, 4, 6, 2, 4, 6}, t.toArray());
        assertEquals(v + 2, TensorInternals.storage(t).version());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.add_(Tensor.ones(4)));
        assertEquals("add_: operand of shape [4] does not broadcast to [2, 3]", e.getMessage());
        Tensor col = t.t();
        col.fill_(1f);
        col.sub_(Tensor.ones(3, 2).mul(0.5f));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, t.toArray());
        t.zero_();
        assertArrayEquals(new float[6], t.toArray());
        t.copy_(Tensor.arange(3));
        assertArrayEquals(new float[] {0, 1, 2, 0, 1, 2}, t.toArray());
    }
}
