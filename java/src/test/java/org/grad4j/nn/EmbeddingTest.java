package org.grad4j.nn;

import static org.grad4j.nn.Layers.assertKeys;
import static org.grad4j.nn.Layers.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.grad4j.autograd.GradCheck;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class EmbeddingTest {
    @Test
    void looksUpRowsForIndicesOfAnyShape() {
        Embedding emb = new Embedding(4, 2);
        Layers.set(emb.weight, 0, 1, 10, 11, 20, 21, 30, 31);
        Tensor idx = Tensor.of(new float[] {3, 0, 1, 3, 2, 2}, 2, 3);
        Tensor out = emb.forward(idx);
        assertArrayEquals(new int[] {2, 3, 2}, out.shape());
        assertArrayEquals(new float[] {30, 31, 0, 1, 10, 11, 30, 31, 20, 21, 20, 21}, out.toArray());
        assertArrayEquals(new float[] {20, 21}, emb.forward(Tensor.scalar(2)).toArray());
        assertArrayEquals(new int[] {2}, emb.forward(Tensor.scalar(2)).shape());
        assertArrayEquals(
                new float[] {0, 1, 20, 21}, emb.forward(idx.t().select(0, 1)).toArray());
    }

    @Test
    void paddingRowStartsAtZeroAndGetsNoGradient() {
        Embedding emb = new Embedding(5, 3, -1, new Generator(1));
        assertEquals(4, emb.paddingIdx());
        assertArrayEquals(new float[3], emb.weight.select(0, 4).toArray());
        Tensor idx = Tensor.of(new float[] {4, 1, 4, 1, 2}, 5);
        Tensor out = emb.forward(idx);
        assertArrayEquals(new float[3], out.select(0, 0).toArray());
        out.sum().backward();
        assertArrayEquals(
                new float[] {0, 0, 0, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0},
                emb.weight.grad().toArray());
        // a padding row the user changed is returned as is, still without a gradient
        Layers.set(emb.weight.select(0, 4), 7, 8, 9);
        assertArrayEquals(new float[] {7, 8, 9}, emb.forward(Tensor.scalar(4)).toArray());
    }

    @Test
    void weightGradientChecksAndStartsStandardNormal() {
        Embedding emb = new Embedding(6, 3, null, new Generator(2));
        Tensor idx = Tensor.of(new float[] {5, 0, 2, 2}, 2, 2);
        GradCheck.check(in -> emb.forward(idx), emb.weight);
        float[] w = new Embedding(1000, 100, null, new Generator(3)).weight.toArray();
        double mean = 0;
        double sq = 0;
        for (float v : w) {
            mean += v / (double) w.length;
            sq += v * (double) v / w.length;
        }
        assertEquals(0, mean, 0.01);
        assertEquals(1, Math.sqrt(sq - mean * mean), 0.01);
    }

    @Test
    void stateReprAndValidation() {
        assertKeys(List.of("weight"), new Embedding(10, 3));
        assertEquals("Embedding(10, 3)", new Embedding(10, 3).toString());
        assertEquals("Embedding(10, 3, padding_idx=0)", new Embedding(10, 3, 0).toString());
        assertEquals("Embedding(10, 3, padding_idx=8)", new Embedding(10, 3, -2).toString());
        assertMessage("Embedding: numEmbeddings must be > 0, got 0", () -> new Embedding(0, 3));
        assertMessage("Embedding: embeddingDim must be > 0, got -1", () -> new Embedding(3, -1));
        assertMessage("Embedding: paddingIdx must be within [-10, 10), got 10", () -> new Embedding(10, 3, 10));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new Embedding(10, 3).forward(Tensor.of(new float[] {1, 10}, 2)));
        assertTrue(e.getMessage().startsWith("Embedding: bad index in input [2] for 10 embeddings ("), e.getMessage());
    }
}
