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
    /**
     * The output sequence and the final hidden and cell states.
     *
     * @param output the last layer's output at every step, [L, N, D·H] in the input's layout ([L, D·H] unbatched)
     * @param h the final hidden state of every layer and direction, [numLayers·D, N, H]
     * @param c the final cell state of every layer and direction, [numLayers·D, N, H]
     */
    public record Result(Tensor output, Tensor h, Tensor c) {}

    /**
     * One layer with biases, sequence-first, without dropout, one direction, initialized
     * from the default generator, as {@code torch.nn.LSTM(input_size, hidden_size)}.
     *
     * @param inputSize the number of features of each input step, &gt; 0
     * @param hiddenSize H, the number of features of the hidden state, &gt; 0
     * @throws IllegalArgumentException if a size is not positive
     */
    public LSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0, false);
    }

    /**
     * A layer with every option of {@code torch.nn.LSTM}, initialized from the default generator.
     *
     * @param inputSize the number of features of each input step, &gt; 0
     * @param hiddenSize H, the number of features of the hidden state, &gt; 0
     * @param numLayers the number of stacked layers, &gt; 0
     * @param bias whether to learn bias_ih and bias_hh
     * @param batchFirst whether batched input and output are [N, L, features]
     * @param dropout the dropout probability between layers in training mode, in [0, 1]
     * @param bidirectional whether to also run each layer backwards in time
     * @throws IllegalArgumentException if a size is not positive or {@code dropout} is not in [0, 1]
     */
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

    /**
     * A layer with every option, initialized from {@code gen}.
     *
     * @param inputSize the number of features of each input step, &gt; 0
     * @param hiddenSize H, the number of features of the hidden state, &gt; 0
     * @param numLayers the number of stacked layers, &gt; 0
     * @param bias whether to learn bias_ih and bias_hh
     * @param batchFirst whether batched input and output are [N, L, features]
     * @param dropout the dropout probability between layers in training mode, in [0, 1]
     * @param bidirectional whether to also run each layer backwards in time
     * @param gen the source of the initial weights and of the dropout masks
     * @throws IllegalArgumentException if a size is not positive or {@code dropout} is not in [0, 1]
     */
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

    /**
     * The output and final states, as {@code torch.nn.LSTM.forward(input, (h0, c0))}.
     *
     * @param input [L, N, inputSize] ([N, L, inputSize] with batchFirst), or unbatched [L, inputSize]
     * @param h0 the initial hidden state [numLayers·D, N, H] ([numLayers·D, H] unbatched), or null for zeros
     * @param c0 the initial cell state, of h0's shape, or null for zeros
     * @return the output and the final hidden and cell states
     * @throws IllegalArgumentException if the input, h0 or c0 has the wrong shape
     */
    public Result forward(Tensor input, Tensor h0, Tensor c0) {
        Tensor[] r = run(input, new Tensor[] {h0, c0});
        return new Result(r[0], r[1], r[2]);
    }

    /**
     * One LSTM step with gates i, f, g, o.
     *
     * @param projected W_ih·x + b_ih for this step, [N, 4·H]
     * @param state the hidden state h and the cell state c, each [N, H]
     * @param suffix the parameter-name suffix of the layer and direction
     * @return the new h and c
     */
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

    /**
     * Two state tensors, h and c.
     *
     * @return 2
     */
    @Override
    protected int stateCount() {
        return 2;
    }
}
