package org.grad4j.onnx;

import java.util.Arrays;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/** Pad and Tile: entries added, or repeated, along dims, as index maps (so gradients flow to the source). */
final class PadOps {
    private PadOps() {}

    static void register(Map<String, OnnxOp> ops) {
        ops.put("Pad", PadOps::pad);
        ops.put("Tile", PadOps::tile);
    }

    private static Value[] pad(OnnxNode n, Value[] in) {
        Value x = in[0];
        long[] pads;
        float fill;
        if (n.opset() < 11) {
            pads = n.ints(n.opset() < 2 ? "paddings" : "pads");
            fill = n.f("value", 0f);
        } else {
            pads = in[1].longs();
            fill = in.length > 2 && in[2] != null ? ElementwiseOps.scalar(n, in[2], "constant_value") : 0f;
        }
        int rank = x.rank();
        if (pads == null || pads.length != 2 * rank) {
            throw n.error("pads " + Arrays.toString(pads) + " for rank " + rank + " (2 per dim)");
        }
        String mode = n.s("mode", "constant");
        if (!mode.equals("constant") && !mode.equals("reflect") && !mode.equals("edge")) {
            throw n.error("mode '" + mode + "'");
        }
        Value out = x;
        for (int d = 0; d < rank; d++) {
            long begin = pads[d];
            long end = pads[rank + d];
            if (begin == 0 && end == 0) {
                continue;
            }
            int size = x.shape[d];
            long length = size + begin + end;
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw n.error("pads " + Arrays.toString(pads) + " give dim " + d + " the size " + length);
            }
            if (size == 0 && !mode.equals("constant")) {
                throw n.error("cannot " + mode + "-pad the empty dim " + d);
            }
            int[] index = new int[(int) length];
            boolean[] inside = new boolean[index.length];
            for (int i = 0; i < index.length; i++) {
                long j = i - begin;
                inside[i] = j >= 0 && j < size;
                index[i] = (int)
                        switch (mode) {
                            case "reflect" -> reflect(j, size);
                            case "edge" -> Math.max(0, Math.min(size - 1, j));
                            default -> inside[i] ? j : 0;
                        };
                if (mode.equals("reflect") && (index[i] < 0 || index[i] >= size)) {
                    throw n.error("pads " + Arrays.toString(pads) + " reflect beyond dim " + d + " of size " + size);
                }
            }
            out = mode.equals("constant") ? filled(n, out, d, index, inside, fill) : ShapeOps.picked(n, out, d, index);
        }
        return new Value[] {out};
    }

    private static long reflect(long j, int size) {
        if (size == 1) {
            return 0;
        }
        long period = 2L * (size - 1);
        long m = Math.floorMod(j, period);
        return m < size ? m : period - m;
    }

    /** The entries at index along d where inside, fill elsewhere. */
    private static Value filled(OnnxNode n, Value v, int d, int[] index, boolean[] inside, float fill) {
        if (v.rank() > 0 && v.shape[d] == 0) {
            int[] shape = v.shape.clone();
            shape[d] = index.length;
            float[] f = new float[ElementwiseOps.numel(shape)];
            Arrays.fill(f, fill);
            return v.type == OnnxType.FLOAT ? Value.of(Tensor.of(f, shape)) : Value.coded(v.type, Tensor.of(f, shape));
        }
        Value picked = ShapeOps.picked(n, v, d, index);
        int[] maskShape = new int[v.rank()];
        Arrays.fill(maskShape, 1);
        maskShape[d] = index.length;
        float[] mask = new float[index.length];
        float[] outside = new float[index.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = inside[i] ? 1f : 0f;
            outside[i] = inside[i] ? 0f : fill;
        }
        Tensor m = Tensor.of(mask, maskShape);
        Tensor o = Tensor.of(outside, maskShape);
        return ShapeOps.onData(n, picked, t -> t.mul(m).add(o));
    }

    private static Value[] tile(OnnxNode n, Value[] in) {
        Value x = in[0];
        long[] repeats = n.opset() < 6 ? null : in[1].longs();
        if (repeats == null || repeats.length != x.rank()) {
            throw n.error("repeats " + Arrays.toString(repeats) + " for rank " + x.rank());
        }
        Value out = x;
        for (int d = 0; d < x.rank(); d++) {
            if (repeats[d] == 1) {
                continue;
            }
            long length = repeats[d] * x.shape[d];
            if (repeats[d] < 0 || length > Integer.MAX_VALUE - 8) {
                throw n.error("repeats " + Arrays.toString(repeats) + " for shape " + Arrays.toString(x.shape));
            }
            int[] index = new int[(int) length];
            for (int i = 0; i < index.length; i++) {
                index[i] = i % x.shape[d];
            }
            out = ShapeOps.picked(n, out, d, index);
        }
        return new Value[] {out};
    }
}
