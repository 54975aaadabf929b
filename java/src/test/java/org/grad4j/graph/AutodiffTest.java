package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AutodiffTest {
    @Test
    void theJointGraphOfAClassifierGivesEagersGradients() {
        Generator.manualSeed(7);
        Sequential model = new Sequential(new Linear(6, 5), new ReLU(), new Linear(5, 3));
        Tensor x = Tensor.randn(new Generator(1), 4, 6);
        Tensor target = Tensor.of(new float[] {0, 2, 1, 2});
        Graph forward = Graph.trace(in -> new Tensor[] {model.forward(in[0]).crossEntropy(in[1])}, x, target);
        List<String> params = forward.parameterNames();
        assertEquals(List.of("param0", "param1", "param2", "param3"), params);
        Graph joint = Autodiff.gradients(forward, params);
        assertEquals(
                List.of("input0", "input1", "gradOutput0"),
                joint.inputs().stream().map(v -> joint.producer(v).target()).toList());
        assertEquals(1 + params.size(), joint.outputs().size());
        assertTrue(joint.nodes().stream().anyMatch(n -> n.target().equals("reluBackward")), joint.toString());
        assertTrue(joint.nodes().stream().anyMatch(n -> n.target().equals("crossEntropyBackward")), joint.toString());

        for (Parameter p : model.parameters()) {
            assertNull(p.grad(), "differentiating a graph leaves the parameters' gradients as they were");
        }
        Tensor loss = model.forward(x).crossEntropy(target);
        loss.backward();
        Tensor[] out = joint.run(x, target, Tensor.scalar(1));
        assertEquals(loss.item(), out[0].item());
        List<Parameter> ps = model.parameters();
        Graph optimized = Passes.optimize(joint);
        assertTrue(optimized.nodes().size() < joint.nodes().size(), "the passes remove the transposes of transposes");
        Tensor[] fromOptimized = optimized.run(x, target, Tensor.scalar(1));
        for (int i = 0; i < ps.size(); i++) {
            assertArrayEquals(ps.get(i).grad().toArray(), out[1 + i].toArray(), 1e-6f, params.get(i));
            assertArrayEquals(out[1 + i].toArray(), fromOptimized[1 + i].toArray(), params.get(i));
        }
    }

    @Test
    void gradientsOfInputsAndOfUnboundParametersAndZerosWhereNothingDepends() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", 3);
        Value unused = b.input("unused", 2);
        Value w = b.parameter("w", 3);
        Graph forward = b.build(b.op("sum", Attributes.of(), b.op("mul", Attributes.of(), x, w)));
        Graph joint = Autodiff.gradients(forward);
        assertEquals(4, joint.outputs().size(), "the output, then x, unused and w");
        Tensor[] out = joint.run(
                Map.of("w", Tensor.of(new float[] {1, 2, 3})),
                Tensor.of(new float[] {4, 5, 6}),
                Tensor.zeros(2),
                Tensor.scalar(2));
        assertEquals(32f, out[0].item());
        assertArrayEquals(new float[] {2, 4, 6}, out[1].toArray(), "d/dx = w · gradOutput");
        assertArrayEquals(new float[] {0, 0}, out[2].toArray());
        assertArrayEquals(new float[] {8, 10, 12}, out[3].toArray(), "d/dw = x · gradOutput");
        assertEquals(unused.shape()[0], out[2].numel());
    }

    @Test
    void everyBuiltInBackwardIsRecordedConvolutionsAndPoolsIncluded() {
        Tensor w = Tensor.randn(new Generator(2), 2, 1, 3, 3).requiresGrad(true);
        Tensor x = Tensor.randn(new Generator(3), 1, 1, 6, 6);
        Graph forward =
                Graph.trace(in -> new Tensor[] {in[0].conv2d(w, null).relu().maxPool2d(2)}, x);
        Graph joint = Autodiff.gradients(forward, List.of("param0"));
        List<String> ops = joint.nodes().stream().map(Node::target).toList();
        assertTrue(
                ops.containsAll(List.of("maxPool2dBackward", "reluBackward", "conv2dBackwardWeight")), ops.toString());
        assertTrue(!ops.contains("conv2dBackwardInput"), "no gradient for x is asked for: " + ops);
        Tensor seed = Tensor.randn(new Generator(4), 1, 2, 2, 2);
        x.conv2d(w, null).relu().maxPool2d(2).backward(seed);
        assertArrayEquals(w.grad().toArray(), joint.run(x, seed)[1].toArray(), 1e-6f);
    }

    @Test
    void aHookThatReadsValuesDuringBackwardIsAGraphBreak() {
        Tensor w = Tensor.ones(3).requiresGrad(true);
        Graph forward = Graph.trace(in -> new Tensor[] {in[0].mul(w).sum()}, Tensor.ones(3));
        var handle = w.registerHook(g -> {
            g.sum().item();
            return g;
        });
        GraphBreakException e = assertThrows(GraphBreakException.class, () -> Autodiff.gradients(forward));
        assertEquals("item()", e.operation());
        assertNull(w.grad(), "the parameter's gradient is as it was");
        handle.remove();
    }

    @Test
    void unknownNamesAreRefused() {
        Graph forward = Graph.trace(in -> new Tensor[] {in[0].exp()}, Tensor.zeros(2));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Autodiff.gradients(forward, List.of("nope")));
        assertTrue(e.getMessage().startsWith("Autodiff: 'nope' is neither"), e.getMessage());
    }
}
