package org.grad4j.graph;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grad4j.autograd.GradMode;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.UnaryOp;
import org.grad4j.internal.ops.OpRegistry;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Turns op nodes into backend calls on slots, all sizes worked out once: the ops of classifiers,
 * convolutional nets and their gradients run this way without a tensor made per run. Any other op
 * runs through its eager implementation on views of its input slots, its result copied into its
 * own slot.
 */
final class Lowering {
    /** Ops whose kernels write their output from index 0 of an array of its own. */
    static final Set<String> OWN_OUTPUT = Set.of(
            "maxPool2d", "avgPool2d", "maxPool2dBackward", "avgPool2dBackward", "crossEntropy", "crossEntropyBackward");

    private final Backend backend;
    private final List<Runnable> steps;
    /** The argmax positions of each max pool already lowered, by its input slot, for its backward. */
    private final Map<Slot, int[]> argmaxOf = new java.util.IdentityHashMap<>();

    private long scratchBytes;

    Lowering(Backend backend, List<Runnable> steps) {
        this.backend = backend;
        this.steps = steps;
    }

    /** Bytes of the arrays the lowered kernels keep beside the arena. */
    long scratchBytes() {
        return scratchBytes;
    }

    /** Adds the steps that compute {@code out} from {@code in} as node {@code n} does. */
    void lower(Node n, Slot[] in, Slot out) {
        String op = n.target();
        BinaryOp binary = ElementwiseOps.binary(n);
        UnaryOp unary = ElementwiseOps.unary(n);
        if (binary != null) {
            binary(binary, in[0], in[1], out);
        } else if (unary != null) {
            unary(unary, ElementwiseOps.alpha(n), ElementwiseOps.beta(n), contiguous(in[0]), out);
        } else {
            switch (op) {
                case "clone" -> copy(in[0], out);
                case "where" -> where(in, out);
                case "elementwise" -> elementwise(n, in, out);
                case "matmulBias" -> matmulBias(n, in, out);
                case "matmul" -> {
                    if (in[0].shape.length == 2 && in[1].shape.length == 2) {
                        matmul(in[0], in[1], out);
                    } else {
                        eager(n, in, out);
                    }
                }
                case "sum" -> sum(n, in[0], out);
                case "softmax", "logSoftmax" -> softmax(n, contiguous(in[0]), out);
                case "softmaxBackward", "logSoftmaxBackward" ->
                    softmaxBackward(n, contiguous(in[0]), contiguous(in[1]), out);
                case "crossEntropy" -> crossEntropy(contiguous(in[0]), in[1], out, null);
                case "crossEntropyBackward" -> crossEntropy(contiguous(in[0]), in[1], out, fromZero(in[2]));
                case "conv2d" -> conv(n, in, out, 0);
                case "conv2dBackwardInput" -> conv(n, in, out, 1);
                case "conv2dBackwardWeight" -> conv(n, in, out, 2);
                case "maxPool2d", "avgPool2d", "maxPool2dBackward", "avgPool2dBackward" -> pool(n, in, out);
                default -> eager(n, in, out);
            }
        }
    }

    private void binary(BinaryOp op, Slot a, Slot b, Slot out) {
        int[] shape = out.shape;
        int[] as = a.broadcastStrides(shape);
        int[] bs = b.broadcastStrides(shape);
        steps.add(() -> backend.binary(op, shape, a.data, a.offset, as, b.data, b.offset, bs, out.data, out.offset));
    }

    private void unary(UnaryOp u, float alpha, float beta, Slot x, Slot out) {
        int count = out.numel;
        steps.add(() -> backend.unary(u, alpha, beta, x.data, x.offset, out.data, out.offset, count));
    }

    /** A fused chain: its inputs' arrays and offsets are read from their slots on each run. */
    private void elementwise(Node n, Slot[] in, Slot out) {
        ElementwiseProgram program = ElementwiseProgram.parse(n.attributes().getString("program"));
        int[] shape = out.shape;
        int[][] strides = new int[in.length][];
        for (int i = 0; i < in.length; i++) {
            strides[i] = in[i].broadcastStrides(shape);
        }
        float[][] arrays = new float[in.length][];
        int[] offsets = new int[in.length];
        steps.add(() -> {
            for (int i = 0; i < in.length; i++) {
                arrays[i] = in[i].data;
                offsets[i] = in[i].offset;
            }
            backend.elementwise(program, shape, arrays, offsets, strides, out.data, out.offset);
        });
    }

    /** The GEMM into out, then bias and activation in place over it. */
    private void matmulBias(Node n, Slot[] in, Slot out) {
        matmul(in[0], in[1], out);
        String name = n.attributes().getString("activation");
        UnaryOp act = name.equals("none") ? null : UnaryOp.valueOf(name);
        float alpha = n.attributes().getFloat("alpha");
        Slot bias = contiguous(in[2]);
        int rows = out.shape[0];
        int cols = out.shape[1];
        steps.add(() -> backend.biasActivation(
                act, alpha, out.data, out.offset, bias.data, bias.offset, rows, cols, out.data, out.offset));
    }

    private void copy(Slot x, Slot out) {
        int[] shape = x.shape;
        int[] xs = x.strides;
        int[] os = out.strides;
        steps.add(() -> backend.copy(shape, x.data, x.offset, xs, out.data, out.offset, os));
    }

    private void where(Slot[] in, Slot out) {
        int[] shape = out.shape;
        int[] cs = in[0].broadcastStrides(shape);
        int[] as = in[1].broadcastStrides(shape);
        int[] bs = in[2].broadcastStrides(shape);
        Slot c = in[0];
        Slot a = in[1];
        Slot b = in[2];
        steps.add(() -> backend.where(
                shape, c.data, c.offset, cs, a.data, a.offset, as, b.data, b.offset, bs, out.data, out.offset));
    }

    /** out [m, n] = a [m, k] · b [k, n], each operand read in place when it is row-major or transposed. */
    private void matmul(Slot a, Slot b, Slot out) {
        Slot ga = gemmOperand(a);
        Slot gb = gemmOperand(b);
        boolean ta = ga.strides[0] == 1 && ga.strides[1] != 1;
        boolean tb = gb.strides[0] == 1 && gb.strides[1] != 1;
        int lda = leadingDimension(ga, ta);
        int ldb = leadingDimension(gb, tb);
        int m = out.shape[0];
        int n = out.shape[1];
        int k = a.shape[1];
        int ldc = Math.max(1, n);
        if (k == 0) {
            steps.add(() -> backend.fill(out.data, out.offset, out.numel, 0f));
            return;
        }
        steps.add(() -> backend.gemm(
                ta, tb, m, n, k, 1f, ga.data, ga.offset, lda, gb.data, gb.offset, ldb, 0f, out.data, out.offset, ldc));
    }

    /**
     * The stride between a GEMM operand's rows (its columns when transposed); for a single row
     * (column) no stride is ever taken, and the operand's width is given, as BLAS requires.
     */
    private static int leadingDimension(Slot s, boolean transposed) {
        int rows = s.shape[0];
        int cols = s.shape[1];
        if (transposed) {
            return cols <= 1 ? Math.max(1, rows) : Math.max(1, s.strides[1]);
        }
        return rows <= 1 ? Math.max(1, cols) : Math.max(1, s.strides[0]);
    }

    /** The slot itself when a GEMM can read it (rows or columns contiguous), else a contiguous copy. */
    private Slot gemmOperand(Slot s) {
        int rows = s.shape[0];
        int cols = s.shape[1];
        boolean rowMajor = (s.strides[1] == 1 || cols <= 1) && s.strides[0] >= Math.max(cols, 1);
        boolean colMajor = (s.strides[0] == 1 || rows <= 1) && s.strides[1] >= Math.max(rows, 1);
        return rowMajor || colMajor ? s : contiguous(s);
    }

    /** Sums over each run of adjacent dims with one reduce, the last run first, through scratch buffers. */
    private void sum(Node n, Slot x, Slot out) {
        Attributes a = n.attributes();
        int rank = x.shape.length;
        boolean[] reduced = new boolean[Math.max(rank, 1)];
        if (a.has("dims")) {
            for (int d : a.getInts("dims")) {
                reduced[Shapes.dim("sum", d, Math.max(rank, 1))] = true;
            }
        } else {
            java.util.Arrays.fill(reduced, true);
        }
        if (out.numel == 0 || x.numel == 0) {
            steps.add(() -> backend.fill(out.data, out.offset, out.numel, 0f));
            return;
        }
        int[] shape = rank == 0 ? new int[] {1} : x.shape.clone();
        Slot from = contiguous(x);
        for (int last = shape.length - 1; last >= 0; last--) {
            if (!reduced[last]) {
                continue;
            }
            int first = last;
            while (first > 0 && reduced[first - 1]) {
                first--;
            }
            int outer = product(shape, 0, first);
            int size = product(shape, first, last + 1);
            int inner = product(shape, last + 1, shape.length);
            java.util.Arrays.fill(shape, first, last + 1, 1);
            boolean final_ = first == 0 || !anyBefore(reduced, first);
            Slot to = final_ ? out : Slot.contiguous(shape.clone()).place(new float[outer * inner], 0);
            scratchBytes += final_ ? 0 : 4L * outer * inner;
            Slot src = from;
            steps.add(() -> backend.reduce(ReduceOp.SUM, src.data, src.offset, outer, size, inner, to.data, to.offset));
            from = to;
            last = first;
        }
    }

    private static boolean anyBefore(boolean[] reduced, int dim) {
        for (int d = 0; d < dim; d++) {
            if (reduced[d]) {
                return true;
            }
        }
        return false;
    }

    private void softmax(Node n, Slot x, Slot out) {
        boolean log = n.target().equals("logSoftmax");
        int[] l = around(x.shape, n.attributes().getInt("dim"));
        steps.add(() -> backend.softmax(log, x.data, x.offset, l[0], l[1], l[2], out.data, out.offset));
    }

    private void softmaxBackward(Node n, Slot y, Slot g, Slot out) {
        boolean log = n.target().startsWith("log");
        int[] l = around(y.shape, n.attributes().getInt("dim"));
        steps.add(() -> backend.softmaxBackward(
                log, y.data, y.offset, g.data, g.offset, l[0], l[1], l[2], out.data, out.offset));
    }

    /**
     * The per-row loss (gradLoss null) or the logits' gradient of cross-entropy; the targets are
     * checked and turned into class indices on each run, as the eager op does.
     */
    private void crossEntropy(Slot x, Slot target, Slot out, ZeroBased gradLoss) {
        int rows = x.shape[0];
        int classes = x.shape[1];
        int[] targets = new int[rows];
        float[] loss = gradLoss == null ? out.data : new float[rows];
        float[] lse = new float[rows];
        scratchBytes += 4L * (gradLoss == null ? 2 * rows : 3 * rows);
        String op = gradLoss == null ? "crossEntropy" : "crossEntropyBackward";
        steps.add(() -> {
            for (int r = 0; r < rows; r++) {
                float v = target.data[target.offset + r * (rows == 1 ? 0 : target.strides[0])];
                if (!(v >= 0 && v < classes && v == (int) v)) {
                    throw new IllegalArgumentException(
                            op + ": target " + v + " at index " + r + " is not a class index in [0, " + classes + ")");
                }
                targets[r] = (int) v;
            }
            backend.crossEntropy(x.data, x.offset, rows, classes, targets, loss, lse);
            if (gradLoss != null) {
                backend.crossEntropyBackward(x.data, x.offset, rows, classes, targets, lse, gradLoss.array(), out.data);
            }
        });
    }

    /** conv2d (0), its input gradient (1) or its weight gradient (2), from the node's attributes. */
    private void conv(Node n, Slot[] in, Slot out, int which) {
        Attributes a = n.attributes();
        int[] stride = a.getInts("stride");
        int[] padding = a.getInts("padding");
        int[] dilation = a.getInts("dilation");
        int groups = a.getInt("groups");
        int[] x = which == 0 ? in[0].shape : which == 1 ? a.getInts("shape") : in[0].shape;
        int[] w = which == 0 ? in[1].shape : which == 1 ? in[1].shape : a.getInts("shape");
        Conv2dGeometry g = new Conv2dGeometry(
                x[0],
                x[1],
                x[2],
                x[3],
                w[0],
                w[2],
                w[3],
                stride[0],
                stride[1],
                padding[0],
                padding[1],
                dilation[0],
                dilation[1],
                groups);
        Slot p = contiguous(in[0]);
        Slot q = contiguous(in[1]);
        steps.add(
                switch (which) {
                    case 0 -> () -> backend.conv2dForward(g, p.data, p.offset, q.data, q.offset, out.data, out.offset);
                    case 1 ->
                        () -> backend.conv2dBackwardData(g, p.data, p.offset, q.data, q.offset, out.data, out.offset);
                    default ->
                        () -> backend.conv2dBackwardWeight(g, p.data, p.offset, q.data, q.offset, out.data, out.offset);
                });
    }

    /** Max and average pooling and their gradients; a max pool's backward reuses its forward's argmax. */
    private void pool(Node n, Slot[] in, Slot out) {
        Attributes a = n.attributes();
        String op = n.target();
        boolean max = op.startsWith("max");
        boolean backward = op.endsWith("Backward");
        int[] x = max ? in[0].shape : backward ? a.getInts("shape") : in[0].shape;
        int[] k = a.getInts("kernel");
        int[] s = a.getInts("stride");
        int[] p = a.getInts("padding");
        int[] d = a.has("dilation") ? a.getInts("dilation") : new int[] {1, 1};
        Pool2dGeometry g = new Pool2dGeometry(x[0], x[1], x[2], x[3], k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1]);
        if (!backward) {
            Slot c = contiguous(in[0]);
            if (max) {
                int[] argmax = argmax(c, out.numel);
                steps.add(() -> backend.maxPool2dForward(g, c.data, c.offset, out.data, argmax));
            } else {
                steps.add(() -> backend.avgPool2dForward(g, c.data, c.offset, out.data));
            }
        } else if (max) {
            Slot c = contiguous(in[0]);
            ZeroBased grad = fromZero(in[1]);
            boolean found = argmaxOf.containsKey(c);
            int[] argmax = argmax(c, in[1].numel);
            if (!found) {
                float[] y = new float[in[1].numel];
                scratchBytes += 4L * y.length;
                steps.add(() -> backend.maxPool2dForward(g, c.data, c.offset, y, argmax));
            }
            steps.add(() -> backend.maxPool2dBackward(g, grad.array(), argmax, out.data));
        } else {
            ZeroBased grad = fromZero(in[0]);
            steps.add(() -> backend.avgPool2dBackward(g, grad.array(), out.data));
        }
    }

    private int[] argmax(Slot x, int count) {
        return argmaxOf.computeIfAbsent(x, k -> {
            scratchBytes += 4L * count;
            return new int[count];
        });
    }

    /** An op without a lowering: its eager implementation on views of the slots, the result copied in. */
    private void eager(Node n, Slot[] in, Slot out) {
        String op = n.target();
        Attributes a = n.attributes();
        int[] shape = out.shape;
        int[] strides = out.strides;
        steps.add(() -> {
            Tensor[] args = new Tensor[in.length];
            for (int i = 0; i < in.length; i++) {
                args[i] = in[i].tensor();
            }
            Tensor r;
            try (Scope ignored = GradMode.noGrad()) {
                r = OpRegistry.create(op, a).apply(args);
            }
            backend.copy(shape, TensorInternals.data(r), r.storageOffset(), r.stride(), out.data, out.offset, strides);
        });
    }

    /** The slot when its layout is contiguous, else a contiguous slot of its own that a step copies it into. */
    Slot contiguous(Slot s) {
        if (s.isContiguous()) {
            return s;
        }
        Slot c = Slot.contiguous(s.shape).place(new float[s.numel], 0);
        scratchBytes += 4L * s.numel;
        copy(s, c);
        return c;
    }

    /** A slot's elements in order from index 0 of an array, as some kernels take them. */
    private interface ZeroBased {
        float[] array();
    }

    private ZeroBased fromZero(Slot s) {
        Slot c = contiguous(s);
        float[] own = new float[c.numel];
        scratchBytes += 4L * own.length;
        int count = c.numel;
        return () -> {
            if (c.offset == 0) {
                return c.data;
            }
            System.arraycopy(c.data, c.offset, own, 0, count);
            return own;
        };
    }

    /** outer, size and inner of a contiguous shape around a dim. */
    private static int[] around(int[] shape, int dim) {
        if (shape.length == 0) {
            return new int[] {1, 1, 1};
        }
        int axis = Shapes.dim("softmax", dim, shape.length);
        return new int[] {product(shape, 0, axis), shape[axis], product(shape, axis + 1, shape.length)};
    }

    private static int product(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }
}
