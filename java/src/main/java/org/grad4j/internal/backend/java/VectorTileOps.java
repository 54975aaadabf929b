package org.grad4j.internal.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.UnaryOp;

/**
 * The tile loops in the Vector API for arithmetic, comparisons, ReLU-like selections, clamps and
 * wheres, each giving what the scalar loop gives (NaN and signed zeros included: selections are
 * blends on the scalar loop's comparisons); transcendental functions, rounding (floor, ceil,
 * trunc: JDK 17's Vector API has no rounding operator) and pow run the scalar loops.
 * Only loaded when the JVM has jdk.incubator.vector.
 */
final class VectorTileOps implements TileOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private final ScalarTileOps scalar = new ScalarTileOps();

    @Override
    public void unary(UnaryOp op, float alpha, float beta, float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        switch (op) {
            case NEG, ABS, LEAKY_RELU, CLAMP, LEAKY_RELU_GRAD, CLAMP_GRAD -> {
                FloatVector zero = FloatVector.zero(S);
                FloatVector one = FloatVector.broadcast(S, 1f);
                FloatVector lo = FloatVector.broadcast(S, alpha);
                FloatVector hi = FloatVector.broadcast(S, beta);
                for (; i <= n - L; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, xo + i);
                    FloatVector r = switch (op) {
                        case NEG -> v.neg();
                        case ABS -> v.abs();
                        case LEAKY_RELU -> v.mul(lo).blend(v, v.compare(VectorOperators.GT, zero));
                        case CLAMP ->
                            v.blend(hi, v.compare(VectorOperators.GT, hi)).blend(lo, v.compare(VectorOperators.LT, lo));
                        case LEAKY_RELU_GRAD -> lo.blend(one, v.compare(VectorOperators.GT, zero));
                        default ->
                            zero.blend(one, v.compare(VectorOperators.GE, lo).and(v.compare(VectorOperators.LE, hi)));
                    };
                    r.intoArray(y, yo + i);
                }
            }
            default -> {}
        }
        scalar.unary(op, alpha, beta, x, xo + i, y, yo + i, n - i);
    }

    @Override
    public void binary(BinaryOp op, int n, float[] a, int ao, int sa, float[] b, int bo, int sb, float[] out, int oo) {
        int i = 0;
        if (op != BinaryOp.POW) {
            FloatVector zero = FloatVector.zero(S);
            FloatVector one = FloatVector.broadcast(S, 1f);
            for (; i <= n - L; i += L) {
                FloatVector x = sa == 0 ? FloatVector.broadcast(S, a[ao]) : FloatVector.fromArray(S, a, ao + i);
                FloatVector y = sb == 0 ? FloatVector.broadcast(S, b[bo]) : FloatVector.fromArray(S, b, bo + i);
                FloatVector r = switch (op) {
                    case ADD -> x.add(y);
                    case SUB -> x.sub(y);
                    case MUL -> x.mul(y);
                    case DIV -> x.div(y);
                    case RELU_BACKWARD -> zero.blend(y, x.compare(VectorOperators.GT, zero));
                    default -> zero.blend(one, compare(op, x, y));
                };
                r.intoArray(out, oo + i);
            }
        }
        scalar.binary(op, n - i, a, ao + i * sa, sa, b, bo + i * sb, sb, out, oo + i);
    }

    private static VectorMask<Float> compare(BinaryOp op, FloatVector x, FloatVector y) {
        return switch (op) {
            case GT -> x.compare(VectorOperators.GT, y);
            case GE -> x.compare(VectorOperators.GE, y);
            case LT -> x.compare(VectorOperators.LT, y);
            case LE -> x.compare(VectorOperators.LE, y);
            case EQ -> x.compare(VectorOperators.EQ, y);
            default -> x.compare(VectorOperators.NE, y);
        };
    }

    @Override
    public void where(
            int n,
            float[] c,
            int co,
            int sc,
            float[] a,
            int ao,
            int sa,
            float[] b,
            int bo,
            int sb,
            float[] out,
            int oo) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector cond = sc == 0 ? FloatVector.broadcast(S, c[co]) : FloatVector.fromArray(S, c, co + i);
            FloatVector x = sa == 0 ? FloatVector.broadcast(S, a[ao]) : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = sb == 0 ? FloatVector.broadcast(S, b[bo]) : FloatVector.fromArray(S, b, bo + i);
            y.blend(x, cond.compare(VectorOperators.NE, zero)).intoArray(out, oo + i);
        }
        scalar.where(n - i, c, co + i * sc, sc, a, ao + i * sa, sa, b, bo + i * sb, sb, out, oo + i);
    }

    @Override
    public String description() {
        return "Vector API loops of " + S.vectorBitSize() + "-bit vectors";
    }
}
