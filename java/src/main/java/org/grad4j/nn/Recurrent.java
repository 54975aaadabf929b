package org.grad4j.nn;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.graph.Attributes;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.trace.Tracing;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;

/**
 * What RNN, LSTM and GRU share, as in PyTorch's RNNBase: the parameters per layer and direction
 * (weight_ih_l0 [gates·H, in], weight_hh_l0 [gates·H, H], bias_ih_l0, bias_hh_l0, with a _reverse
 * suffix for the backward direction), all initialised uniform(−1/√H, 1/√H); the input layouts
 * ([L, N, in], [N, L, in] with batchFirst, or unbatched [L, in]); the loop over layers, directions
 * and time; and dropout between layers. The input projection of a whole sequence is one matmul.
 */
abstract class Recurrent extends Module {
    /** The number of features of each input step. */
    protected final int inputSize;
    /** H, the number of features of the hidden state. */
    protected final int hiddenSize;
    /** The number of stacked layers. */
    protected final int numLayers;
    /** Whether the layers have bias_ih and bias_hh. */
    protected final boolean bias;
    /** Whether batched input and output are [N, L, features] instead of [L, N, features]. */
    protected final boolean batchFirst;
    /** The dropout probability on the outputs of every layer but the last, in training mode. */
    protected final float dropout;
    /** Whether every layer also runs backwards in time, doubling the output features (D = 2). */
    protected final boolean bidirectional;

    private final Generator gen;
    private final String name;

    Recurrent(
            String name,
            int gates,
            int inputSize,
            int hiddenSize,
            int numLayers,
            boolean bias,
            boolean batchFirst,
            double dropout,
            boolean bidirectional,
            Generator gen) {
        if (inputSize <= 0 || hiddenSize <= 0 || numLayers <= 0) {
            throw new IllegalArgumentException(name + ": inputSize, hiddenSize and numLayers must be > 0, got "
                    + inputSize + ", " + hiddenSize + ", " + numLayers);
        }
        if (!(dropout >= 0 && dropout <= 1)) {
            throw new IllegalArgumentException(name + ": dropout must be in [0, 1], got " + dropout);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bias = bias;
        this.batchFirst = batchFirst;
        this.dropout = (float) dropout;
        this.bidirectional = bidirectional;
        this.gen = gen;
        this.name = name;
        double bound = 1 / Math.sqrt(hiddenSize);
        for (int layer = 0; layer < numLayers; layer++) {
            int in = layer == 0 ? inputSize : hiddenSize * directions();
            for (int d = 0; d < directions(); d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                Init.uniform_(
                        registerParameter("weight_ih" + suffix, new Parameter(Tensor.zeros(gates * hiddenSize, in))),
                        -bound,
                        bound,
                        gen);
                Init.uniform_(
                        registerParameter(
                                "weight_hh" + suffix, new Parameter(Tensor.zeros(gates * hiddenSize, hiddenSize))),
                        -bound,
                        bound,
                        gen);
                if (bias) {
                    Init.uniform_(
                            registerParameter("bias_ih" + suffix, new Parameter(Tensor.zeros(gates * hiddenSize))),
                            -bound,
                            bound,
                            gen);
                    Init.uniform_(
                            registerParameter("bias_hh" + suffix, new Parameter(Tensor.zeros(gates * hiddenSize))),
                            -bound,
                            bound,
                            gen);
                }
            }
        }
    }

    final int directions() {
        return bidirectional ? 2 : 1;
    }

    /**
     * One time step: from the projected input (W_ih·x + b_ih) and the state, the new state.
     *
     * @param projectedInput W_ih·x + b_ih for this step, [N, gates·H]
     * @param state the state before the step, {@link #stateCount()} tensors of [N, H]
     * @param suffix the parameter-name suffix of the layer and direction, e.g. {@code "_l0_reverse"}
     * @return the state after the step, hidden state first
     */
    protected abstract Tensor[] cell(Tensor projectedInput, Tensor[] state, String suffix);

    /**
     * How many state tensors a step carries.
     *
     * @return 1 (h), or 2 (h, c) for LSTM
     */
    protected abstract int stateCount();

    /**
     * The recurrent projection W_hh·h + b_hh for one step.
     *
     * @param h the hidden state [N, H]
     * @param suffix the parameter-name suffix of the layer and direction
     * @return [N, gates·H]
     */
    protected final Tensor hidden(Tensor h, String suffix) {
        Tensor out = h.matmul(localParameters().get("weight_hh" + suffix).t());
        return bias ? out.add(localParameters().get("bias_hh" + suffix)) : out;
    }

    /**
     * Runs the layers over a sequence from zero initial states.
     *
     * @param input [L, N, inputSize] ([N, L, inputSize] with batchFirst), or unbatched [L, inputSize]
     * @return the last layer's output at every step, [L, N, D·H] in the input's layout ([L, D·H] unbatched)
     * @throws IllegalArgumentException if the input is not 2-D or 3-D with inputSize features
     */
    @Override
    public Tensor forward(Tensor input) {
        return run(input, new Tensor[stateCount()])[0];
    }

    /**
     * The layer's configuration as a traced region records it (see {@link
     * org.grad4j.graph.Region}): hiddenSize, numLayers, bias, batchFirst, bidirectional and, per
     * state, whether an initial value was given. (Dropout between layers draws random masks, which
     * end a trace, so a traced run has none.)
     *
     * @param initial the initial states given to this run (null entries for zeros)
     * @return the attributes
     */
    protected Attributes configuration(Tensor[] initial) {
        int[] given = new int[initial.length];
        for (int s = 0; s < given.length; s++) {
            given[s] = initial[s] == null ? 0 : 1;
        }
        return Attributes.of()
                .with("hiddenSize", hiddenSize)
                .with("numLayers", numLayers)
                .with("bias", bias)
                .with("batchFirst", batchFirst)
                .with("bidirectional", bidirectional)
                .with("initial", given);
    }

    /**
     * The output [L, N, D·H] (in the input's layout) and each final state [layers·D, N, H]. Traced,
     * the run is a region named after the layer ({@code "rnn"}, {@code "gru"}, {@code "lstm"})
     * whose inputs are the input, the initial states given, then the parameters in the order they
     * are registered, and whose outputs are the output and the final states.
     */
    final Tensor[] run(Tensor input, Tensor[] initial) {
        List<Tensor> given = new ArrayList<>(List.of(input));
        for (Tensor t : initial) {
            if (t != null) {
                given.add(t);
            }
        }
        given.addAll(localParameters().values());
        Tracing.enterRegion(
                name.toLowerCase(java.util.Locale.ROOT), configuration(initial), given.toArray(Tensor[]::new));
        Tensor[] result = layers(input, initial);
        Tracing.exitRegion(result);
        return result;
    }

    private Tensor[] layers(Tensor input, Tensor[] initial) {
        boolean unbatched = input.dim() == 2;
        if ((input.dim() != 2 && input.dim() != 3) || input.size(-1) != inputSize) {
            throw new IllegalArgumentException(name + ": expected input [L, N, " + inputSize + "]"
                    + (batchFirst ? " (batchFirst: [N, L, " + inputSize + "])" : "") + " or [L, " + inputSize
                    + "], got " + Shapes.str(input.shape()));
        }
        Tensor x = unbatched ? input.unsqueeze(1) : batchFirst ? input.transpose(0, 1) : input;
        int length = x.size(0);
        int batch = x.size(1);
        Tensor[][] states = new Tensor[stateCount()][];
        for (int s = 0; s < stateCount(); s++) {
            states[s] = initialState(name, initial[s], unbatched, batch);
        }
        Tensor[][] finals = new Tensor[stateCount()][numLayers * directions()];
        for (int layer = 0; layer < numLayers; layer++) {
            List<Tensor> outputs = new ArrayList<>();
            for (int d = 0; d < directions(); d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                int k = layer * directions() + d;
                Tensor projected = x.reshape(length * batch, x.size(2))
                        .matmul(localParameters().get("weight_ih" + suffix).t());
                if (bias) {
                    projected = projected.add(localParameters().get("bias_ih" + suffix));
                }
                projected = projected.reshape(length, batch, -1);
                Tensor[] state = new Tensor[stateCount()];
                for (int s = 0; s < stateCount(); s++) {
                    state[s] = states[s][k];
                }
                Tensor[] steps = new Tensor[length];
                for (int i = 0; i < length; i++) {
                    int t = d == 0 ? i : length - 1 - i;
                    state = cell(projected.select(0, t), state, suffix);
                    steps[t] = state[0];
                }
                outputs.add(Tensor.stack(List.of(steps), 0));
                for (int s = 0; s < stateCount(); s++) {
                    finals[s][k] = state[s];
                }
            }
            x = outputs.size() == 1 ? outputs.get(0) : Tensor.cat(outputs, 2);
            if (layer < numLayers - 1 && dropout > 0 && isTraining()) {
                x = x.dropout(dropout, true, gen);
            }
        }
        Tensor output = unbatched ? x.squeeze(1) : batchFirst ? x.transpose(0, 1) : x;
        Tensor[] result = new Tensor[1 + stateCount()];
        result[0] = output;
        for (int s = 0; s < stateCount(); s++) {
            Tensor stacked = Tensor.stack(List.of(finals[s]), 0);
            result[1 + s] = unbatched ? stacked.squeeze(1) : stacked;
        }
        return result;
    }

    private Tensor[] initialState(String name, Tensor given, boolean unbatched, int batch) {
        int count = numLayers * directions();
        int[] expected = unbatched ? new int[] {count, hiddenSize} : new int[] {count, batch, hiddenSize};
        if (given == null) {
            Tensor zeros = Tensor.zeros(batch, hiddenSize);
            Tensor[] out = new Tensor[count];
            java.util.Arrays.fill(out, zeros);
            return out;
        }
        if (!java.util.Arrays.equals(given.shape(), expected)) {
            throw new IllegalArgumentException(
                    name + ": expected initial state " + Shapes.str(expected) + ", got " + Shapes.str(given.shape()));
        }
        Tensor g = unbatched ? given.unsqueeze(1) : given;
        Tensor[] out = new Tensor[count];
        for (int k = 0; k < count; k++) {
            out[k] = g.select(0, k);
        }
        return out;
    }

    @Override
    protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (numLayers != 1 ? ", num_layers=" + numLayers : "")
                + (bias ? "" : ", bias=False") + (batchFirst ? ", batch_first=True" : "")
                + (dropout != 0 ? ", dropout=" + Repr.num(dropout) : "")
                + (bidirectional ? ", bidirectional=True" : "");
    }
}
