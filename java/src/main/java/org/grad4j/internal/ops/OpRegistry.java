package org.grad4j.internal.ops;

import java.util.Map;
import java.util.function.Function;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.UnaryOp;
import org.grad4j.graph.Attributes;

/**
 * Every built-in op by its public name (and the ops that backward passes are made of, such as
 * {@code reluBackward}), rebuilt from the attributes its {@link Op#attributes()} gave: how a graph
 * node becomes a call again.
 */
public final class OpRegistry {
    private static final Map<String, Function<Attributes, Op>> OPS = Map.ofEntries(
            Map.entry("abs", a -> new Abs()),
            Map.entry("add", a -> new Add()),
            Map.entry("sub", a -> new Sub()),
            Map.entry("mul", a -> new Mul()),
            Map.entry("div", a -> new Div()),
            Map.entry("neg", a -> new Neg()),
            Map.entry("exp", a -> new Exp()),
            Map.entry("log", a -> new Log()),
            Map.entry("sqrt", a -> new Sqrt()),
            Map.entry("sigmoid", a -> new Sigmoid()),
            Map.entry("tanh", a -> new Tanh()),
            Map.entry("softplus", a -> new Softplus()),
            Map.entry("gelu", a -> new Gelu()),
            Map.entry("erf", a -> new Erf()),
            Map.entry("floor", a -> new Rounding(UnaryOp.FLOOR)),
            Map.entry("ceil", a -> new Rounding(UnaryOp.CEIL)),
            Map.entry("trunc", a -> new Rounding(UnaryOp.TRUNC)),
            Map.entry("relu", a -> new LeakyRelu(0f)),
            Map.entry("leakyRelu", a -> new LeakyRelu(a.getFloat("negativeSlope"))),
            Map.entry("elu", a -> new Elu(a.getFloat("alpha"))),
            Map.entry("clamp", a -> new Clamp(a.getFloat("min"), a.getFloat("max"))),
            Map.entry("pow", a -> a.has("exponent") ? new PowScalar(a.getFloat("exponent")) : new Pow()),
            Map.entry("eq", a -> new Compare(BinaryOp.EQ)),
            Map.entry("ne", a -> new Compare(BinaryOp.NE)),
            Map.entry("lt", a -> new Compare(BinaryOp.LT)),
            Map.entry("le", a -> new Compare(BinaryOp.LE)),
            Map.entry("gt", a -> new Compare(BinaryOp.GT)),
            Map.entry("ge", a -> new Compare(BinaryOp.GE)),
            Map.entry("where", a -> new Where()),
            Map.entry("matmul", a -> new Matmul()),
            Map.entry("clone", a -> new Copy()),
            Map.entry("detach", a -> new Detach()),
            Map.entry(
                    "sum",
                    a -> a.has("dims") ? new Sum(a.getInts("dims"), a.getBoolean("keepDim")) : new Sum(null, false)),
            Map.entry("max", a -> extremum(ReduceOp.MAX, a)),
            Map.entry("min", a -> extremum(ReduceOp.MIN, a)),
            Map.entry("argmax", a -> argReduce(ReduceOp.ARGMAX, a)),
            Map.entry("argmin", a -> argReduce(ReduceOp.ARGMIN, a)),
            Map.entry("softmax", a -> new Softmax(a.getInt("dim"), false)),
            Map.entry("logSoftmax", a -> new Softmax(a.getInt("dim"), true)),
            Map.entry("crossEntropy", a -> new CrossEntropy()),
            Map.entry("reshape", a -> new Reshape(a.getInts("shape"), false)),
            Map.entry("view", a -> new Reshape(a.getInts("shape"), true)),
            Map.entry("permute", a -> new Permute(a.getInts("dims"))),
            Map.entry("expand", a -> new Expand(a.getInts("sizes"))),
            Map.entry(
                    "narrow",
                    a -> new Slice(
                            a.getInt("dim"),
                            a.getInt("start"),
                            (long) a.getInt("start") + a.getInt("length"),
                            1,
                            true)),
            Map.entry(
                    "slice",
                    a -> new Slice(a.getInt("dim"), a.getInt("start"), a.getInt("end"), a.getInt("step"), false)),
            Map.entry("cat", a -> new Cat(a.getInt("dim"))),
            Map.entry("gather", a -> new Gather(a.getInt("dim"))),
            Map.entry("indexSelect", a -> new IndexSelect(a.getInt("dim"))),
            Map.entry(
                    "conv2d",
                    a -> new Conv2d(
                            a.getInts("stride"), a.getInts("padding"), a.getInts("dilation"), a.getInt("groups"))),
            Map.entry(
                    "convTranspose2d",
                    a -> new ConvTranspose2d(
                            a.getInts("stride"),
                            a.getInts("padding"),
                            a.has("outputPadding") ? a.getInts("outputPadding") : new int[2],
                            a.getInts("dilation"),
                            a.getInt("groups"))),
            Map.entry(
                    "maxPool2d",
                    a -> new MaxPool2d(
                            a.getInts("kernel"), a.getInts("stride"), a.getInts("padding"), a.getInts("dilation"))),
            Map.entry("avgPool2d", a -> new AvgPool2d(a.getInts("kernel"), a.getInts("stride"), a.getInts("padding"))),
            Map.entry("sign", a -> pointwise(UnaryOp.SIGN, a)),
            Map.entry("clampGrad", a -> pointwise(UnaryOp.CLAMP_GRAD, a)),
            Map.entry("eluGrad", a -> pointwise(UnaryOp.ELU_GRAD, a)),
            Map.entry("geluGrad", a -> pointwise(UnaryOp.GELU_GRAD, a)),
            Map.entry("leakyReluGrad", a -> pointwise(UnaryOp.LEAKY_RELU_GRAD, a)),
            Map.entry("reluBackward", a -> new ReluBackward()),
            Map.entry("elementwise", a -> new FusedElementwise(ElementwiseProgram.parse(a.getString("program")))),
            Map.entry("matmulBias", MatmulBias::of),
            Map.entry("softmaxBackward", a -> new SoftmaxBackward(a.getInt("dim"), false)),
            Map.entry("logSoftmaxBackward", a -> new SoftmaxBackward(a.getInt("dim"), true)),
            Map.entry("crossEntropyBackward", a -> new CrossEntropyBackward(null)),
            Map.entry("gatherBackward", a -> new ScatterBackward(true, a.getInts("shape"), a.getInt("dim"), null)),
            Map.entry(
                    "indexSelectBackward", a -> new ScatterBackward(false, a.getInts("shape"), a.getInt("dim"), null)),
            Map.entry("maxBackward", a -> new ExtremumBackward(ReduceOp.MAX, a.getInt("dim"), null)),
            Map.entry("minBackward", a -> new ExtremumBackward(ReduceOp.MIN, a.getInt("dim"), null)),
            Map.entry("maxPool2dBackward", a -> Pool2dBackward.max(pool("maxPool2d", a), null)),
            Map.entry("avgPool2dBackward", a -> Pool2dBackward.avg(pool("avgPool2d", a), a.getInts("shape"))),
            Map.entry("conv2dBackwardInput", a -> Conv2dBackward.input(conv(a), a.getInts("shape"))),
            Map.entry("conv2dBackwardWeight", a -> Conv2dBackward.weight(conv(a), a.getInts("shape"))),
            Map.entry(
                    "sliceBackward",
                    a -> new SliceBackward(a.getInts("shape"), a.getInt("dim"), a.getInt("start"), a.getInt("step"))));

    /** The ops that only the graph passes make, fusing others after differentiation. */
    public static final java.util.Set<String> FUSED = java.util.Set.of("elementwise", "matmulBias");

    private OpRegistry() {}

    private static Pool2d pool(String op, Attributes a) {
        return Pool2d.of(
                op,
                a.getInts("kernel"),
                a.getInts("stride"),
                a.getInts("padding"),
                a.has("dilation") ? a.getInts("dilation") : null);
    }

    private static ConvParams conv(Attributes a) {
        return ConvParams.of(
                "conv2d", a.getInts("stride"), a.getInts("padding"), null, a.getInts("dilation"), a.getInt("groups"));
    }

    private static Op pointwise(UnaryOp op, Attributes a) {
        return new PointwiseDerivative(op, a.getFloat("alpha"), a.getFloat("beta"));
    }

    private static Op extremum(ReduceOp op, Attributes a) {
        return a.has("dim")
                ? new Extremum(op, a.getInt("dim"), a.getBoolean("keepDim"))
                : new Extremum(op, null, false);
    }

    private static Op argReduce(ReduceOp op, Attributes a) {
        return a.has("dim")
                ? new ArgReduce(op, a.getInt("dim"), a.getBoolean("keepDim"))
                : new ArgReduce(op, null, false);
    }

    /** The names of the built-in ops. */
    public static java.util.Set<String> names() {
        return OPS.keySet();
    }

    /** Whether {@code name} is a built-in op. */
    public static boolean contains(String name) {
        return OPS.containsKey(name);
    }

    /**
     * A new op of that name with those attributes, ready for one apply.
     *
     * @throws IllegalArgumentException if no built-in op has the name, or an attribute it needs is missing
     */
    public static Op create(String name, Attributes attributes) {
        Function<Attributes, Op> factory = OPS.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("no grad4j op is named '" + name + "'");
        }
        return factory.apply(attributes);
    }
}
