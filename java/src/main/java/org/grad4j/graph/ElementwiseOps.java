package org.grad4j.graph;

import java.util.Map;
import java.util.Set;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.UnaryOp;

/**
 * The element-wise ops of graphs as the backend's unary and binary functions, with each unary op's
 * parameters taken from its node's attributes: what the lowering runs and the fusion fuses.
 */
final class ElementwiseOps {
    private static final Map<String, BinaryOp> BINARY = Map.ofEntries(
            Map.entry("add", BinaryOp.ADD),
            Map.entry("sub", BinaryOp.SUB),
            Map.entry("mul", BinaryOp.MUL),
            Map.entry("div", BinaryOp.DIV),
            Map.entry("eq", BinaryOp.EQ),
            Map.entry("ne", BinaryOp.NE),
            Map.entry("lt", BinaryOp.LT),
            Map.entry("le", BinaryOp.LE),
            Map.entry("gt", BinaryOp.GT),
            Map.entry("ge", BinaryOp.GE),
            Map.entry("reluBackward", BinaryOp.RELU_BACKWARD));

    private static final Map<String, UnaryOp> UNARY = Map.ofEntries(
            Map.entry("abs", UnaryOp.ABS),
            Map.entry("neg", UnaryOp.NEG),
            Map.entry("exp", UnaryOp.EXP),
            Map.entry("log", UnaryOp.LOG),
            Map.entry("sqrt", UnaryOp.SQRT),
            Map.entry("sigmoid", UnaryOp.SIGMOID),
            Map.entry("tanh", UnaryOp.TANH),
            Map.entry("softplus", UnaryOp.SOFTPLUS),
            Map.entry("gelu", UnaryOp.GELU),
            Map.entry("erf", UnaryOp.ERF),
            Map.entry("floor", UnaryOp.FLOOR),
            Map.entry("ceil", UnaryOp.CEIL),
            Map.entry("trunc", UnaryOp.TRUNC),
            Map.entry("relu", UnaryOp.LEAKY_RELU),
            Map.entry("leakyRelu", UnaryOp.LEAKY_RELU),
            Map.entry("elu", UnaryOp.ELU),
            Map.entry("clamp", UnaryOp.CLAMP),
            Map.entry("sign", UnaryOp.SIGN),
            Map.entry("clampGrad", UnaryOp.CLAMP_GRAD),
            Map.entry("eluGrad", UnaryOp.ELU_GRAD),
            Map.entry("geluGrad", UnaryOp.GELU_GRAD),
            Map.entry("leakyReluGrad", UnaryOp.LEAKY_RELU_GRAD));

    /** Ops whose kernels read each input element at the output element's index, so the output may take an input's place. */
    private static final Set<String> SAME_INDEX = Set.of("clone", "where", "elementwise");

    private ElementwiseOps() {}

    /** The binary function of an op node, or null. */
    static BinaryOp binary(Node n) {
        return n.target().equals("pow") && !n.attributes().has("exponent") ? BinaryOp.POW : BINARY.get(n.target());
    }

    /** The unary function of an op node, or null. */
    static UnaryOp unary(Node n) {
        return n.target().equals("pow") && n.attributes().has("exponent") ? UnaryOp.POW : UNARY.get(n.target());
    }

    /** A unary op's first parameter. */
    static float alpha(Node n) {
        Attributes a = n.attributes();
        return switch (n.target()) {
            case "leakyRelu" -> a.getFloat("negativeSlope");
            case "elu" -> a.getFloat("alpha");
            case "clamp" -> a.getFloat("min");
            case "pow" -> a.getFloat("exponent");
            case "clampGrad", "eluGrad", "geluGrad", "leakyReluGrad", "sign" ->
                a.has("alpha") ? a.getFloat("alpha") : 0f;
            default -> 0f;
        };
    }

    /** A unary op's second parameter. */
    static float beta(Node n) {
        Attributes a = n.attributes();
        return n.target().equals("clamp") ? a.getFloat("max") : a.has("beta") ? a.getFloat("beta") : 0f;
    }

    /** Whether the node is a unary, binary or where op: one pass over its output, each element on its own. */
    static boolean isElementwise(Node n) {
        return n.kind() == Node.Kind.OP
                && (binary(n) != null || unary(n) != null || n.target().equals("where"));
    }

    /** Whether the node's output may be written over an input of the same shape that dies at it. */
    static boolean canWriteOverInput(Node n) {
        return n.kind() == Node.Kind.OP && (binary(n) != null || unary(n) != null || SAME_INDEX.contains(n.target()));
    }
}
