package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.BinaryOperator;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Comparisons carry no gradient, like PyTorch's boolean results, yet work as masks in a graph. */
class CompareTest {
    private static final List<BinaryOperator<Tensor>> OPS =
            List.of(Tensor::gt, Tensor::ge, Tensor::lt, Tensor::le, Tensor::eq, Tensor::ne);

    @Test
    void resultsDoNotRequireGradEvenIfInputsDo() {
        Tensor a = Tensor.randn(new Generator(1), 2, 3).requiresGrad(true);
        Tensor b = Tensor.randn(new Generator(2), 3).requiresGrad(true);
        for (BinaryOperator<Tensor> op : OPS) {
            Tensor out = op.apply(a, b);
            assertFalse(out.requiresGrad());
            assertNull(out.gradFn());
        }
        assertFalse(a.gt(0f).requiresGrad());
        assertFalse(a.mul(2f).le(b).requiresGrad());
    }

    @Test
    void maskFromAComparisonPassesTheGradientOfKeptElements() {
        Tensor x = Tensor.of(new float[] {-1f, 2f, 0.5f, -3f}, 4).requiresGrad(true);
        x.mul(x.gt(0f)).sum().backward();
        assertArrayEquals(new float[] {0f, 1f, 1f, 0f}, x.grad().toArray());
    }
}
