package org.grad4j.nn;

import org.grad4j.autograd.GradMode;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Shapes;
import org.grad4j.tensor.Tensor;

/**
 * Weight initializers, like {@code torch.nn.init}: each fills a tensor in place (without
 * recording a gradient) and returns it.
 */
public final class Init {
    private Init() {
    }

    /** Uniform values in [low, high). */
    public static Tensor uniform_(Tensor t, float low, float high, Generator gen) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return t.copy_(Tensor.uniform(gen, low, high, t.shape()));
        }
    }

    /** (fanIn, fanOut) of a weight: dim 1 and dim 0 sizes times the receptive field (dims 2...). */
    public static int[] fans(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("fans: fan in and fan out need a tensor with at least 2 dims, got "
                    + Shapes.str(t.shape()));
        }
        int receptive = 1;
        for (int d = 2; d < t.dim(); d++) {
            receptive *= t.size(d);
        }
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    /**
     * He (Kaiming) uniform with leaky-ReLU slope {@code a}, over fan in: bound = gain·sqrt(3 / fanIn)
     * with gain = sqrt(2 / (1 + a²)). PyTorch's Linear and Conv2d use a = sqrt(5).
     */
    public static Tensor kaimingUniform_(Tensor t, double a, Generator gen) {
        double gain = Math.sqrt(2.0 / (1 + a * a));
        float bound = (float) (gain * Math.sqrt(3.0 / fans(t)[0]));
        return uniform_(t, -bound, bound, gen);
    }
}
