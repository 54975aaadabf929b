package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MemoryPlanTest {
    private static final Attributes NONE = Attributes.of();

    @Test
    void aChainReusesTheBufferOfAResultNoLongerLive() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 1000);
        Value a = b.op("exp", NONE, x);
        Value t = b.op("softmax", NONE.with("dim", 0), a);
        Value c = b.op("softmax", NONE.with("dim", 0), t);
        MemoryPlan plan = MemoryPlan.of(b.build(c));
        assertEquals(-1, plan.offset(x));
        assertEquals(0, plan.offset(a));
        assertEquals(4000, plan.offset(t));
        assertEquals(0, plan.offset(c), "a's last use is the first softmax, before c is made");
        assertEquals(8000, plan.arenaBytes());
        assertEquals(8000, plan.peakLiveBytes());
        assertEquals(12000, plan.totalBytes());
    }

    @Test
    void anElementwiseChainWritesEachResultOverTheOneBeforeIt() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 1000);
        Value a = b.op("exp", NONE, x);
        Value t = b.op("tanh", NONE, a);
        Value c = b.op("mul", NONE, t, x);
        Value kept = b.op("neg", NONE, c);
        Value d = b.op("add", NONE, kept, c);
        MemoryPlan plan = MemoryPlan.of(b.build(d, kept));
        assertEquals(0, plan.offset(a));
        assertEquals(0, plan.offset(t), "over a, which dies at tanh");
        assertEquals(0, plan.offset(c), "over t (x is an input, never written over)");
        assertEquals(4000, plan.offset(kept), "c is read after neg");
        assertEquals(0, plan.offset(d), "over c, not over kept, an output read after the add");
        assertEquals(8000, plan.arenaBytes());
        assertEquals(20000, plan.totalBytes());
    }

    @Test
    void aViewSharesItsSourcesBufferAndKeepsItLive() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 10, 10);
        Value a = b.op("exp", NONE, x);
        Value v = b.op("reshape", NONE.with("shape", new int[] {100}), a);
        Value t = b.op("tanh", NONE, b.op("reshape", NONE.with("shape", new int[] {100}), x));
        Value s = b.op("add", NONE, v, t);
        MemoryPlan plan = MemoryPlan.of(b.build(s));
        assertEquals(plan.offset(a), plan.offset(v));
        assertEquals(400, plan.bufferBytes(v));
        assertTrue(plan.offset(t) != plan.offset(a), "a lives on through its view until the add");
        assertEquals(800, plan.peakLiveBytes(), "a and tanh's result, which the sum is written over");
        assertEquals(800, plan.arenaBytes());
        assertEquals(plan.offset(t), plan.offset(s));
    }

    @Test
    void theMlpsGradientGraphNeedsFarLessThanABufferPerResult() {
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            layers.add(new Linear(64, 64));
            layers.add(new ReLU());
        }
        Sequential model = new Sequential(layers.toArray(new Module[0]));
        Graph forward = Graph.trace(model, Tensor.zeros(32, 64));
        Graph joint = Passes.optimize(Autodiff.gradients(forward, forward.parameterNames()));
        MemoryPlan plan = MemoryPlan.of(joint);
        assertTrue(plan.peakLiveBytes() <= plan.arenaBytes(), "no plan needs less than the live peak");
        assertTrue(plan.arenaBytes() < plan.totalBytes() / 2, plan.arenaBytes() + " of " + plan.totalBytes());
        System.out.println("memory plan of a 4-layer MLP's joint graph: arena " + plan.arenaBytes()
                + " bytes, live peak " + plan.peakLiveBytes() + ", a buffer per result " + plan.totalBytes());
    }
}
