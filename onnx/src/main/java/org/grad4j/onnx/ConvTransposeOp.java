package org.grad4j.onnx;

import static org.grad4j.onnx.ElementwiseOps.floatIn;
import static org.grad4j.onnx.NnOps.as2d;
import static org.grad4j.onnx.NnOps.ints;
import static org.grad4j.onnx.NnOps.pad;

import java.util.Arrays;
import org.grad4j.tensor.Tensor;

/**
 * ConvTranspose of 1, 2 or 3 spatial dims: the full transposed convolution (strides, dilations,
 * groups, output_padding), then cropped by the pads (or by what {@code output_shape} or {@code
 * auto_pad} asks for; a target larger than the full result extends it with zeros).
 */
final class ConvTransposeOp {
    private ConvTransposeOp() {}

    static Value[] apply(OnnxNode n, Value[] in) {
        Tensor x = floatIn(n, in, 0);
        Tensor w = floatIn(n, in, 1);
        Tensor bias = in.length > 2 && in[2] != null ? floatIn(n, in, 2) : null;
        int spatial = x.dim() - 2;
        if (spatial < 1 || spatial > 3 || w.dim() != x.dim()) {
            throw n.error("input of shape " + Arrays.toString(x.shape()) + " and weight of shape "
                    + Arrays.toString(w.shape()) + ": grad4j convolves 1-d, 2-d and 3-d inputs (transposed)");
        }
        int[] kernel = Arrays.copyOfRange(w.shape(), 2, w.dim());
        int[] stride = ints(n, "strides", spatial, 1);
        int[] dilation = ints(n, "dilations", spatial, 1);
        int[] outputPadding = ints(n, "output_padding", spatial, 0);
        int[] begin = new int[spatial];
        int[] end = new int[spatial];
        long[] outputShape = n.ints("output_shape");
        String autoPad = n.s("auto_pad", "NOTSET");
        for (int i = 0; i < spatial; i++) {
            int full = (x.size(2 + i) - 1) * stride[i] + (kernel[i] - 1) * dilation[i] + 1 + outputPadding[i];
            if (outputShape != null || autoPad.startsWith("SAME")) {
                long target = outputShape != null
                        ? outputShape[outputShape.length - spatial + i]
                        : (long) x.size(2 + i) * stride[i];
                int total = (int) (full - target);
                begin[i] = autoPad.equals("SAME_UPPER") ? Math.floorDiv(total, 2) : total - Math.floorDiv(total, 2);
                end[i] = total - begin[i];
            } else if (!autoPad.equals("VALID")) {
                int[] pads = ints(n, "pads", 2 * spatial, 0);
                begin[i] = pads[i];
                end[i] = pads[spatial + i];
            }
        }
        int groups = n.intAttr("group", 1);
        Tensor y = switch (spatial) {
            case 1 ->
                x.unsqueeze(2)
                        .convTranspose2d(
                                w.unsqueeze(2),
                                null,
                                as2d(stride, 1),
                                new int[2],
                                as2d(outputPadding, 0),
                                as2d(dilation, 1),
                                groups)
                        .squeeze(2);
            case 2 -> x.convTranspose2d(w, null, stride, new int[2], outputPadding, dilation, groups);
            default -> full3d(x, w, stride, dilation, outputPadding, groups);
        };
        int[] extendBegin = new int[spatial];
        int[] extendEnd = new int[spatial];
        for (int i = 0; i < spatial; i++) {
            int from = Math.max(0, begin[i]);
            int to = y.size(2 + i) - Math.max(0, end[i]);
            if (from > 0 || to < y.size(2 + i)) {
                y = y.narrow(2 + i, from, Math.max(0, to - from));
            }
            extendBegin[i] = Math.max(0, -begin[i]);
            extendEnd[i] = Math.max(0, -end[i]);
        }
        y = pad(y, extendBegin, extendEnd, 0f);
        if (bias != null) {
            int[] shape = new int[1 + spatial];
            Arrays.fill(shape, 1);
            shape[0] = bias.size(0);
            y = y.add(bias.reshape(shape));
        }
        return new Value[] {Value.of(y)};
    }

    /**
     * The full 3-d transposed convolution, from 2-d ones: for each kernel depth kd, the 2-d
     * transposed convolution of every input depth slice (folded into the batch) with the kernel's
     * slice kd; input depth d lands at output depth d · stride + kd · dilation.
     */
    private static Tensor full3d(Tensor x, Tensor w, int[] stride, int[] dilation, int[] outputPadding, int groups) {
        int batch = x.size(0);
        int depth = x.size(2);
        int full = (depth - 1) * stride[0] + (w.size(2) - 1) * dilation[0] + 1 + outputPadding[0];
        Tensor slices = x.permute(2, 0, 1, 3, 4).reshape(depth * batch, x.size(1), x.size(3), x.size(4));
        int[] s2 = {stride[1], stride[2]};
        int[] d2 = {dilation[1], dilation[2]};
        int[] p2 = {outputPadding[1], outputPadding[2]};
        Tensor acc = null;
        for (int kd = 0; kd < w.size(2); kd++) {
            Tensor part = NnOps.unfoldDepth(
                    slices.convTranspose2d(w.select(2, kd).contiguous(), null, s2, new int[2], p2, d2, groups),
                    depth,
                    batch);
            Tensor spread = spread(part, stride[0]);
            int before = kd * dilation[0];
            spread = pad(spread, new int[] {before, 0, 0}, new int[] {full - before - spread.size(2), 0, 0}, 0f);
            acc = acc == null ? spread : acc.add(spread);
        }
        return acc;
    }

    /** [N, C, D, H, W] with stride − 1 zero slices between depth slices: [N, C, (D − 1) · stride + 1, H, W]. */
    private static Tensor spread(Tensor t, int stride) {
        if (stride == 1) {
            return t;
        }
        int[] shape = t.shape();
        int[] gap = {shape[0], shape[1], shape[2], stride - 1, shape[3], shape[4]};
        return Tensor.cat(3, t.unsqueeze(3), Tensor.zeros(gap))
                .reshape(shape[0], shape[1], shape[2] * stride, shape[3], shape[4])
                .narrow(2, 0, (shape[2] - 1) * stride + 1);
    }
}
