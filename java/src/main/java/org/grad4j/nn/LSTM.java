package org.grad4j.nn;

import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * A long short-term memory layer, like {@code nn.LSTM}, with PyTorch's gate order i, f, g, o:
 * c' = σ(f)·c + σ(i)·tanh(g), h' = σ(o)·tanh(c'). Options as PyTorch's: numLayers, bias,
 * batchFirst, dropout between layers, bidirectional.
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(28, 128, 1, true, true, 0, false);
 * LSTM.Result r = lstm.forward(images.reshape(-1, 28, 28), null, null);   // r.h() [1, N, 128]
 * }</pre>
 */
public class LSTM extends Recurrent {
    /** The output sequence and the final hidden and cell states. */
    public record Result(Tensor output, Tensor h, Tensor c) {}

    public LSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0, false);
    }

    public LSTM(
            int inputSize,
            int hiddenSize,
            int numLayers,
            boolean bias,
            boolean batchFirst,
            double dropout,
            boolean bidirectional) {
        this(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, Generator.defaultGenerator());
    }

    public LSTM(
            int inputSize,
            int hiddenSize,
            int numLayers,
            boolean bias,
            boolean batchFirst,
            double dropout,
            boolean bidirectional,
            Generator gen) {
        super("LSTM", 4, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional, gen);
    }

    /** The output and final states; h0 and c0 [layers·D, N, H] (null for zeros). */
    public Result forward(Tensor input, Tensor h0, Tensor c0) {
        Tensor[] r = run(input, new Tensor[] {h0, c0});
        return new Result(r[0], r[1], r[2]);
    }

    @Override
    protected Tensor[] cell(Tensor projected, Tensor[] state, String suffix) {
        Tensor gates = projected.add(hidden(state[0], suffix));
        int h = hiddenSize;
        Tensor i = gates.narrow(-1, 0, h).sigmoid();
        Tensor f = gates.narrow(-1, h, h).sigmoid();
        Tensor g = gates.narrow(-1, 2 * h, h).tanh();
        Tensor o = gates.narrow(-1, 3 * h, h).sigmoid();
        Tensor c = f.mul(state[1]).add(i.mul(g));
        return new Tensor[] {o.mul(c.tanh()), c};
    }

    @Override
    protected int stateCount() {
        return 2;
    }
}
