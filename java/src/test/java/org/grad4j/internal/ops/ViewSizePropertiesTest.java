package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Views, splits and joins of shapes with edge sizes and edge arguments, against a model of the
 * result computed in long arithmetic: each call gives the model's shape, or an
 * IllegalArgumentException where the model says it is invalid; never a wrapped size or another
 * exception. Inputs of up to {@value #SMALL} elements hold 0, 1, 2, ..., and their results are
 * compared value by value (element-wise and reduced on the current backend, empty views
 * included); larger inputs are expanded views of one element, so that no case allocates more
 * than {@value #SMALL} floats.
 */
class ViewSizePropertiesTest {
    private static final int SMALL = 1 << 12;
    private static final int CASES = 3_000;

    /** The elements of a shape in long arithmetic, capped at 2^32 so that it cannot wrap. */
    private static long numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n = Math.min(n * s, 1L << 32);
        }
        return n;
    }

    private static int[] shape(EdgeInts e) {
        int[] s = new int[1 + e.random.nextInt(4)];
        for (int d = 0; d < s.length; d++) {
            s[d] = e.chance(4) ? e.size(6) : 1 + e.random.nextInt(5);
        }
        return s;
    }

    /** 0, 1, 2, ... in the shape when small, else one element expanded to it. */
    private static Tensor input(int[] shape) {
        return numel(shape) <= SMALL
                ? Tensor.arange((int) numel(shape)).reshape(shape)
                : Tensor.zeros(1).expand(shape);
    }

    /** A dim, in range [-rank, rank) most of the time. */
    private static int dim(EdgeInts e, int rank) {
        return e.chance(8) ? (e.random.nextBoolean() ? rank : -rank - 1) : e.random.nextInt(-rank, rank);
    }

    private static int axis(int dim, int rank) {
        return dim < 0 ? dim + rank : dim;
    }

    /**
     * The values of a view that keeps, along axis, the indices from, from + step, ... (count of
     * them) of 0, 1, 2, ... in shape; with dropAxis the axis is removed (count is 1).
     */
    private static float[] model(int[] shape, int axis, long from, long step, int count) {
        int[] out = shape.clone();
        out[axis] = count;
        float[] v = new float[(int) numel(out)];
        long inner = numel(Arrays.copyOfRange(shape, axis + 1, shape.length));
        for (int i = 0; i < v.length; i++) {
            long outer = i / (inner * count);
            long k = i / inner % count;
            long rest = i % inner;
            v[i] = (float) ((outer * shape[axis] + from + k * step) * inner + rest);
        }
        return v;
    }

    /** The call's result must have the model's shape (null: an IllegalArgumentException). */
    private static Tensor expect(String call, int[] expected, Supplier<Tensor> op) {
        if (expected == null) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op::get, call);
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), call);
            return null;
        }
        Tensor t = op.get();
        assertArrayEquals(expected, t.shape(), call);
        return t;
    }

    /** On a small input: the view's values, its exp and its sum as the backend computes them. */
    private static void values(String call, Tensor view, float[] expected) {
        assertArrayEquals(expected, view.toArray(), call);
        float[] exp = view.exp().toArray();
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals((float) Math.exp(expected[i]), exp[i], Math.ulp((float) Math.exp(expected[i])) * 4, call);
            sum += expected[i];
        }
        assertEquals(sum, view.sum().item(), 1e-6 * Math.abs(sum) + 1e-6, call);
        if (view.dim() > 0) {
            assertArrayEquals(view.shape(), view.softmax(-1).shape(), call);
        }
    }

    @Test
    void narrowSliceSelectAndSplitOfEdgeShapes() {
        PropertyCases.check("views of edge shapes", CASES, seed -> {
            EdgeInts e = new EdgeInts(seed);
            int[] s = shape(e);
            if (numel(s) > Integer.MAX_VALUE) {
                expect(
                        "expand to " + Arrays.toString(s),
                        null,
                        () -> Tensor.zeros(1).expand(s));
                PropertyCases.outcome("input beyond 2^31-1 elements, rejected");
                return;
            }
            Tensor x = input(s);
            boolean small = numel(s) <= SMALL;
            PropertyCases.outcome(small ? "small input, values compared" : "expanded input, shapes compared");
            int rank = s.length;

            int dim = dim(e, rank);
            int a = axis(dim, rank);
            boolean dimOk = a >= 0 && a < rank;
            int start = e.signed(8);
            int length = e.signed(8);
            long first = start < 0 ? (long) start + (dimOk ? s[a] : 0) : start;
            boolean narrowOk = dimOk && first >= 0 && length >= 0 && first + length <= s[a];
            String call = "narrow(" + dim + ", " + start + ", " + length + ") of " + Arrays.toString(s);
            Tensor narrowed = expect(call, narrowOk ? with(s, a, length) : null, () -> x.narrow(dim, start, length));
            if (narrowed != null && small) {
                values(call, narrowed, model(s, a, first, 1, length));
            }

            int end = e.signed(8);
            int step = e.signed(4);
            String sliceCall = "slice(" + dim + ", " + start + ", " + end + ", " + step + ") of " + Arrays.toString(s);
            if (!dimOk || step <= 0) {
                expect(sliceCall, null, () -> x.slice(dim, start, end, step));
            } else {
                long from = clip(start, s[a]);
                long to = Math.max(from, clip(end, s[a]));
                int count = (int) ((to - from + step - 1) / step);
                Tensor sliced = expect(sliceCall, with(s, a, count), () -> x.slice(dim, start, end, step));
                if (small) {
                    values(sliceCall, sliced, model(s, a, from, step, count));
                }
            }

            int index = e.signed(8);
            long at = index < 0 ? (long) index + (dimOk ? s[a] : 0) : index;
            boolean selectOk = dimOk && at >= 0 && at < s[a];
            String selectCall = "select(" + dim + ", " + index + ") of " + Arrays.toString(s);
            Tensor selected = expect(selectCall, selectOk ? without(s, a) : null, () -> x.select(dim, index));
            if (selected != null && small) {
                values(selectCall, selected, model(s, a, at, 1, 1));
            }

            int splitSize = e.signed(4);
            String splitCall = "split(" + splitSize + ", " + dim + ") of " + Arrays.toString(s);
            if (!dimOk || splitSize <= 0) {
                assertThrows(IllegalArgumentException.class, () -> x.split(splitSize, dim), splitCall);
            } else if ((long) s[a] / splitSize <= 64) {
                List<Tensor> parts = x.split(splitSize, dim);
                long pieces = s[a] == 0 ? 1 : ((long) s[a] + splitSize - 1) / splitSize;
                assertEquals(pieces, parts.size(), splitCall);
                long offset = 0;
                for (Tensor part : parts) {
                    int size = (int) Math.min(splitSize, s[a] - offset);
                    assertArrayEquals(with(s, a, Math.max(size, 0)), part.shape(), splitCall);
                    if (small) {
                        values(splitCall, part, model(s, a, offset, 1, Math.max(size, 0)));
                    }
                    offset += splitSize;
                }
            }
        });
    }

    @Test
    void catTransposeAndUnsqueezeOfEdgeShapes() {
        PropertyCases.check("joins of edge shapes", CASES, seed -> {
            EdgeInts e = new EdgeInts(seed);
            int[] s = shape(e);
            if (numel(s) > Integer.MAX_VALUE) {
                PropertyCases.outcome("input beyond 2^31-1 elements, skipped");
                return;
            }
            Tensor x = input(s);
            int rank = s.length;
            int dim = dim(e, rank);
            int a = axis(dim, rank);
            boolean dimOk = a >= 0 && a < rank;
            int copies = 1 + e.random.nextInt(3);
            Tensor[] parts = new Tensor[copies];
            Arrays.fill(parts, x);
            String call = "cat(" + dim + ", " + copies + " x " + Arrays.toString(s) + ")";
            long joined = dimOk ? (long) s[a] * copies : 0;
            int[] out = dimOk ? with(s, a, (int) Math.min(joined, Integer.MAX_VALUE)) : null;
            boolean fits = dimOk && joined <= Integer.MAX_VALUE && numel(out) <= Integer.MAX_VALUE;
            if (!fits) {
                expect(call, null, () -> Tensor.cat(dim, parts));
                PropertyCases.outcome("cat rejected");
            } else if (numel(out) <= SMALL) {
                PropertyCases.outcome("cat ran");
                Tensor t = expect(call, out, () -> Tensor.cat(dim, parts));
                assertEquals(numel(out), t.toArray().length, call);
            }

            int other = e.random.nextInt(-rank, rank);
            String transposeCall = "transpose(" + dim + ", " + other + ") of " + Arrays.toString(s);
            int[] swapped = null;
            if (dimOk) {
                swapped = s.clone();
                int b = axis(other, rank);
                swapped[a] = s[b];
                swapped[b] = s[a];
            }
            expect(transposeCall, swapped, () -> x.transpose(dim, other));

            int where = e.chance(8) ? rank + 1 : e.random.nextInt(-rank - 1, rank + 1);
            int position = where < 0 ? where + rank + 1 : where;
            int[] unsqueezed = null;
            if (position >= 0 && position <= rank) {
                unsqueezed = new int[rank + 1];
                for (int i = 0, j = 0; i <= rank; i++) {
                    unsqueezed[i] = i == position ? 1 : s[j++];
                }
            }
            expect("unsqueeze(" + where + ") of " + Arrays.toString(s), unsqueezed, () -> x.unsqueeze(where));
        });
    }

    private static long clip(long index, int size) {
        long i = index < 0 ? index + size : index;
        return Math.max(0, Math.min(size, i));
    }

    private static int[] with(int[] shape, int axis, int size) {
        int[] s = shape.clone();
        s[axis] = size;
        return s;
    }

    private static int[] without(int[] shape, int axis) {
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                s[j++] = shape[i];
            }
        }
        return s;
    }
}
