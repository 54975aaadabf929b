package org.grad4j.nn;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * An Elman recurrent layer, like {@code nn.RNN}: h' = act(W_ih·x + b_ih + W_hh·h + b_hh) with
 * act tanh (or ReLU). Options as PyTorch's: numLayers, bias, batchFirst, dropout between layers,
 * bidirectional.
 *
 * <pre>{@code
 * RNN rnn = new RNN(10, 20, 2, "tanh", true, true, 0, false);
 * RNN.Result r = rnn.forward(Tensor.randn(0, 3, 5, 10), null);   // r.output() [3, 5, 20], r.h() [2, 3, 20]
 * }</pre>
 */
public class RNN extends Recurrent {
    private final boolean relu;

    /** The result of a recurrent pass: the output sequence and the final hidden state. */
    public record Result(Tensor output, Tensor h) {}

    public RNN(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, "tanh", true, false, 0, false);
    }

    public RNN(
            int inputSize,
            int hiddenSize,
            int numLayers,
            String nonlinearity,
            boolean bias,
            boolean batchFirst,
            double dropout,
            boolean bidirectional) {
        this(
                inputSize,
                hiddenSize,
                numLayers,
                nonlinearity,
                bias,
                batchFirst,
                dropout,
                bidirectional,
                Generator.defaultGenerator());
    }

    public RNN(
            int inputSize,
            int hiddenSize,
            int numLayers,
            String nonlinearity,
            boolean bias,
            boolean batchFirst,
            double dropout,
            boolean bidirectional,
            Generator gen) {
        super("RNN", 1, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, gen);
        if (!nonlinearity.equals("tanh") && !nonlinearity.equals("relu")) {
            throw new IllegalArgumentException(
                    "RNN: nonlinearity must be \"tanh\" or \"relu\", got \"" + nonlinearity + "\"");
        }
        this.relu = nonlinearity.equals("relu");
    }

    /** The output sequence and final hidden state; h0 [layers·D, N, H] (null for zeros). */
    public Result forward(Tensor input, Tensor h0) {
        Tensor[] r = run(input, new Tensor[] {h0});
        return new Result(r[0], r[1]);
    }

    @Override
    protected Tensor[] cell(Tensor projected, Tensor[] state, String suffix) {
        Tensor pre = projected.add(hidden(state[0], suffix));
        return new Tensor[] {relu ? pre.relu() : pre.tanh()};
    }

    @Override
    protected int stateCount() {
        return 1;
    }

    @Override
    protected String extraRepr() {
        return super.extraRepr() + (relu ? ", nonlinearity='relu'" : "");
    }
}
