package org.grad4j.nn;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * Zeroes each element with probability p during training and scales the others by 1/(1 − p), so
 * the expected value is unchanged; the identity in eval mode. Like {@code torch.nn.Dropout}.
 *
 * <p>Shape: any; output as input. Default p = 0.5. The mask comes from the given generator, or, when
 * none is given, from {@link Generator#defaultGenerator()} at the time of each forward call (so
 * {@link Generator#manualSeed} reproduces it, as {@code torch.manual_seed} does).
 * See https://pytorch.org/docs/stable/generated/torch.nn.Dropout.html
 *
 * <pre>{@code
 * Dropout drop = new Dropout(0.2, new Generator(1));
 * drop.forward(Tensor.ones(2, 5));          // entries 0 or 1.25
 * drop.eval().forward(Tensor.ones(2, 5));   // all ones
 * }</pre>
 */
public class Dropout extends Module {
    private final double p;
    private final Generator gen;

    /**
     * Dropout with p = 0.5, masks from the default generator, as {@code torch.nn.Dropout()}.
     */
    public Dropout() {
        this(0.5);
    }

    /**
     * Dropout with masks from the default generator of the moment, as {@code torch.nn.Dropout(p)}.
     *
     * @param p the probability of zeroing an element, in [0, 1]
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public Dropout(double p) {
        this(p, null);
    }

    /**
     * Dropout drawing its masks from {@code gen}.
     *
     * @param p the probability of zeroing an element, in [0, 1]
     * @param gen the source of the masks; null means the default generator of the moment
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public Dropout(double p, Generator gen) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1], got " + p);
        }
        this.p = p;
        this.gen = gen;
    }

    /**
     * Drops and rescales elements in training mode; returns the input unchanged in eval mode.
     *
     * @param input any shape
     * @return the result, in the input's shape
     */
    @Override
    public Tensor forward(Tensor input) {
        return input.dropout((float) p, isTraining(), gen != null ? gen : Generator.defaultGenerator());
    }

    /**
     * The probability of zeroing an element.
     *
     * @return p
     */
    public double p() {
        return p;
    }

    @Override
    protected String extraRepr() {
        return "p=" + Repr.num(p) + ", inplace=False";
    }
}
