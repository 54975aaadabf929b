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
    /**
     * The output sequence and the final hidden state.
     *
     * @param output the last layer's output at every step, [L, N, D·H] in the input's layout ([L, D·H] unbatched)
     * @param h the final hidden state of every layer and direction, [numLayers·D, N, H]
     */
    public record Result(Tensor output, Tensor h) {}

    /**
     * One layer with biases, sequence-first, without dropout, one direction, initialized
     * from the default generator, as {@code torch.nn.GRU(input_size, hidden_size)}.
     *
     * @param inputSize the number of features of each input step, &gt; 0
     * @param hiddenSize H, the number of features of the hidden state, &gt; 0
     * @throws IllegalArgumentException if a size is not positive
     */
    public GRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0, false);
    }

    /**
     * A layer with every option of {@code torch.nn.GRU}, initialized from the default generator.
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

    /**
     * The output and final hidden state, as {@code torch.nn.GRU.forward(input, h0)}.
     *
     * @param input [L, N, inputSize] ([N, L, inputSize] with batchFirst), or unbatched [L, inputSize]
     * @param h0 the initial hidden state [numLayers·D, N, H] ([numLayers·D, H] unbatched), or null for zeros
     * @return the output and the final hidden state
     * @throws IllegalArgumentException if the input or h0 has the wrong shape
     */
    public Result forward(Tensor input, Tensor h0) {
        Tensor[] r = run(input, new Tensor[] {h0});
        return new Result(r[0], r[1]);
    }

    /**
     * One GRU step with gates r, z, n.
     *
     * @param projected W_ih·x + b_ih for this step, [N, 3·H]
     * @param state the hidden state h [N, H]
     * @param suffix the parameter-name suffix of the layer and direction
     * @return the new hidden state
     */
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

    /**
     * One state tensor, h.
     *
     * @return 1
     */
    @Override
    protected int stateCount() {
        return 1;
    }
}
