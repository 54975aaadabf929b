package org.grad4j.nn;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * A gated recurrent unit layer, like {@code nn.GRU}, with PyTorch's gate order r, z, n:
 * r = σ(W_ir·x + b_ir + W_hr·h + b_hr), z likewise, n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn)),
 * h' = (1 − z)·n + z·h. Options as PyTorch's: numLayers, bias, batchFirst, dropout between
 * layers, bidirectional.
 */
public class GRU extends Recurrent {
    /** The output sequence and the final hidden state. */
    public record Result(Tensor output, Tensor h) {}

    public GRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0, false);
    }

    public GRU(
            int inputSize,
            int hiddenSize,
            int numLayers,
            boolean bias,
            boolean batchFirst,
            double dropout,
            boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, Generator.defaultGenerator());
    }

    public GRU(
            int inputSize,
            int hiddenSize,
            int numLayers,
            boolean bias,
            boolean batchFirst,
            double dropout,
            boolean bidirectional,
            Generator gen) {
        super("GRU", 3, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, gen);
    }

    /** The output and final hidden state; h0 [layers·D, N, H] (null for zeros). */
    public Result forward(Tensor input, Tensor h0) {
        Tensor[] r = run(input, new Tensor[] {h0});
        return new Result(r[0], r[1]);
    }

    @Override
    protected Tensor[] cell(Tensor projected, Tensor[] state, String suffix) {
        Tensor recurrent = hidden(state[0], suffix);
        int h = hiddenSize;
        Tensor r = projected.narrow(-1, 0, h).add(recurrent.narrow(-1, 0, h)).sigmoid();
        Tensor z = projected.narrow(-1, h, h).add(recurrent.narrow(-1, h, h)).sigmoid();
        Tensor n = projected
                .narrow(-1, 2 * h, h)
                .add(r.mul(recurrent.narrow(-1, 2 * h, h)))
                .tanh();
        Tensor next = n.add(z.mul(state[0].sub(n)));
        return new Tensor[] {next};
    }

    @Override
    protected int stateCount() {
        return 1;
    }
}
