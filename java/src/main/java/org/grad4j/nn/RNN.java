package org.grad4j.nn;

import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * An Elman recurrent layer, like {@code nn.RNN}: h' = act(W_ih·x + b_ih + W_hh·h + b_hh) with
 * act tanh (or ReLU). Options as PyTorch's: numLayers, bias, batchFirst, dropout between layers,
 * bidirectional.
 *
 * <pre>{@code
 * RNN rnn = new RNN(10, 20, 2, "tanh", true, true, 0, false);
 * RNN.Result r = rnn.forward(Tensor.randn(3, 5, 10), null);   // r.output() [3, 5, 20], r.h() [2, 3, 20]
 * }</pre>
 */
public class RNN extends Recurrent {
    private final boolean relu;

    /**
     * The result of a recurrent pass: the output sequence and the final hidden state.
     *
     * @param output the last layer's output at every step, [L, N, D·H] in the input's layout ([L, D·H] unbatched)
     * @param h the final hidden state of every layer and direction, [numLayers·D, N, H]
     */
    public record Result(Tensor output, Tensor h) {}

    /**
     * One tanh layer with biases, sequence-first, without dropout, one direction, initialized
     * from the default generator, as {@code torch.nn.RNN(input_size, hidden_size)}.
     *
     * @param inputSize the number of features of each input step, &gt; 0
     * @param hiddenSize H, the number of features of the hidden state, &gt; 0
     * @throws IllegalArgumentException if a size is not positive
     */
    public RNN(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, "tanh", true, false, 0, false);
    }

    /**
     * A layer with every option of {@code torch.nn.RNN}, initialized from the default generator.
     *
     * @param inputSize the number of features of each input step, &gt; 0
     * @param hiddenSize H, the number of features of the hidden state, &gt; 0
     * @param numLayers the number of stacked layers, &gt; 0
     * @param nonlinearity {@code "tanh"} or {@code "relu"}
     * @param bias whether to learn bias_ih and bias_hh
     * @param batchFirst whether batched input and output are [N, L, features]
     * @param dropout the dropout probability between layers in training mode, in [0, 1]
     * @param bidirectional whether to also run each layer backwards in time
     * @throws IllegalArgumentException if a size is not positive, {@code dropout} is not in [0, 1] or
     *     {@code nonlinearity} is neither {@code "tanh"} nor {@code "relu"}
     */
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

    /**
     * A layer with every option, initialized from {@code gen}.
     *
     * @param inputSize the number of features of each input step, &gt; 0
     * @param hiddenSize H, the number of features of the hidden state, &gt; 0
     * @param numLayers the number of stacked layers, &gt; 0
     * @param nonlinearity {@code "tanh"} or {@code "relu"}
     * @param bias whether to learn bias_ih and bias_hh
     * @param batchFirst whether batched input and output are [N, L, features]
     * @param dropout the dropout probability between layers in training mode, in [0, 1]
     * @param bidirectional whether to also run each layer backwards in time
     * @param gen the source of the initial weights and of the dropout masks
     * @throws IllegalArgumentException if a size is not positive, {@code dropout} is not in [0, 1] or
     *     {@code nonlinearity} is neither {@code "tanh"} nor {@code "relu"}
     */
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

    /**
     * The output sequence and final hidden state, as {@code torch.nn.RNN.forward(input, h0)}.
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
     * h' = act(projected + W_hh·h + b_hh).
     *
     * @param projected W_ih·x + b_ih for this step, [N, H]
     * @param state the hidden state h [N, H]
     * @param suffix the parameter-name suffix of the layer and direction
     * @return the new hidden state
     */
    @Override
    protected Tensor[] cell(Tensor projected, Tensor[] state, String suffix) {
        Tensor pre = projected.add(hidden(state[0], suffix));
        return new Tensor[] {relu ? pre.relu() : pre.tanh()};
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

    /**
     * The recurrent layers' configuration and the nonlinearity ({@code "tanh"} or {@code "relu"}).
     *
     * @param initial the initial state given to this run (a null entry for zeros)
     * @return the attributes
     */
    @Override
    protected Attributes configuration(Tensor[] initial) {
        return super.configuration(initial).with("nonlinearity", relu ? "relu" : "tanh");
    }

    @Override
    protected String extraRepr() {
        return super.extraRepr() + (relu ? ", nonlinearity='relu'" : "");
    }
}
