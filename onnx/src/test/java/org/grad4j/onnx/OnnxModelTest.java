package org.grad4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.optim.Adam;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class OnnxModelTest {
    private static final float[] W1 = {0.5f, -1f, 0.25f, 2f, -0.5f, 1f};
    private static final float[] B1 = {0.1f, -0.2f};
    private static final float[] W2 = {1f, -1f, 0.5f, 2f, -2f, 0.25f};
    private static final float[] B2 = {0f, 0.5f, -0.5f};

    private static OnnxModel mlp() {
        return OnnxModel.load(Models.mlp(W1, B1, W2, B2, 3, 2, 3).toByteArray());
    }

    /** The model's function written with grad4j's ops on the same weights. */
    private static Tensor expected(Tensor x, Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
        return x.matmul(w1.t()).add(b1).relu().matmul(w2.t()).add(b2);
    }

    @Test
    void describesItsInputsOutputsAndParameters() {
        OnnxModel m = mlp();
        assertEquals(13, m.opset());
        assertEquals(List.of(new OnnxValueInfo("x", OnnxType.FLOAT, new long[] {-1, 3})), m.inputs());
        assertEquals(List.of(new OnnxValueInfo("y", OnnxType.FLOAT, new long[] {-1, 3})), m.outputs());
        assertEquals(
                List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"),
                List.copyOf(m.namedParameters().keySet()));
        assertEquals(
                List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"),
                List.copyOf(m.asModule().namedParameters().keySet()));
    }

    @Test
    void runsAsTheSameOpsWould() {
        OnnxModel m = mlp();
        Tensor x = Tensor.of(new float[] {1f, 2f, -1f, 0.5f, -0.5f, 3f}, 2, 3);
        Tensor y = m.run(Map.of("x", x)).get("y");
        Tensor want = expected(x, Tensor.of(W1, 2, 3), Tensor.of(B1, 2), Tensor.of(W2, 3, 2), Tensor.of(B2, 3));
        assertArrayEquals(want.toArray(), y.toArray(), 1e-6f);
        // by hand: the first row's hidden units are both negative (y = b2); the second's are [1.6, 4.05]
        assertArrayEquals(new float[] {0f, 0.5f, -0.5f, -2.45f, 9.4f, -2.6875f}, y.toArray(), 1e-5f);
    }

    @Test
    void gradientsReachTheInitializersAndFineTuningLowersTheLoss() {
        OnnxModel m = mlp();
        Module module = m.asModule();
        Tensor x = Tensor.rand(new Generator(3), 8, 3);
        Tensor target = Tensor.of(new float[] {0, 1, 2, 0, 1, 2, 0, 1}, 8);
        Tensor loss = module.forward(x).crossEntropy(target);
        loss.backward();
        Tensor w1 = Tensor.of(W1, 2, 3).requiresGrad(true);
        Tensor b1 = Tensor.of(B1, 2).requiresGrad(true);
        Tensor w2 = Tensor.of(W2, 3, 2).requiresGrad(true);
        Tensor b2 = Tensor.of(B2, 3).requiresGrad(true);
        expected(x, w1, b1, w2, b2).crossEntropy(target).backward();
        Map<String, Parameter> p = m.namedParameters();
        assertArrayEquals(w1.grad().toArray(), p.get("fc1.weight").grad().toArray(), 1e-6f);
        assertArrayEquals(b1.grad().toArray(), p.get("fc1.bias").grad().toArray(), 1e-6f);
        assertArrayEquals(w2.grad().toArray(), p.get("fc2.weight").grad().toArray(), 1e-6f);
        assertArrayEquals(b2.grad().toArray(), p.get("fc2.bias").grad().toArray(), 1e-6f);

        Adam adam = new Adam(m.parameters(), 0.05);
        float first = loss.item();
        float last = first;
        for (int i = 0; i < 50; i++) {
            adam.zeroGrad();
            Tensor l = module.forward(x).crossEntropy(target);
            l.backward();
            adam.step();
            last = l.item();
        }
        assertTrue(last < 0.6f * first, "fine-tuning lowered the loss from " + first + " to " + last);
    }

    @Test
    void tracesIntoAGraphAndCompiles() {
        OnnxModel m = mlp();
        Tensor x = Tensor.rand(new Generator(4), 5, 3);
        org.grad4j.graph.Graph g = org.grad4j.graph.Graph.trace(m.asModule(), x);
        assertEquals(List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"), g.parameterNames());
        assertArrayEquals(m.run(Map.of("x", x)).get("y").toArray(), g.run(x)[0].toArray(), 1e-6f);

        Module compiled = org.grad4j.graph.Compile.module(m.asModule());
        Tensor target = Tensor.of(new float[] {0, 1, 2, 0, 1}, 5);
        compiled.forward(x).crossEntropy(target).backward();
        float[] compiledGrad = m.namedParameters().get("fc1.weight").grad().toArray();
        m.asModule().zeroGrad();
        m.asModule().forward(x).crossEntropy(target).backward();
        assertArrayEquals(m.namedParameters().get("fc1.weight").grad().toArray(), compiledGrad, 1e-6f);
    }

    /** Floor, Ceil and Mod (fmod = 1) run on grad4j's ops: a model of them traces into one graph and compiles. */
    @Test
    void roundingTracesAndCompiles() {
        float[] divisors = {2f, -0.5f, 4f, 0.25f};
        var g = org.grad4j.onnx.proto.OnnxProto.GraphProto.newBuilder()
                .addInput(Models.floats("x", -1, 4))
                .addOutput(Models.floats("y", -1, 4))
                .addInitializer(Models.tensor("d", divisors, 4))
                .addNode(Models.node("Floor", new String[] {"x"}, "f"))
                .addNode(Models.node("Ceil", new String[] {"x"}, "c"))
                .addNode(Models.node("Mod", new String[] {"x", "d"}, "r", Models.intAttr("fmod", 1)))
                .addNode(Models.node("Add", new String[] {"f", "c"}, "s"))
                .addNode(Models.node("Add", new String[] {"s", "r"}, "y"));
        OnnxModel m = OnnxModel.load(Models.model(13, g).toByteArray());
        Tensor x = Tensor.randn(new Generator(5), 3, 4).mul(5f);
        float[] v = x.toArray();
        float[] expected = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            // powers of two as divisors: a - trunc(a / b) · b is then C's fmod exactly
            expected[i] = (float) Math.floor(v[i]) + (float) Math.ceil(v[i]) + v[i] % divisors[i % 4];
        }
        assertArrayEquals(expected, m.run(Map.of("x", x)).get("y").toArray(), 0f);
        // a value read to the host would be a graph break here
        org.grad4j.graph.Graph traced = org.grad4j.graph.Graph.trace(m.asModule(), x);
        assertArrayEquals(expected, traced.run(x)[0].toArray(), 0f);
        Module compiled = org.grad4j.graph.Compile.module(m.asModule());
        assertArrayEquals(expected, compiled.forward(x).toArray(), 0f);
    }

    @Test
    void refusesWrongInputsNamingThem() {
        OnnxModel m = mlp();
        OnnxException missing = assertThrows(OnnxException.class, () -> m.run(Map.of("z", Tensor.zeros(1, 3))));
        assertTrue(missing.getMessage().contains("'x'"), missing.getMessage());
        OnnxException shape = assertThrows(OnnxException.class, () -> m.run(Map.of("x", Tensor.zeros(2, 4))));
        assertTrue(shape.getMessage().contains("[-1, 3]") && shape.getMessage().contains("[2, 4]"), shape.getMessage());
    }

    @Test
    void foldsShapeArithmeticExactly() {
        // Shape -> Gather -> Unsqueeze -> Concat -> Reshape, as exporters write a flatten
        var g = org.grad4j.onnx.proto.OnnxProto.GraphProto.newBuilder()
                .addInput(Models.floats("x", 2, 3, 4))
                .addOutput(Models.floats("y", 2, 12))
                .addInitializer(Models.int64("zero", 0))
                .addInitializer(Models.int64s("minus_one", -1))
                .addNode(Models.node("Shape", new String[] {"x"}, "s"))
                .addNode(Models.node("Gather", new String[] {"s", "zero"}, "n", Models.intAttr("axis", 0)))
                .addNode(Models.node("Unsqueeze", new String[] {"n", "axes"}, "n1"))
                .addNode(Models.node("Concat", new String[] {"n1", "minus_one"}, "shape", Models.intAttr("axis", 0)))
                .addNode(Models.node("Reshape", new String[] {"x", "shape"}, "y"));
        g.addInitializer(Models.int64s("axes", 0));
        OnnxModel m = OnnxModel.load(Models.model(13, g).toByteArray());
        Tensor x = Tensor.rand(new Generator(1), 2, 3, 4);
        Tensor y = m.run(Map.of("x", x)).get("y");
        assertNotNull(y);
        assertArrayEquals(new int[] {2, 12}, y.shape());
        assertArrayEquals(x.toArray(), y.toArray());
    }

    /** An int64 input i and i + 1 as output, and a constant int64 output beyond 2^24. */
    private static OnnxModel integers() {
        var g = org.grad4j.onnx.proto.OnnxProto.GraphProto.newBuilder()
                .addInput(Models.typed("i", 7, -1))
                .addOutput(Models.typed("next", 7, -1))
                .addOutput(Models.typed("big", 7, 1))
                .addInitializer(Models.int64("one", 1))
                .addInitializer(Models.int64s("beyond", (1L << 24) + 1))
                .addNode(Models.node("Add", new String[] {"i", "one"}, "next"))
                .addNode(Models.node("Identity", new String[] {"beyond"}, "big"));
        return OnnxModel.load(Models.model(13, g).toByteArray());
    }

    @Test
    void integerInputsAndOutputsBeyondFloat32sExactRangeAreErrorsNamingThem() {
        OnnxModel m = integers();
        OnnxException big =
                assertThrows(OnnxException.class, () -> m.run(Map.of("i", Tensor.of(new float[] {1, 2}, 2))));
        assertTrue(big.getMessage().contains("'big'") && big.getMessage().contains("16777217"), big.getMessage());

        OnnxException huge =
                assertThrows(OnnxException.class, () -> m.run(Map.of("i", Tensor.of(new float[] {1, 3e7f}, 2))));
        assertTrue(huge.getMessage().contains("'i'") && huge.getMessage().contains("element 1"), huge.getMessage());
        OnnxException fraction =
                assertThrows(OnnxException.class, () -> m.run(Map.of("i", Tensor.of(new float[] {1.5f}, 1))));
        assertTrue(
                fraction.getMessage().contains("'i'") && fraction.getMessage().contains("1.5"), fraction.getMessage());
    }

    @Test
    void integerInputsWithinRangeRun() {
        var g = org.grad4j.onnx.proto.OnnxProto.GraphProto.newBuilder()
                .addInput(Models.typed("i", 7, -1))
                .addOutput(Models.typed("next", 7, -1))
                .addInitializer(Models.int64("one", 1))
                .addNode(Models.node("Add", new String[] {"i", "one"}, "next"));
        OnnxModel m = OnnxModel.load(Models.model(13, g).toByteArray());
        float edge = 1 << 24;
        Tensor next =
                m.run(Map.of("i", Tensor.of(new float[] {-edge, 0, 41}, 3))).get("next");
        assertArrayEquals(new float[] {-edge + 1, 1, 42}, next.toArray());
    }
}
