package org.grad4j.onnx;

import static org.grad4j.onnx.ElementwiseOps.floatIn;
import static org.grad4j.onnx.ElementwiseOps.one;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.grad4j.tensor.Tensor;

/** Reductions over axes, and the indices of extremes. */
final class ReduceOps {
    private ReduceOps() {}

    static void register(Map<String, OnnxOp> ops) {
        UnaryOperator<Tensor> same = x -> x;
        BiFunction<Tensor, Integer, Tensor> sum = (x, d) -> x.sum(d, true);
        reduce(ops, "ReduceSum", same, sum, same);
        reduce(ops, "ReduceMean", same, (x, d) -> x.mean(d, true), same);
        reduce(ops, "ReduceMax", same, (x, d) -> x.max(d, true), same);
        reduce(ops, "ReduceMin", same, (x, d) -> x.min(d, true), same);
        reduce(ops, "ReduceSumSquare", Tensor::square, sum, same);
        reduce(ops, "ReduceL1", Tensor::abs, sum, same);
        reduce(ops, "ReduceL2", Tensor::square, sum, Tensor::sqrt);
        ops.put("ArgMax", (n, in) -> argExtreme(n, in, true));
        ops.put("ArgMin", (n, in) -> argExtreme(n, in, false));
    }

    /**
     * One reduction: {@code pre} on the input, {@code reduce} over each of the axes of the attribute
     * (or, for ReduceSum from opset 13, of input 1; all axes when none are given, none at all with
     * noop_with_empty_axes), {@code post} on the result; dims kept, then dropped unless keepdims.
     */
    private static void reduce(
            Map<String, OnnxOp> ops,
            String name,
            UnaryOperator<Tensor> pre,
            BiFunction<Tensor, Integer, Tensor> reduce,
            UnaryOperator<Tensor> post) {
        ops.put(name, (n, in) -> {
            Tensor x = floatIn(n, in, 0);
            long[] axes = name.equals("ReduceSum") && n.opset() >= 13
                    ? (in.length > 1 && in[1] != null ? in[1].longs() : null)
                    : n.ints("axes");
            int rank = x.dim();
            boolean[] reduced = new boolean[rank];
            if (axes == null || axes.length == 0) {
                if (n.i("noop_with_empty_axes", 0) != 0) {
                    return one(x);
                }
                Arrays.fill(reduced, true);
            } else {
                for (long a : axes) {
                    reduced[ShapeOps.axis(n, a, rank, "axis", false)] = true;
                }
            }
            Tensor y = pre.apply(x);
            for (int d = 0; d < rank; d++) {
                if (reduced[d]) {
                    y = reduce.apply(y, d);
                }
            }
            y = post.apply(y);
            return one(n.i("keepdims", 1) != 0 ? y : y.reshape(kept(x.shape(), reduced)));
        });
    }

    private static int[] kept(int[] shape, boolean[] reduced) {
        return java.util.stream.IntStream.range(0, shape.length)
                .filter(d -> !reduced[d])
                .map(d -> shape[d])
                .toArray();
    }

    private static Value[] argExtreme(OnnxNode n, Value[] in, boolean max) {
        Tensor x = floatIn(n, in, 0);
        int axis = ShapeOps.axis(n, n.i("axis", 0), x.dim(), "axis", false);
        Tensor source = max ? x : x.neg();
        Tensor idx;
        if (n.i("select_last_index", 0) != 0) {
            // the first extreme of the reversed axis is the last one
            int size = x.size(axis);
            float[] reversed = new float[size];
            for (int i = 0; i < size; i++) {
                reversed[i] = size - 1 - i;
            }
            idx = source.indexSelect(axis, Tensor.of(reversed, size))
                    .argmax(axis, true)
                    .neg()
                    .add(size - 1);
        } else {
            idx = source.argmax(axis, true);
        }
        if (n.i("keepdims", 1) == 0) {
            idx = idx.squeeze(axis);
        }
        return new Value[] {Value.coded(OnnxType.INT64, idx)};
    }
}
