package org.grad4j.nn;

import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * y = x·Wᵀ + b, like {@code torch.nn.Linear}.
 *
 * <p>Shape: input [*, inFeatures], output [*, outFeatures]. Weight [outFeatures, inFeatures]
 * and bias [outFeatures] start uniform in ±1/sqrt(inFeatures), as in PyTorch.
 *
 * <pre>{@code
 * Linear fc = new Linear(784, 10);
 * fc.forward(Tensor.zeros(32, 784)).shape();   // [32, 10]
 * }</pre>
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    /** The weight [outFeatures, inFeatures]. */
    public final Parameter weight;
    /** The bias [outFeatures], or null when the layer has none. */
    public final Parameter bias;

    /**
     * A layer with a bias, initialized from the default generator, as
     * {@code torch.nn.Linear(in_features, out_features)}.
     *
     * @param inFeatures the size of each input sample, &gt; 0
     * @param outFeatures the size of each output sample, &gt; 0
     * @throws IllegalArgumentException if a size is not positive
     */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true, Generator.defaultGenerator());
    }

    /**
     * A layer initialized from the default generator, as
     * {@code torch.nn.Linear(in_features, out_features, bias)}.
     *
     * @param inFeatures the size of each input sample, &gt; 0
     * @param outFeatures the size of each output sample, &gt; 0
     * @param bias whether to learn an additive bias
     * @throws IllegalArgumentException if a size is not positive
     */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Generator.defaultGenerator());
    }

    /**
     * A layer whose initial weight and bias come from {@code gen}.
     *
     * @param inFeatures the size of each input sample, &gt; 0
     * @param outFeatures the size of each output sample, &gt; 0
     * @param bias whether to learn an additive bias
     * @param gen the source of the initial values
     * @throws IllegalArgumentException if a size is not positive
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator gen) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException(
                    "Linear: inFeatures and outFeatures must be > 0, got " + inFeatures + " and " + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", new Parameter(Tensor.zeros(outFeatures, inFeatures)));
        Init.kaimingUniform_(weight, Math.sqrt(5), gen);
        float bound = (float) (1 / Math.sqrt(inFeatures));
        this.bias = registerParameter("bias", bias ? new Parameter(Tensor.zeros(outFeatures)) : null);
        if (bias) {
            Init.uniform_(this.bias, -bound, bound, gen);
        }
    }

    /**
     * Applies x·Wᵀ + b.
     *
     * @param input [*, inFeatures]
     * @return [*, outFeatures]
     * @throws IllegalArgumentException if the input's last dim is not inFeatures
     */
    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() == 0 || input.size(-1) != inFeatures) {
            throw new IllegalArgumentException(
                    "Linear: expected input [*, " + inFeatures + "], got " + Shapes.str(input.shape()));
        }
        return input.linear(weight, bias);
    }

    /**
     * The size of each input sample.
     *
     * @return inFeatures
     */
    public int inFeatures() {
        return inFeatures;
    }

    /**
     * The size of each output sample.
     *
     * @return outFeatures
     */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + Repr.bool(bias != null);
    }
}
