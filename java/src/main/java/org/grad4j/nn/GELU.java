package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * x · Φ(x) element-wise (Φ the standard normal CDF), like {@code torch.nn.GELU}; with
 * approximate = "tanh", 0.5 · x · (1 + tanh(sqrt(2/π) · (x + 0.044715 · x³))).
 *
 * <p>Shape: any; output as input. Default approximate "none" (exact).
 * See https://pytorch.org/docs/stable/generated/torch.nn.GELU.html
 *
 * <pre>{@code
 * new GELU().forward(Tensor.of(new float[] {1}, 1));   // [0.8413]
 * }</pre>
 */
public class GELU extends Module {
    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2 / Math.PI);
    private final String approximate;

    /** The exact GELU, as {@code torch.nn.GELU()}. */
    public GELU() {
        this("none");
    }

    /**
     * The exact GELU or its tanh approximation, as {@code torch.nn.GELU(approximate)}.
     *
     * @param approximate {@code "none"} (exact) or {@code "tanh"}
     * @throws IllegalArgumentException if {@code approximate} is neither
     */
    public GELU(String approximate) {
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException("GELU: approximate must be 'none' or 'tanh', got '" + approximate + "'");
        }
        this.approximate = approximate;
    }

    /**
     * Applies GELU element-wise.
     *
     * @param input any shape
     * @return the activations, in the input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        if (approximate.equals("none")) {
            return input.gelu();
        }
        Tensor inner = input.add(input.mul(input).mul(input).mul(0.044715f)).mul(SQRT_2_OVER_PI);
        return input.mul(inner.tanh().add(1f)).mul(0.5f);
    }

    /**
     * Which form the layer computes.
     *
     * @return {@code "none"} or {@code "tanh"}
     */
    public String approximate() {
        return approximate;
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
