package org.grad4j.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.grad4j.onnx.proto.OnnxProto.TensorProto;
import org.grad4j.tensor.Tensor;

/**
 * Operators that make, read or rearrange shapes. On exact integer values (shape arithmetic) they
 * compute exactly; on float data they are grad4j's views and copies, with gradients.
 */
final class ShapeOps {
    private ShapeOps() {}

    static void register(Map<String, OnnxOp> ops) {
        ops.put("Constant", ShapeOps::constant);
        ops.put("Shape", ShapeOps::shape);
        ops.put("Size", (n, in) -> new Value[] {Value.exact(OnnxType.INT64, new long[] {in[0].numel()})});
        ops.put("Reshape", ShapeOps::reshape);
        ops.put("Flatten", ShapeOps::flatten);
        ops.put("Transpose", ShapeOps::transpose);
        ops.put("Squeeze", ShapeOps::squeeze);
        ops.put("Unsqueeze", ShapeOps::unsqueeze);
        ops.put("Concat", ShapeOps::concat);
        ops.put("Gather", ShapeOps::gather);
        ops.put("ConstantOfShape", ShapeOps::constantOfShape);
        ops.put("Expand", ShapeOps::expand);
        ops.put("Slice", ShapeOps::slice);
        ops.put("Split", ShapeOps::split);
        ops.put("GatherElements", ShapeOps::gatherElements);
    }

    private static Value[] constant(OnnxNode n, Value[] in) {
        TensorProto t = n.t("value");
        if (t != null) {
            return new Value[] {TensorProtos.read(t, null)};
        }
        if (n.has("value_float")) {
            return new Value[] {Value.of(Tensor.scalar(n.f("value_float", 0f)))};
        }
        if (n.has("value_floats")) {
            float[] f = n.floats("value_floats");
            return new Value[] {Value.of(Tensor.of(f, f.length))};
        }
        if (n.has("value_int")) {
            return new Value[] {Value.exact(OnnxType.INT64, new long[] {n.i("value_int", 0)})};
        }
        if (n.has("value_ints")) {
            return new Value[] {Value.ints(n.ints("value_ints"))};
        }
        throw n.error("has no value grad4j reads (value, value_float(s), value_int(s))");
    }

    private static Value[] shape(OnnxNode n, Value[] in) {
        int[] s = in[0].shape;
        int start = bound(n.i("start", 0), s.length);
        int end = bound(n.i("end", s.length), s.length);
        long[] v = new long[Math.max(0, end - start)];
        for (int i = 0; i < v.length; i++) {
            v[i] = s[start + i];
        }
        return new Value[] {Value.ints(v)};
    }

    /** The product of dims [from, to) of a shape. */
    static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int d = from; d < to; d++) {
            p *= shape[d];
        }
        return p;
    }

    /** A bound of a range of dims in [0, rank]: negative counts from the end, then clamped. */
    private static int bound(long v, int rank) {
        return (int) Math.max(0, Math.min(rank, v < 0 ? v + rank : v));
    }

    /** An axis in [0, rank) (negative counts from the end); {@code clamp} clamps instead of refusing. */
    static int axis(OnnxNode n, long axis, int rank, String what, boolean clamp) {
        long a = axis < 0 ? axis + rank : axis;
        if (clamp) {
            return (int) Math.max(0, Math.min(rank - 1, a));
        }
        if (a < 0 || a >= rank) {
            throw n.error(what + " " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }

    private static Value[] reshape(OnnxNode n, Value[] in) {
        long[] target = n.opset() < 5 ? n.ints("shape") : in[1].longs();
        if (target == null) {
            throw n.error("has no shape");
        }
        boolean allowZero = n.i("allowzero", 0) != 0;
        int[] from = in[0].shape;
        int[] shape = new int[target.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long d = target[i];
            if (d == 0 && !allowZero) {
                if (i >= from.length) {
                    throw n.error(
                            "shape " + Arrays.toString(target) + " copies dim " + i + " of " + Arrays.toString(from));
                }
                d = from[i];
            }
            if (d == -1) {
                if (infer >= 0) {
                    throw n.error("shape " + Arrays.toString(target) + " has two -1");
                }
                infer = i;
                continue;
            }
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw n.error("shape " + Arrays.toString(target) + " has dim " + d);
            }
            shape[i] = (int) d;
            known *= d;
        }
        int numel = in[0].numel();
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw n.error("cannot reshape " + Arrays.toString(from) + " to " + Arrays.toString(target));
            }
            shape[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw n.error("cannot reshape " + Arrays.toString(from) + " to " + Arrays.toString(target));
        }
        return new Value[] {reshaped(n, in[0], shape)};
    }

    static Value reshaped(OnnxNode n, Value v, int[] shape) {
        if (v.isExact()) {
            return Value.exact(v.type, v.longs(), shape);
        }
        Tensor t = v.tensor(n.toString()).reshape(shape);
        return v.type == OnnxType.FLOAT ? Value.of(t) : Value.coded(v.type, t);
    }

    private static Value[] flatten(OnnxNode n, Value[] in) {
        int[] s = in[0].shape;
        long axis = n.i("axis", 1);
        int a = (int) (axis < 0 ? axis + s.length : axis);
        if (a < 0 || a > s.length) {
            throw n.error("axis " + axis + " is out of range for rank " + s.length);
        }
        int outer = product(s, 0, a);
        return new Value[] {reshaped(n, in[0], new int[] {outer, product(s, a, s.length)})};
    }

    /** A value computed on float32 data whatever its type (integer data exact below 2^24). */
    static Value onData(OnnxNode n, Value v, java.util.function.UnaryOperator<Tensor> f) {
        Tensor t = f.apply(v.tensor(n.toString()));
        return v.type == OnnxType.FLOAT ? Value.of(t) : Value.coded(v.type, t);
    }

    private static Value[] transpose(OnnxNode n, Value[] in) {
        int rank = in[0].rank();
        long[] perm = n.ints("perm");
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = perm == null ? rank - 1 - i : axis(n, perm[i], rank, "perm entry", false);
        }
        if (perm != null && perm.length != rank) {
            throw n.error("perm " + Arrays.toString(perm) + " for rank " + rank);
        }
        return new Value[] {onData(n, in[0], t -> t.permute(p))};
    }

    /** Axes from the attribute (before opset 13) or from input 1. */
    private static long[] axes(OnnxNode n, Value[] in) {
        if (n.opset() < 13) {
            return n.ints("axes");
        }
        return in.length > 1 && in[1] != null ? in[1].longs() : null;
    }

    private static Value[] squeeze(OnnxNode n, Value[] in) {
        int[] s = in[0].shape;
        long[] axes = axes(n, in);
        boolean[] drop = new boolean[s.length];
        if (axes == null) {
            for (int i = 0; i < s.length; i++) {
                drop[i] = s[i] == 1;
            }
        } else {
            for (long a : axes) {
                int d = axis(n, a, s.length, "axis", false);
                if (s[d] != 1) {
                    throw n.error("cannot squeeze dim " + d + " of " + Arrays.toString(s));
                }
                drop[d] = true;
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            if (!drop[i]) {
                kept.add(s[i]);
            }
        }
        return new Value[] {
            reshaped(n, in[0], kept.stream().mapToInt(Integer::intValue).toArray())
        };
    }

    private static Value[] unsqueeze(OnnxNode n, Value[] in) {
        int[] s = in[0].shape;
        long[] axes = axes(n, in);
        if (axes == null) {
            throw n.error("has no axes");
        }
        int rank = s.length + axes.length;
        boolean[] added = new boolean[rank];
        for (long a : axes) {
            int d = axis(n, a, rank, "axis", false);
            if (added[d]) {
                throw n.error("axes " + Arrays.toString(axes) + " repeat an axis");
            }
            added[d] = true;
        }
        int[] shape = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            shape[i] = added[i] ? 1 : s[j++];
        }
        return new Value[] {reshaped(n, in[0], shape)};
    }

    private static Value[] concat(OnnxNode n, Value[] in) {
        int rank = in[0].rank();
        if (!n.has("axis") && n.opset() >= 4) {
            throw n.error("has no axis");
        }
        int axis = axis(n, n.i("axis", 1), rank, "axis", false);
        boolean exact = true;
        for (Value v : in) {
            exact &= v.isExact();
            if (v.rank() != rank) {
                throw n.error("inputs of ranks " + rank + " and " + v.rank());
            }
        }
        if (exact) {
            return new Value[] {exactConcat(n, in, axis)};
        }
        List<Tensor> parts = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            parts.add(in[i].tensor(n + " input " + i));
        }
        Tensor t = Tensor.cat(parts, axis);
        return new Value[] {in[0].type == OnnxType.FLOAT ? Value.of(t) : Value.coded(in[0].type, t)};
    }

    private static Value exactConcat(OnnxNode n, Value[] in, int axis) {
        int[] shape = in[0].shape.clone();
        shape[axis] = 0;
        for (Value v : in) {
            for (int d = 0; d < shape.length; d++) {
                if (d != axis && v.shape[d] != shape[d]) {
                    throw n.error(
                            "inputs of shapes " + Arrays.toString(in[0].shape) + " and " + Arrays.toString(v.shape));
                }
            }
            shape[axis] += v.shape[axis];
        }
        int outer = product(shape, 0, axis);
        int inner = product(shape, axis + 1, shape.length);
        long[] out = new long[ElementwiseOps.numel(shape)];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (Value v : in) {
                int len = v.shape[axis] * inner;
                System.arraycopy(v.longs(), o * len, out, pos, len);
                pos += len;
            }
        }
        return Value.exact(in[0].type, out, shape);
    }

    private static Value[] gather(OnnxNode n, Value[] in) {
        Value data = in[0];
        Value idx = in[1];
        int axis = axis(n, n.i("axis", 0), data.rank(), "axis", false);
        int size = data.shape[axis];
        long[] raw = idx.longs();
        long[] index = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            long k = raw[i] < 0 ? raw[i] + size : raw[i];
            if (k < 0 || k >= size) {
                throw n.error("index " + raw[i] + " is out of range for dim " + axis + " of size " + size);
            }
            index[i] = k;
        }
        int[] shape = new int[data.rank() - 1 + idx.rank()];
        System.arraycopy(data.shape, 0, shape, 0, axis);
        System.arraycopy(idx.shape, 0, shape, axis, idx.rank());
        System.arraycopy(data.shape, axis + 1, shape, axis + idx.rank(), data.rank() - axis - 1);
        if (data.isExact()) {
            int outer = product(data.shape, 0, axis);
            int inner = product(data.shape, axis + 1, data.shape.length);
            long[] src = data.longs();
            long[] out = new long[outer * index.length * inner];
            for (int o = 0, pos = 0; o < outer; o++) {
                for (long k : index) {
                    System.arraycopy(src, (int) ((o * size + k) * inner), out, pos, inner);
                    pos += inner;
                }
            }
            return new Value[] {Value.exact(data.type, out, shape)};
        }
        float[] f = new float[index.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = index[i];
        }
        Tensor picked = data.tensor(n + " data").indexSelect(axis, Tensor.of(f, f.length));
        return new Value[] {reshaped(n, onData(n, data, t -> picked), shape)};
    }

    private static Value[] constantOfShape(OnnxNode n, Value[] in) {
        long[] dims = in[0].longs();
        int[] shape = new int[dims.length];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || (count *= Math.max(1, dims[i])) > Integer.MAX_VALUE - 8) {
                throw n.error("shape " + Arrays.toString(dims) + " is negative or too large");
            }
            shape[i] = (int) dims[i];
        }
        TensorProto t = n.t("value");
        Value fill = t == null ? Value.of(Tensor.scalar(0f)) : TensorProtos.read(t, null);
        if (fill.numel() != 1) {
            throw n.error("value must have one element, has " + fill.numel());
        }
        int numel = ElementwiseOps.numel(shape);
        if (fill.isExact()) {
            long[] v = new long[numel];
            Arrays.fill(v, fill.longs()[0]);
            return new Value[] {Value.exact(fill.type, v, shape)};
        }
        float[] v = new float[numel];
        Arrays.fill(v, fill.tensor("value").toArray()[0]);
        return new Value[] {Value.of(Tensor.of(v, shape))};
    }

    private static Value[] expand(OnnxNode n, Value[] in) {
        Value x = in[0];
        long[] dims = in[1].longs();
        int[] target = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            target[i] = (int) dims[i];
        }
        int[] shape = Exact.broadcast(n, x.shape, target);
        int[] padded = new int[shape.length];
        Arrays.fill(padded, 1);
        System.arraycopy(x.shape, 0, padded, shape.length - x.rank(), x.rank());
        if (x.isExact()) {
            // adding zeros of the target shape broadcasts
            Value zeros = Value.exact(x.type, new long[ElementwiseOps.numel(shape)], shape);
            return new Value[] {Exact.binary(n, x.type, x, zeros, Long::sum)};
        }
        return new Value[] {onData(n, x, t -> t.reshape(padded).expand(shape).contiguous())};
    }

    private static Value[] slice(OnnxNode n, Value[] in) {
        Value x = in[0];
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (n.opset() < 10) {
            starts = n.ints("starts");
            ends = n.ints("ends");
            axes = n.ints("axes");
        } else {
            starts = in[1].longs();
            ends = in[2].longs();
            axes = in.length > 3 && in[3] != null ? in[3].longs() : null;
            steps = in.length > 4 && in[4] != null ? in[4].longs() : null;
        }
        if (starts == null || ends == null || starts.length != ends.length) {
            throw n.error("starts and ends must be given, of one length");
        }
        Value out = x;
        for (int i = 0; i < starts.length; i++) {
            int axis = axis(n, axes == null ? i : axes[i], x.rank(), "axis", false);
            long step = steps == null ? 1 : steps[i];
            if (step == 0) {
                throw n.error("step 0");
            }
            int size = x.shape[axis];
            long start = starts[i] < 0 ? starts[i] + size : starts[i];
            long end = ends[i] < 0 ? ends[i] + size : ends[i];
            int[] index;
            if (step > 0) {
                start = clamp(start, size);
                end = clamp(end, size);
                index = range(start, end, step);
            } else {
                // a backward range: from start (at most size - 1) down to end (at least -1), exclusive
                start = Math.max(-1, Math.min(size - 1, start));
                end = Math.max(-1, Math.min(size - 1, end));
                index = range(start, end, step);
            }
            out = picked(n, out, axis, index);
        }
        return new Value[] {out};
    }

    private static long clamp(long v, int size) {
        return Math.max(0, Math.min(size, v));
    }

    /** The indices start, start + step, ... before end. */
    static int[] range(long start, long end, long step) {
        int count = (int) Math.max(0, step > 0 ? (end - start + step - 1) / step : (start - end - step - 1) / -step);
        int[] index = new int[count];
        for (int i = 0; i < count; i++) {
            index[i] = (int) (start + i * step);
        }
        return index;
    }

    /** The entries of v at these indices along axis, in their order. */
    static Value picked(OnnxNode n, Value v, int axis, int[] index) {
        int[] shape = v.shape.clone();
        shape[axis] = index.length;
        if (!v.isExact()) {
            float[] f = new float[index.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = index[i];
            }
            return onData(n, v, t -> t.indexSelect(axis, Tensor.of(f, f.length)));
        }
        int outer = product(v.shape, 0, axis);
        int inner = product(v.shape, axis + 1, v.shape.length);
        long[] src = v.longs();
        long[] out = new long[ElementwiseOps.numel(shape)];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (int k : index) {
                System.arraycopy(src, (o * v.shape[axis] + k) * inner, out, pos, inner);
                pos += inner;
            }
        }
        return Value.exact(v.type, out, shape);
    }

    /**
     * Sizes from the attribute (before opset 13) or input 1, else equal parts, one per output
     * (the last one smaller when the dim does not divide).
     */
    private static Value[] split(OnnxNode n, Value[] in) {
        Value x = in[0];
        int axis = axis(n, n.i("axis", 0), x.rank(), "axis", false);
        long[] sizes = n.opset() < 13 ? n.ints("split") : (in.length > 1 && in[1] != null ? in[1].longs() : null);
        int parts = n.outputs().size();
        int size = x.shape[axis];
        int[] s = new int[sizes == null ? parts : sizes.length];
        if (sizes == null) {
            int each = (size + parts - 1) / Math.max(parts, 1);
            for (int i = 0; i < parts; i++) {
                s[i] = Math.max(0, Math.min(each, size - i * each));
            }
        } else {
            for (int i = 0; i < s.length; i++) {
                s[i] = (int) sizes[i];
            }
        }
        if (s.length != parts || java.util.Arrays.stream(s).sum() != size) {
            throw n.error("split " + Arrays.toString(s) + " of dim " + size + " into " + parts + " outputs");
        }
        Value[] out = new Value[parts];
        for (int i = 0, at = 0; i < parts; at += s[i], i++) {
            out[i] = picked(n, x, axis, range(at, at + s[i], 1));
        }
        return out;
    }

    private static Value[] gatherElements(OnnxNode n, Value[] in) {
        Value data = in[0];
        int axis = axis(n, n.i("axis", 0), data.rank(), "axis", false);
        int size = data.shape[axis];
        long[] raw = in[1].longs();
        float[] index = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            long k = raw[i] < 0 ? raw[i] + size : raw[i];
            if (k < 0 || k >= size) {
                throw n.error("index " + raw[i] + " is out of range for dim " + axis + " of size " + size);
            }
            index[i] = k;
        }
        Tensor idx = Tensor.of(index, in[1].shape);
        return new Value[] {onData(n, data, t -> t.gather(axis, idx))};
    }
}
