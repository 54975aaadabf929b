package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.grad4j.nn.GRU;
import org.grad4j.nn.LSTM;
import org.grad4j.nn.LayerNorm;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.Sequential;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Layers that exchange formats write as one operator record themselves as regions of a trace. */
class RegionTest {
    @Test
    void layerNormIsARegionOverItsOwnNodes() {
        Module model = new Sequential(new Linear(3, 4), new LayerNorm(4));
        Graph g = Graph.trace(model, Tensor.randn(new Generator(1), 2, 3));
        assertEquals(1, g.regions().size());
        Region r = g.regions().get(0);
        assertEquals("layerNorm", r.op());
        assertArrayEquals(new int[] {4}, r.attributes().getInts("normalizedShape"));
        assertEquals(1e-5f, r.attributes().getFloat("eps"));
        assertEquals(
                List.of(Node.Kind.OP, Node.Kind.PARAMETER, Node.Kind.PARAMETER),
                r.inputs().stream().map(v -> g.producer(v).kind()).toList());
        assertEquals("1.weight", g.producer(r.inputs().get(1)).target());
        assertEquals("1.bias", g.producer(r.inputs().get(2)).target());
        assertEquals(g.outputs(), r.outputs());
        assertEquals(g.nodes().size(), r.end());
        for (int id = r.first(); id < r.end(); id++) {
            Node.Kind kind = g.nodes().get(id).kind();
            assertTrue(kind == Node.Kind.OP || kind == Node.Kind.CONSTANT, "node " + id + ": " + kind);
        }
        assertEquals(r.first() - 1, r.inputs().get(2).id(), "the parameters are captured before the region");
        assertTrue(g.toString().contains("region"), g.toString());
    }

    @Test
    void recurrentRegionRecordsConfigurationInputsAndOutputs() {
        LSTM lstm = new LSTM(3, 2, 2, true, true, 0, false);
        Tensor h0 = Tensor.zeros(2, 4, 2);
        Graph g = Graph.trace(
                lstm,
                in -> {
                    LSTM.Result r = lstm.forward(in[0], h0, null);
                    return new Tensor[] {r.output(), r.c()};
                },
                Tensor.randn(new Generator(2), 4, 5, 3));
        assertEquals(1, g.regions().size());
        Region r = g.regions().get(0);
        assertEquals("lstm", r.op());
        Attributes a = r.attributes();
        assertEquals(2, a.getInt("hiddenSize"));
        assertEquals(2, a.getInt("numLayers"));
        assertTrue(a.getBoolean("batchFirst"));
        assertArrayEquals(new int[] {1, 0}, a.getInts("initial"));
        // input, h0, then four parameters per layer
        assertEquals(1 + 1 + 2 * 4, r.inputs().size());
        assertEquals("weight_ih_l0", g.producer(r.inputs().get(2)).target());
        assertEquals(3, r.outputs().size());
        assertEquals(g.outputs().get(0), r.outputs().get(0));
        assertEquals(g.outputs().get(1), r.outputs().get(2));
    }

    @Test
    void gruInEvalModeIgnoresDropout() {
        GRU gru = new GRU(3, 2, 2, true, false, 0.5, true);
        gru.eval();
        Region r = Graph.trace(gru, Tensor.zeros(5, 1, 3)).regions().get(0);
        assertEquals("gru", r.op());
        assertTrue(r.attributes().getBoolean("bidirectional"));
        assertEquals(1 + 2 * 2 * 4, r.inputs().size());
    }

    @Test
    void passesReturnGraphsWithoutRegions() {
        Module model = new Sequential(new LayerNorm(4));
        Tensor x = Tensor.randn(new Generator(3), 2, 4);
        Graph g = Graph.trace(model, x);
        Graph optimized = Passes.optimize(g);
        assertTrue(optimized.regions().isEmpty());
        assertArrayEquals(model.forward(x).toArray(), optimized.run(x)[0].toArray(), 1e-6f);
    }
}
