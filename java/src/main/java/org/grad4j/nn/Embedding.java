package org.grad4j.nn;

import java.util.Arrays;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * A lookup table of learned vectors, like {@code torch.nn.Embedding}: out[..., :] = weight[index[...], :].
 *
 * <p>Shape: input of any shape [*] holding integer indices in [0, numEmbeddings) (as float values);
 * output [*, embeddingDim]. Weight [numEmbeddings, embeddingDim] starts standard normal. With a
 * paddingIdx (negative counts from the end), that row starts at zero and gets no gradient, so it
 * stays a fixed padding vector while training.
 * See https://pytorch.org/docs/stable/generated/torch.nn.Embedding.html
 *
 * <pre>{@code
 * Embedding emb = new Embedding(10, 3, 0);
 * emb.forward(Tensor.of(new float[] {1, 2, 0, 0}, 2, 2)).shape();   // [2, 2, 3]; rows for 0 are zeros
 * emb.toString();   // Embedding(10, 3, padding_idx=0)
 * }</pre>
 */
public class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;
    /** The table [numEmbeddings, embeddingDim]. */
    public final Parameter weight;

    /**
     * A table without a padding row, initialized from the default generator, as
     * {@code torch.nn.Embedding(num_embeddings, embedding_dim)}.
     *
     * @param numEmbeddings the number of rows, &gt; 0
     * @param embeddingDim the size of each vector, &gt; 0
     * @throws IllegalArgumentException if a size is not positive
     */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, Generator.defaultGenerator());
    }

    /**
     * A table with a padding row, initialized from the default generator, as
     * {@code torch.nn.Embedding(num_embeddings, embedding_dim, padding_idx)}.
     *
     * @param numEmbeddings the number of rows, &gt; 0
     * @param embeddingDim the size of each vector, &gt; 0
     * @param paddingIdx the row kept at zero, in [-numEmbeddings, numEmbeddings); negative counts from the end
     * @throws IllegalArgumentException if a size is not positive or {@code paddingIdx} is out of range
     */
    public Embedding(int numEmbeddings, int embeddingDim, int paddingIdx) {
        this(numEmbeddings, embeddingDim, paddingIdx, Generator.defaultGenerator());
    }

    /**
     * The full form, initialized from {@code gen}.
     *
     * @param numEmbeddings the number of rows, &gt; 0
     * @param embeddingDim the size of each vector, &gt; 0
     * @param paddingIdx the row kept at zero, in [-numEmbeddings, numEmbeddings); null means no padding row
     * @param gen the source of the initial values
     * @throws IllegalArgumentException if a size is not positive or {@code paddingIdx} is out of range
     */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Generator gen) {
        this.numEmbeddings = Args.positive("Embedding", "numEmbeddings", numEmbeddings);
        this.embeddingDim = Args.positive("Embedding", "embeddingDim", embeddingDim);
        if (paddingIdx != null && (paddingIdx < -numEmbeddings || paddingIdx >= numEmbeddings)) {
            throw new IllegalArgumentException("Embedding: paddingIdx must be within [" + -numEmbeddings + ", "
                    + numEmbeddings + "), got " + paddingIdx);
        }
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        this.weight = registerParameter("weight", new Parameter(Tensor.zeros(numEmbeddings, embeddingDim)));
        Init.normal_(weight, 0, 1, gen);
        if (this.paddingIdx != null) {
            try (Scope ignored = GradMode.noGrad()) {
                weight.select(0, this.paddingIdx).zero_();
            }
        }
    }

    /**
     * Looks up the rows of the indices; the input itself gets no gradient.
     *
     * @param input integer indices in [0, numEmbeddings), stored as floats, of any shape [*]
     * @return [*, embeddingDim]
     * @throws IllegalArgumentException if an index is out of range
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor flat = input.detach().reshape(-1);
        Tensor rows;
        try {
            rows = weight.indexSelect(0, flat);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Embedding: bad index in input " + Shapes.str(input.shape()) + " for " + numEmbeddings
                            + " embeddings (" + e.getMessage() + ")",
                    e);
        }
        if (paddingIdx != null) {
            // The padding row's value is looked up without a graph, so it receives no gradient.
            Tensor isPadding = flat.eq((float) paddingIdx).reshape(-1, 1);
            rows = Tensor.where(isPadding, weight.detach().indexSelect(0, flat), rows);
        }
        int[] shape = Arrays.copyOf(input.shape(), input.dim() + 1);
        shape[input.dim()] = embeddingDim;
        return rows.reshape(shape);
    }

    /**
     * The number of rows of the table.
     *
     * @return numEmbeddings
     */
    public int numEmbeddings() {
        return numEmbeddings;
    }

    /**
     * The size of each embedding vector.
     *
     * @return embeddingDim
     */
    public int embeddingDim() {
        return embeddingDim;
    }

    /**
     * The padding row.
     *
     * @return its index (non-negative), or null without one
     */
    public Integer paddingIdx() {
        return paddingIdx;
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
