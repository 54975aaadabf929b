package org.grad4j.tensor;

import org.grad4j.internal.tensor.Shapes;

/**
 * Renders tensors the way PyTorch prints them: nested brackets, aligned values, and for tensors
 * with more than {@value #THRESHOLD} elements only the first and last {@value #EDGE_ITEMS} per dim.
 */
final class TensorFormat {
    static final int THRESHOLD = 1000;
    static final int EDGE_ITEMS = 3;

    private TensorFormat() {}

    static String format(Tensor t) {
        int[] shape = t.shape();
        if (t.isClosed()) {
            return "tensor(closed, shape=" + Shapes.str(shape) + ")";
        }
        float[] values = t.toArray();
        boolean summarize = values.length > THRESHOLD;
        boolean integral = true;
        float maxAbs = 0;
        for (float v : values) {
            integral &= v == Math.rint(v) || !Float.isFinite(v);
            if (Float.isFinite(v)) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        boolean scientific = maxAbs >= 1e8 || maxAbs > 0 && maxAbs < 1e-4;
        String pattern = scientific ? "%.4e" : integral ? "%.0f." : "%.4f";
        int width = 0;
        for (float v : values) {
            width = Math.max(width, render(v, pattern).length());
        }
        StringBuilder sb = new StringBuilder("tensor(");
        if (shape.length == 0) {
            sb.append(render(values[0], pattern));
        } else if (values.length == 0) {
            sb.append("[], shape=").append(Shapes.str(shape));
        } else {
            append(sb, values, shape, 0, 0, Shapes.contiguousStrides(shape), summarize, pattern, width, 7);
        }
        if (summarize) {
            sb.append(", shape=").append(Shapes.str(shape));
        }
        if (t.gradFn() != null) {
            sb.append(", gradFn=").append(t.gradFn());
        } else if (t.requiresGrad()) {
            sb.append(", requiresGrad=true");
        }
        return sb.append(')').toString();
    }

    private static void append(
            StringBuilder sb,
            float[] v,
            int[] shape,
            int dim,
            int base,
            int[] strides,
            boolean summarize,
            String pattern,
            int width,
            int indent) {
        sb.append('[');
        int n = shape[dim];
        boolean cut = summarize && n > 2 * EDGE_ITEMS;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                sb.append(dim == shape.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + dim + 1));
                i = n - EDGE_ITEMS;
            }
            if (dim == shape.length - 1) {
                String s = render(v[base + i * strides[dim]], pattern);
                sb.append(" ".repeat(width - s.length())).append(s);
            } else {
                append(sb, v, shape, dim + 1, base + i * strides[dim], strides, summarize, pattern, width, indent);
            }
            if (i < n - 1) {
                sb.append(
                        dim == shape.length - 1
                                ? ", "
                                : ",\n".repeat(shape.length - 1 - dim) + " ".repeat(indent + dim + 1));
            }
        }
        sb.append(']');
    }

    private static String render(float v, String pattern) {
        if (Float.isNaN(v)) {
            return "nan";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(java.util.Locale.ROOT, pattern, v);
    }
}
