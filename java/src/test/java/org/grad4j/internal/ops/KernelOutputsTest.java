package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.function.Supplier;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Kernels whose outputs take a released buffer as it is write every element: computed again
 * after buffers of the same sizes full of NaN were released, the results are the same.
 */
class KernelOutputsTest {
    /** Runs {@code f} twice, the second time over buffers a closed NaN tensor of each result's size left. */
    private static void overwritesEveryElement(Supplier<List<Tensor>> f) {
        List<Tensor> first = f.get();
        List<float[]> expected = first.stream().map(Tensor::toArray).toList();
        for (Tensor t : first) {
            Tensor.full(Float.NaN, t.shape()).close();
            Tensor.full(Float.NaN, t.shape()).close();
        }
        List<Tensor> again = f.get();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), again.get(i).toArray(), "result " + i);
        }
    }

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), shape).requiresGrad(true);
    }

    @Test
    void convolutionForwardAndBothGradients() {
        overwritesEveryElement(() -> {
            Tensor x = randn(1, 2, 3, 7, 6);
            Tensor w = randn(2, 4, 3, 3, 3);
            Tensor y = x.conv2d(w, null, 1, 1, 1, 1);
            y.mul(y).sum().backward();
            return List.of(y, x.grad(), w.grad());
        });
    }

    @Test
    void poolingForwardAndGradients() {
        overwritesEveryElement(() -> {
            Tensor x = randn(3, 2, 3, 9, 8);
            Tensor max = x.maxPool2d(3, 2, 1);
            Tensor avg = x.avgPool2d(2);
            max.sum().add(avg.mul(avg).sum()).backward();
            return List.of(max, avg, x.grad());
        });
    }

    @Test
    void elementwiseAndDropout() {
        overwritesEveryElement(() -> {
            Tensor a = randn(4, 5, 7);
            Tensor b = randn(5, 7);
            Tensor y = a.tanh().mul(b.exp()).dropout(0.5f, true, new Generator(9));
            y.sum().backward();
            return List.of(y, a.grad(), b.grad());
        });
    }

    @Test
    void maxPoolingGradientOverARetainedGraphAfterItsPositionsWereReused() {
        Tensor x = randn(3, 2, 3, 8, 8);
        Tensor y = x.maxPool2d(2);
        Tensor upstream = Tensor.randn(new Generator(4), y.shape());
        y.backward(upstream, true);
        float[] once = x.grad().toArray();
        // The first backward gave its positions back; this forward of the same size takes them.
        randn(5, 2, 3, 8, 8).maxPool2d(2).sum().backward();
        y.backward(upstream, true);
        float[] twice = x.grad().toArray();
        for (int i = 0; i < once.length; i++) {
            once[i] *= 2;
        }
        assertArrayEquals(once, twice);
    }
}
