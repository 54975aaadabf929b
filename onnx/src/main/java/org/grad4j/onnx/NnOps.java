package org.grad4j.onnx;

import static org.grad4j.onnx.ElementwiseOps.floatIn;
import static org.grad4j.onnx.ElementwiseOps.one;

import java.util.Arrays;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/** Matrix products, softmax, convolution, pooling and normalization. */
final class NnOps {
    private NnOps() {}

    static void register(Map<String, OnnxOp> ops) {
        ops.put("MatMul", (n, in) -> one(floatIn(n, in, 0).matmul(floatIn(n, in, 1))));
        ops.put("Gemm", NnOps::gemm);
        ops.put("Softmax", (n, in) -> softmax(n, in, false));
        ops.put("LogSoftmax", (n, in) -> softmax(n, in, true));
        ops.put("Conv", NnOps::conv);
        ops.put("MaxPool", (n, in) -> pool(n, in, true));
        ops.put("AveragePool", (n, in) -> pool(n, in, false));
        ops.put("GlobalAveragePool", (n, in) -> one(global(n, in, false)));
        ops.put("GlobalMaxPool", (n, in) -> one(global(n, in, true)));
        ops.put("BatchNormalization", NnOps::batchNorm);
        ops.put("LayerNormalization", NnOps::layerNorm);
        ops.put("ConvTranspose", ConvTransposeOp::apply);
    }

    private static Value[] gemm(OnnxNode n, Value[] in) {
        Tensor a = floatIn(n, in, 0);
        Tensor b = floatIn(n, in, 1);
        if (a.dim() != 2 || b.dim() != 2) {
            throw n.error("A and B must be matrices, got " + Arrays.toString(a.shape()) + " and "
                    + Arrays.toString(b.shape()));
        }
        if (n.i("transA", 0) != 0) {
            a = a.t();
        }
        if (n.i("transB", 0) != 0) {
            b = b.t();
        }
        Tensor y = a.matmul(b);
        float alpha = n.f("alpha", 1f);
        if (alpha != 1f) {
            y = y.mul(alpha);
        }
        if (in.length > 2 && in[2] != null) {
            Tensor c = floatIn(n, in, 2);
            float beta = n.f("beta", 1f);
            y = y.add(beta == 1f ? c : c.mul(beta));
        }
        return one(y);
    }

    /**
     * Before opset 13 the input is taken as a matrix [d0 · … · d(axis-1), rest] (axis 1 by
     * default) and each row normalized; from 13 on, along one axis (-1 by default).
     */
    private static Value[] softmax(OnnxNode n, Value[] in, boolean log) {
        Tensor x = floatIn(n, in, 0);
        int rank = x.dim();
        if (n.opset() >= 13) {
            int axis = ShapeOps.axis(n, n.i("axis", -1), rank, "axis", false);
            return one(log ? x.logSoftmax(axis) : x.softmax(axis));
        }
        long a = n.i("axis", 1);
        int axis = (int) (a < 0 ? a + rank : a);
        if (axis < 0 || axis > rank) {
            throw n.error("axis " + a + " is out of range for rank " + rank);
        }
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= x.size(d);
        }
        Tensor m = x.reshape(outer, (int) (x.numel() / Math.max(1, outer)));
        return one((log ? m.logSoftmax(1) : m.softmax(1)).reshape(x.shape()));
    }

    /** Spatial attributes of a convolution or pooling node over {@code spatial} dims. */
    private record Window(int[] kernel, int[] stride, int[] begin, int[] end, int[] dilation) {}

    private static Window window(OnnxNode n, int[] input, int[] kernel) {
        int spatial = kernel.length;
        int[] stride = ints(n, "strides", spatial, 1);
        int[] dilation = ints(n, "dilations", spatial, 1);
        int[] begin = new int[spatial];
        int[] end = new int[spatial];
        String autoPad = n.s("auto_pad", "NOTSET");
        if (autoPad.equals("SAME_UPPER") || autoPad.equals("SAME_LOWER")) {
            for (int i = 0; i < spatial; i++) {
                int size = input[2 + i];
                int out = (size + stride[i] - 1) / stride[i];
                int total = Math.max(0, (out - 1) * stride[i] + (kernel[i] - 1) * dilation[i] + 1 - size);
                begin[i] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                end[i] = total - begin[i];
            }
        } else if (autoPad.equals("NOTSET")) {
            int[] pads = ints(n, "pads", 2 * spatial, 0);
            System.arraycopy(pads, 0, begin, 0, spatial);
            System.arraycopy(pads, spatial, end, 0, spatial);
        } else if (!autoPad.equals("VALID")) {
            throw n.error("auto_pad " + autoPad);
        }
        return new Window(kernel, stride, begin, end, dilation);
    }

    static int[] ints(OnnxNode n, String name, int count, int otherwise) {
        long[] v = n.ints(name);
        int[] out = new int[count];
        Arrays.fill(out, otherwise);
        if (v != null) {
            if (v.length != count) {
                throw n.error(name + " " + Arrays.toString(v) + " must have " + count + " entries");
            }
            for (int i = 0; i < count; i++) {
                if (v[i] < 0 || v[i] > Integer.MAX_VALUE) {
                    throw n.error(name + " " + Arrays.toString(v) + " has a negative or huge entry");
                }
                out[i] = (int) v[i];
            }
        }
        return out;
    }

    /** x with {@code begin}/{@code end} elements of {@code fill} added along each spatial dim. */
    static Tensor pad(Tensor x, int[] begin, int[] end, float fill) {
        for (int i = 0; i < begin.length; i++) {
            int dim = 2 + i;
            for (int side = 0; side < 2; side++) {
                int count = side == 0 ? begin[i] : end[i];
                if (count == 0) {
                    continue;
                }
                int[] shape = x.shape();
                shape[dim] = count;
                Tensor border = Tensor.zeros(shape).add(fill);
                x = side == 0 ? Tensor.cat(dim, border, x) : Tensor.cat(dim, x, border);
            }
        }
        return x;
    }

    /** 1-d inputs as 2-d ones of height 1. */
    static int[] as2d(int[] v, int fill) {
        return v.length == 1 ? new int[] {fill, v[0]} : v;
    }

    private static Value[] conv(OnnxNode n, Value[] in) {
        Tensor x = floatIn(n, in, 0);
        Tensor w = floatIn(n, in, 1);
        Tensor bias = in.length > 2 && in[2] != null ? floatIn(n, in, 2) : null;
        int spatial = x.dim() - 2;
        if (spatial < 1 || spatial > 3) {
            throw n.error(
                    "input of shape " + Arrays.toString(x.shape()) + ": grad4j convolves 1-d, 2-d and 3-d inputs");
        }
        int[] kernel = Arrays.copyOfRange(w.shape(), 2, w.dim());
        Window win = window(n, x.shape(), kernel);
        int groups = n.intAttr("group", 1);
        if (spatial == 3) {
            return one(conv3d(pad(x, win.begin, win.end, 0f), w, bias, win, groups));
        }
        if (spatial == 1) {
            x = x.unsqueeze(2);
            w = w.unsqueeze(2);
        }
        int[] begin = as2d(win.begin, 0);
        int[] end = as2d(win.end, 0);
        int[] padding = new int[2];
        if (!Arrays.equals(begin, end)) {
            x = pad(x, begin, end, 0f);
        } else {
            padding = begin;
        }
        Tensor y = x.conv2d(w, bias, as2d(win.stride, 1), padding, as2d(win.dilation, 1), groups);
        return one(spatial == 1 ? y.squeeze(2) : y);
    }

    /**
     * A 3-d convolution of an input already padded: for each kernel depth kd, the 2-d convolution
     * of the depth slices every output depth reads (folded into the batch) with the kernel's slice
     * kd, summed over kd.
     */
    private static Tensor conv3d(Tensor x, Tensor w, Tensor bias, Window win, int groups) {
        int depth = outputDepth(x.size(2), w.size(2), win.stride[0], win.dilation[0]);
        int[] s2 = {win.stride[1], win.stride[2]};
        int[] d2 = {win.dilation[1], win.dilation[2]};
        Tensor acc = null;
        for (int kd = 0; kd < w.size(2); kd++) {
            Tensor part = depthSlices(x, depth, kd, win.stride[0], win.dilation[0])
                    .conv2d(w.select(2, kd).contiguous(), null, s2, new int[2], d2, groups);
            acc = acc == null ? part : acc.add(part);
        }
        Tensor y = unfoldDepth(acc, depth, x.size(0));
        return bias == null ? y : y.add(bias.reshape(bias.size(0), 1, 1, 1));
    }

    private static Value[] pool(OnnxNode n, Value[] in, boolean max) {
        Tensor x = floatIn(n, in, 0);
        int spatial = x.dim() - 2;
        if (spatial < 1 || spatial > 3) {
            throw n.error("input of shape " + Arrays.toString(x.shape()) + ": grad4j pools 1-d, 2-d and 3-d inputs");
        }
        long[] k = n.ints("kernel_shape");
        if (k == null || k.length != spatial) {
            throw n.error("kernel_shape " + Arrays.toString(k) + " for " + spatial + " spatial dims");
        }
        int[] kernel = ints(n, "kernel_shape", spatial, 1);
        Window win = window(n, x.shape(), kernel);
        // ceil_mode: windows that start inside the padded input but run past its end count too,
        // as if the end were padded further (with nothing averaged there)
        int[] extra = new int[spatial];
        if (n.i("ceil_mode", 0) != 0) {
            for (int i = 0; i < spatial; i++) {
                int span = x.size(2 + i) + win.begin[i] + win.end[i] - (kernel[i] - 1) * win.dilation[i] - 1;
                int out = span < 0 ? 0 : (span + win.stride[i] - 1) / win.stride[i] + 1;
                if (out > 0 && (out - 1) * win.stride[i] >= x.size(2 + i) + win.begin[i]) {
                    out--;
                }
                extra[i] = Math.max(0, (out - 1) * win.stride[i] - span);
            }
        }
        if (!max && Arrays.stream(win.dilation).anyMatch(d -> d != 1)) {
            throw n.error("AveragePool with dilations is not supported");
        }
        int[] endAll = new int[spatial];
        for (int i = 0; i < spatial; i++) {
            endAll[i] = win.end[i] + extra[i];
        }
        boolean padded = Arrays.stream(win.begin).sum() + Arrays.stream(endAll).sum() > 0;
        Tensor y = windows(
                pad(x, win.begin, endAll, max ? Float.NEGATIVE_INFINITY : 0f), kernel, win.stride, win.dilation, max);
        boolean includePad = n.i("count_include_pad", 0) != 0;
        if (!max && padded && !(includePad && Arrays.stream(extra).sum() == 0)) {
            // divide by the count of the elements each window averages (the padding too with
            // count_include_pad, never the ceil_mode extension), not by the kernel's size
            int[] one = x.shape();
            one[0] = 1;
            one[1] = 1;
            Tensor counted = pad(Tensor.zeros(one).add(1f), win.begin, win.end, includePad ? 1f : 0f);
            Tensor share = windows(pad(counted, new int[spatial], extra, 0f), kernel, win.stride, win.dilation, false);
            y = y.div(share);
        }
        if (max && n.outputs().size() > 1 && !n.outputs().get(1).isEmpty()) {
            long[] indices = MaxPoolIndices.of(n, x, y.shape(), kernel, win.stride, win.begin, win.dilation);
            return new Value[] {Value.of(y), Value.exact(OnnxType.INT64, indices, y.shape())};
        }
        return one(y);
    }

    /**
     * Max or mean over windows of an input already padded, of 1, 2 or 3 spatial dims: 1-d runs as
     * 2-d of height 1; 3-d as 2-d over the slices each output depth reads, folded into the batch,
     * then combined over the kernel's depth.
     */
    private static Tensor windows(Tensor x, int[] kernel, int[] stride, int[] dilation, boolean max) {
        if (kernel.length == 1) {
            return windows(x.unsqueeze(2), as2d(kernel, 1), as2d(stride, 1), as2d(dilation, 1), max)
                    .squeeze(2);
        }
        int[] k2 = Arrays.copyOfRange(kernel, kernel.length - 2, kernel.length);
        int[] s2 = Arrays.copyOfRange(stride, stride.length - 2, stride.length);
        int[] d2 = Arrays.copyOfRange(dilation, dilation.length - 2, dilation.length);
        if (kernel.length == 2) {
            return max ? x.maxPool2d(k2, s2, new int[2], d2) : x.avgPool2d(k2, s2, new int[2]);
        }
        Tensor acc = null;
        int depth = outputDepth(x.size(2), kernel[0], stride[0], dilation[0]);
        for (int kd = 0; kd < kernel[0]; kd++) {
            Tensor slab = depthSlices(x, depth, kd, stride[0], dilation[0]);
            Tensor part = max ? slab.maxPool2d(k2, s2, new int[2], d2) : slab.avgPool2d(k2, s2, new int[2]);
            acc = acc == null ? part : max ? Tensor.where(acc.lt(part), part, acc) : acc.add(part);
        }
        if (!max) {
            acc = acc.div(kernel[0]);
        }
        return unfoldDepth(acc, depth, x.size(0));
    }

    private static int outputDepth(int size, int kernel, int stride, int dilation) {
        return Math.max(0, (size - dilation * (kernel - 1) - 1) / stride + 1);
    }

    /** The depth slices od · stride + kd · dilation for every output depth od, as a batch [depth · N, C, H, W]. */
    private static Tensor depthSlices(Tensor x, int depth, int kd, int stride, int dilation) {
        float[] index = new float[depth];
        for (int od = 0; od < depth; od++) {
            index[od] = od * stride + kd * dilation;
        }
        return x.indexSelect(2, Tensor.of(index, depth))
                .permute(2, 0, 1, 3, 4)
                .reshape(depth * x.size(0), x.size(1), x.size(3), x.size(4));
    }

    /** [depth · N, C, H, W] back to [N, C, depth, H, W]. */
    static Tensor unfoldDepth(Tensor y, int depth, int batch) {
        return y.reshape(depth, batch, y.size(1), y.size(2), y.size(3))
                .permute(1, 2, 0, 3, 4)
                .contiguous();
    }

    private static Tensor global(OnnxNode n, Value[] in, boolean max) {
        Tensor x = floatIn(n, in, 0);
        if (x.dim() < 3) {
            throw n.error("input of shape " + Arrays.toString(x.shape()) + " has no spatial dims");
        }
        Tensor y = x;
        for (int d = x.dim() - 1; d >= 2; d--) {
            y = max ? y.max(d, true) : y.mean(d, true);
        }
        return y;
    }

    /**
     * Inference: normalized by the given mean and variance. Training mode (training_mode = 1 from
     * opset 14, is_test = 0 before opset 7): by the batch's mean and (biased) variance over every
     * dim but 1, with the running statistics updated by momentum as outputs 1 and 2.
     */
    private static Value[] batchNorm(OnnxNode n, Value[] in) {
        Tensor x = floatIn(n, in, 0);
        int[] shape = new int[x.dim()];
        Arrays.fill(shape, 1);
        shape[1] = x.size(1);
        Tensor scale = floatIn(n, in, 1).reshape(shape);
        Tensor bias = floatIn(n, in, 2).reshape(shape);
        Tensor mean = floatIn(n, in, 3).reshape(shape);
        Tensor var = floatIn(n, in, 4).reshape(shape);
        float eps = n.f("epsilon", 1e-5f);
        boolean training =
                n.i("training_mode", 0) != 0 || (n.opset() < 7 && n.has("is_test") && n.i("is_test", 0) == 0);
        if (!training) {
            return one(x.sub(mean).div(var.add(eps).sqrt()).mul(scale).add(bias));
        }
        Tensor batchMean = x;
        for (int d = x.dim() - 1; d >= 0; d--) {
            if (d != 1) {
                batchMean = batchMean.mean(d, true);
            }
        }
        Tensor centered = x.sub(batchMean);
        Tensor batchVar = centered.square();
        for (int d = x.dim() - 1; d >= 0; d--) {
            if (d != 1) {
                batchVar = batchVar.mean(d, true);
            }
        }
        Tensor y = centered.div(batchVar.add(eps).sqrt()).mul(scale).add(bias);
        float momentum = n.f("momentum", 0.9f);
        Tensor runningMean = mean.mul(momentum).add(batchMean.mul(1 - momentum)).reshape(x.size(1));
        Tensor runningVar = var.mul(momentum).add(batchVar.mul(1 - momentum)).reshape(x.size(1));
        return new Value[] {Value.of(y), Value.of(runningMean), Value.of(runningVar)};
    }

    /** Normalizes over the dims from axis on; outputs Y, and the mean and 1 / std it used. */
    private static Value[] layerNorm(OnnxNode n, Value[] in) {
        Tensor x = floatIn(n, in, 0);
        int axis = ShapeOps.axis(n, n.i("axis", -1), x.dim(), "axis", false);
        float eps = n.f("epsilon", 1e-5f);
        Tensor mean = x;
        for (int d = x.dim() - 1; d >= axis; d--) {
            mean = mean.mean(d, true);
        }
        Tensor centered = x.sub(mean);
        Tensor var = centered.square();
        for (int d = x.dim() - 1; d >= axis; d--) {
            var = var.mean(d, true);
        }
        Tensor invStd = var.add(eps).sqrt().reciprocal();
        Tensor y = centered.mul(invStd).mul(floatIn(n, in, 1));
        if (in.length > 2 && in[2] != null) {
            y = y.add(floatIn(n, in, 2));
        }
        return new Value[] {Value.of(y), Value.of(mean), Value.of(invStd)};
    }
}
