package org.grad4j.onnx;

import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.UnaryOperator;
import org.grad4j.tensor.Tensor;

/** Element-wise operators: unary math and activations, broadcast arithmetic, comparisons, selection, casts. */
final class ElementwiseOps {
    private ElementwiseOps() {}

    static void register(Map<String, OnnxOp> ops) {
        unary(ops, "Abs", Tensor::abs);
        unary(ops, "Neg", Tensor::neg);
        unary(ops, "Exp", Tensor::exp);
        unary(ops, "Log", Tensor::log);
        unary(ops, "Sqrt", Tensor::sqrt);
        unary(ops, "Reciprocal", Tensor::reciprocal);
        unary(ops, "Relu", Tensor::relu);
        unary(ops, "Sigmoid", Tensor::sigmoid);
        unary(ops, "Tanh", Tensor::tanh);
        unary(ops, "Softplus", Tensor::softplus);
        unary(ops, "Erf", Tensor::erf);
        ops.put("LeakyRelu", (n, in) -> one(floatIn(n, in, 0).leakyRelu(n.f("alpha", 0.01f))));
        ops.put("Elu", (n, in) -> one(floatIn(n, in, 0).elu(n.f("alpha", 1f))));
        ops.put(
                "Selu",
                (n, in) -> one(floatIn(n, in, 0)
                        .elu(n.f("alpha", 1.67326319217681884765625f))
                        .mul(n.f("gamma", 1.05070102214813232421875f))));
        ops.put(
                "HardSigmoid",
                (n, in) -> one(floatIn(n, in, 0)
                        .mul(n.f("alpha", 0.2f))
                        .add(n.f("beta", 0.5f))
                        .clamp(0f, 1f)));
        ops.put("Sign", (n, in) -> {
            Tensor x = floatIn(n, in, 0);
            return one(x.gt(0f).sub(x.lt(0f)));
        });
        unary(ops, "Floor", Tensor::floor);
        unary(ops, "Ceil", Tensor::ceil);
        ops.put("Mod", ElementwiseOps::mod);
        ops.put("PRelu", ElementwiseOps::prelu);
        ops.put("Clip", ElementwiseOps::clip);
        arithmetic(ops, "Add", Tensor::add, Long::sum);
        arithmetic(ops, "Sub", Tensor::sub, (a, b) -> a - b);
        arithmetic(ops, "Mul", Tensor::mul, (a, b) -> a * b);
        arithmetic(ops, "Div", Tensor::div, ElementwiseOps::divide);
        arithmetic(ops, "Pow", Tensor::pow, (a, b) -> (long) Math.pow(a, b));
        compare(ops, "Equal", Tensor::eq, (a, b) -> a == b ? 1 : 0);
        compare(ops, "Greater", Tensor::gt, (a, b) -> a > b ? 1 : 0);
        compare(ops, "Less", Tensor::lt, (a, b) -> a < b ? 1 : 0);
        compare(ops, "LessOrEqual", Tensor::le, (a, b) -> a <= b ? 1 : 0);
        compare(ops, "GreaterOrEqual", Tensor::ge, (a, b) -> a >= b ? 1 : 0);
        ops.put(
                "Not",
                (n, in) -> in[0].isExact()
                        ? new Value[] {Exact.binary(n, OnnxType.BOOL, in[0], Value.ints(0), (a, b) -> a == 0 ? 1 : 0)}
                        : new Value[] {
                            Value.coded(OnnxType.BOOL, floatIn(n, in, 0).eq(0f))
                        });
        variadic(ops, "Sum", Tensor::add);
        variadic(ops, "Max", (a, b) -> Tensor.where(a.lt(b), b, a));
        variadic(ops, "Min", (a, b) -> Tensor.where(b.lt(a), b, a));
        ops.put("Mean", (n, in) -> one(fold(n, in, Tensor::add).div(in.length)));
        ops.put("Where", ElementwiseOps::where);
        ops.put("Cast", ElementwiseOps::cast);
        ops.put("Identity", (n, in) -> new Value[] {in[0]});
        // inference: Dropout passes its input; the mask output, when asked for, is all true
        ops.put("Dropout", (n, in) ->
                new Value[] {in[0], Value.exact(OnnxType.BOOL, ones(in[0].numel()), in[0].shape)});
    }

    static Value[] one(Tensor t) {
        return new Value[] {Value.of(t)};
    }

    /** Input i as a float tensor (integer inputs converted, exact below 2^24). */
    static Tensor floatIn(OnnxNode n, Value[] in, int i) {
        if (i >= in.length || in[i] == null) {
            throw n.error("input " + i + " is missing");
        }
        return in[i].tensor(n + " input " + i);
    }

    private static void unary(Map<String, OnnxOp> ops, String name, UnaryOperator<Tensor> f) {
        ops.put(name, (n, in) -> one(f.apply(floatIn(n, in, 0))));
    }

    private static void arithmetic(
            Map<String, OnnxOp> ops, String name, BinaryOperator<Tensor> f, LongBinaryOperator exact) {
        ops.put(name, (n, in) -> {
            Value a = in[0];
            Value b = legacyBroadcast(n, in[0], in[1]);
            if (a.type != OnnxType.FLOAT && b.type != OnnxType.FLOAT && a.isExact() && b.isExact()) {
                return new Value[] {Exact.binary(n, a.type, a, b, exact)};
            }
            Tensor r = f.apply(a.tensor(n + " input 0"), b.tensor(n + " input 1"));
            return new Value[] {a.type == OnnxType.FLOAT ? Value.of(r) : Value.coded(a.type, r)};
        });
    }

    private static void compare(
            Map<String, OnnxOp> ops, String name, BinaryOperator<Tensor> f, LongBinaryOperator exact) {
        ops.put(name, (n, in) -> {
            Value a = in[0];
            Value b = legacyBroadcast(n, in[0], in[1]);
            if (a.isExact() && b.isExact()) {
                return new Value[] {Exact.binary(n, OnnxType.BOOL, a, b, exact)};
            }
            return new Value[] {Value.coded(OnnxType.BOOL, f.apply(a.tensor(n + " input 0"), b.tensor(n + " input 1")))
            };
        });
    }

    private static void variadic(Map<String, OnnxOp> ops, String name, BinaryOperator<Tensor> f) {
        ops.put(name, (n, in) -> one(fold(n, in, f)));
    }

    private static Tensor fold(OnnxNode n, Value[] in, BinaryOperator<Tensor> f) {
        Tensor acc = floatIn(n, in, 0);
        for (int i = 1; i < in.length; i++) {
            acc = f.apply(acc, floatIn(n, in, i));
        }
        return acc;
    }

    private static long divide(long a, long b) {
        if (b == 0) {
            throw new OnnxException("Div: integer division by zero");
        }
        return a / b;
    }

    /**
     * Before opset 7, arithmetic broadcast only with {@code broadcast=1}, B's dims placed at
     * {@code axis} of A's (suffix-aligned without it).
     */
    private static Value legacyBroadcast(OnnxNode n, Value a, Value b) {
        if (n.opset() >= 7 || n.i("broadcast", 0) == 0 || !n.has("axis")) {
            return b;
        }
        int axis = (int) n.i("axis", 0);
        if (axis < 0) {
            axis += a.rank();
        }
        int trailing = a.rank() - axis - b.rank();
        if (axis < 0 || trailing < 0) {
            throw n.error(
                    "axis " + n.i("axis", 0) + " places B of rank " + b.rank() + " outside A of rank " + a.rank());
        }
        int[] shape = java.util.Arrays.copyOf(b.shape, b.rank() + trailing);
        java.util.Arrays.fill(shape, b.rank(), shape.length, 1);
        return b.isExact()
                ? Value.exact(b.type, b.longs(), shape)
                : Value.coded(b.type, b.tensor("B").reshape(shape));
    }

    /**
     * a mod b: with fmod = 0 the remainder takes the divisor's sign (integers only, as ONNX
     * defines it), with fmod = 1 the dividend's, as C's fmod: a - trunc(a / b) · b, ops all, so a
     * traced model keeps it in its graph. trunc's gradient is zero, so the gradients are 1 for a
     * and -trunc(a / b) for b.
     */
    private static Value[] mod(OnnxNode n, Value[] in) {
        boolean fmod = n.i("fmod", 0) != 0;
        Value a = in[0];
        Value b = in[1];
        if (a.type != OnnxType.FLOAT && b.type != OnnxType.FLOAT) {
            LongBinaryOperator op = fmod ? (x, y) -> x % y : Math::floorMod;
            return new Value[] {
                Exact.binary(n, a.type, a, b, (x, y) -> {
                    if (y == 0) {
                        throw n.error("integer modulo by zero");
                    }
                    return op.applyAsLong(x, y);
                })
            };
        }
        if (!fmod) {
            throw n.error("fmod = 0 on float data (ONNX defines it for integers only)");
        }
        Tensor x = a.tensor(n + " input 0");
        Tensor y = b.tensor(n + " input 1");
        return one(x.sub(x.div(y).trunc().mul(y)));
    }

    private static Value[] prelu(OnnxNode n, Value[] in) {
        Tensor x = floatIn(n, in, 0);
        Tensor slope = floatIn(n, in, 1);
        // a per-channel slope of rank 1 (older exporters) applies along dim 1
        if (slope.dim() == 1 && x.dim() > 2 && slope.size(0) == x.size(1) && slope.size(0) != x.size(x.dim() - 1)) {
            int[] shape = new int[x.dim() - 1];
            java.util.Arrays.fill(shape, 1);
            shape[0] = slope.size(0);
            slope = slope.reshape(shape);
        }
        return one(Tensor.where(x.lt(0f), x.mul(slope), x));
    }

    private static Value[] clip(OnnxNode n, Value[] in) {
        Tensor x = floatIn(n, in, 0);
        if (n.opset() < 11) {
            return one(x.clamp(n.f("min", Float.NEGATIVE_INFINITY), n.f("max", Float.POSITIVE_INFINITY)));
        }
        float lo = in.length > 1 && in[1] != null ? scalar(n, in[1], "min") : Float.NEGATIVE_INFINITY;
        float hi = in.length > 2 && in[2] != null ? scalar(n, in[2], "max") : Float.POSITIVE_INFINITY;
        return one(x.clamp(lo, hi));
    }

    static float scalar(OnnxNode n, Value v, String what) {
        if (v.numel() != 1) {
            throw n.error(what + " must be a scalar, has shape " + java.util.Arrays.toString(v.shape));
        }
        return v.isExact() ? v.longs()[0] : v.tensor(what).toArray()[0];
    }

    private static Value[] where(OnnxNode n, Value[] in) {
        Value c = in[0];
        Value a = in[1];
        Value b = in[2];
        if (c.isExact() && a.isExact() && b.isExact()) {
            int[] shape = Exact.broadcast(n, Exact.broadcast(n, c.shape, a.shape), b.shape);
            long[] cc = c.longs();
            long[] aa = a.longs();
            long[] bb = b.longs();
            long[] out = new long[numel(shape)];
            for (int i = 0; i < out.length; i++) {
                out[i] = cc[Exact.index(i, shape, c.shape)] != 0
                        ? aa[Exact.index(i, shape, a.shape)]
                        : bb[Exact.index(i, shape, b.shape)];
            }
            return new Value[] {Value.exact(a.type, out, shape)};
        }
        Tensor r = Tensor.where(c.tensor(n + " condition"), a.tensor(n + " input 1"), b.tensor(n + " input 2"));
        return new Value[] {a.type == OnnxType.FLOAT ? Value.of(r) : Value.coded(a.type, r)};
    }

    private static Value[] cast(OnnxNode n, Value[] in) {
        int to = (int) n.i("to", -1);
        OnnxType type = to == 6 ? OnnxType.INT64 : OnnxType.of(to);
        if (type == null) {
            throw n.error("cast to " + OnnxType.onnxName(to) + "; grad4j casts to FLOAT, INT64, INT32 and BOOL");
        }
        Value x = in[0];
        if (type == OnnxType.FLOAT) {
            return new Value[] {Value.of(x.tensor(n + " input"))};
        }
        if (x.isExact()) {
            long[] v = x.longs().clone();
            if (type == OnnxType.BOOL) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = v[i] != 0 ? 1 : 0;
                }
            }
            return new Value[] {Value.exact(type, v, x.shape)};
        }
        // float data to integers: truncation toward zero, which has no gradient
        float[] f = x.tensor(n + " input").toArray();
        long[] v = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = type == OnnxType.BOOL ? (f[i] != 0 ? 1 : 0) : (long) f[i];
        }
        return new Value[] {Value.exact(type, v, x.shape)};
    }

    static long[] ones(int n) {
        long[] v = new long[n];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    static int numel(int[] shape) {
        return ShapeOps.product(shape, 0, shape.length);
    }
}
