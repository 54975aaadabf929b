package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Tensor;

/**
 * Random arguments for fuzz tests: dims and sizes (often out of range or negative), shapes with
 * empty and size-1 dims, values with NaN and infinities, tensors laid out transposed, strided or
 * expanded, and index tensors with out-of-range and fractional entries.
 */
public final class Fuzz {
    public final SplittableRandom random;
    /** The tensors made so far that require grad, in the order made. */
    public final List<Tensor> leaves = new ArrayList<>();

    public Fuzz(long seed) {
        random = new SplittableRandom(seed);
    }

    public int dim() {
        return random.nextInt(-5, 5);
    }

    public int size() {
        return random.nextInt(8) == 0 ? -1 : random.nextInt(0, 5);
    }

    public int[] shape(int maxRank) {
        int[] s = new int[random.nextInt(maxRank + 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextInt(5) == 0 ? 1 : random.nextInt(0, 5);
        }
        return s;
    }

    public float value() {
        return switch (random.nextInt(20)) {
            case 0 -> Float.NaN;
            case 1 -> Float.POSITIVE_INFINITY;
            case 2 -> Float.NEGATIVE_INFINITY;
            case 3 -> 0f;
            default -> (float) (random.nextDouble() * 6 - 3);
        };
    }

    public Tensor tensor() {
        return tensor(shape(4));
    }

    /** A tensor of the shape, maybe laid out as a transpose, a strided slice or an expansion. */
    public Tensor tensor(int[] shape) {
        float[] v = new float[Math.max(1, Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
        for (int i = 0; i < v.length; i++) {
            v[i] = value();
        }
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        Tensor t = Tensor.of(Arrays.copyOf(v, n), shape);
        int layout = random.nextInt(4);
        if (layout == 1 && shape.length >= 2) {
            int[] swapped = shape.clone();
            swapped[0] = shape[1];
            swapped[1] = shape[0];
            t = Tensor.of(Arrays.copyOf(v, n), swapped).transpose(0, 1);
        } else if (layout == 2 && shape.length >= 1) {
            int[] wide = shape.clone();
            wide[shape.length - 1] = shape[shape.length - 1] * 2;
            float[] w = new float[Arrays.stream(wide).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < w.length; i++) {
                w[i] = value();
            }
            t = Tensor.of(w, wide).slice(-1, 0, wide[shape.length - 1], 2);
        } else if (layout == 3 && shape.length >= 1 && shape[0] > 1) {
            int[] one = shape.clone();
            one[0] = 1;
            t = Tensor.of(Arrays.copyOf(v, n / shape[0]), one).expand(shape);
        }
        if (random.nextBoolean()) {
            t = t.detach().requiresGrad(true);
            leaves.add(t);
        }
        return t;
    }

    /** Integer-valued indices, mostly in [0, bound), sometimes out of range or fractional. */
    public Tensor indices(int[] shape, int bound) {
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(30);
            v[i] = pick == 0 ? bound : pick == 1 ? -1 : pick == 2 ? 0.5f : random.nextInt(Math.max(bound, 1));
        }
        return Tensor.of(v, shape);
    }

    public int[] ints(int length, int from, int to) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = random.nextInt(from, to);
        }
        return out;
    }

    /** Whether a message names a primitive that composites and layers call (stack's unsqueeze, Linear's matmul). */
    public static boolean namesAnInnerOp(String message) {
        return message.matches(
                "^(reshape|narrow|unsqueeze|squeeze|permute|expand|select|size|sum|mean|max|min|"
                        + "cat|where|clamp|dropout|transpose|flatten|split|stack|view|slice|matmul|linear|tensor\\.of|uniform)[:( ].*");
    }

    /**
     * Runs {@code cases} calls, cycling through {@code calls} (name → call), each on this
     * generator's next random arguments: every call must end in a result (whose gradient then
     * flows back) or in an IllegalArgumentException/IllegalStateException naming it or an inner
     * op; anything else fails the test. Both outcomes must be common, so the fuzz is not all one.
     */
    public void expectResultsOrNamedErrors(
            List<String> names, List<Function<Fuzz, Tensor>> calls, int cases, String what) {
        int results = 0;
        int rejected = 0;
        for (int i = 0; i < cases; i++) {
            String name = names.get(i % names.size());
            try {
                Tensor out = calls.get(i % calls.size()).apply(this);
                out.toArray();
                if (out.requiresGrad() && out.numel() > 0) {
                    out.sum().backward();
                }
                results++;
            } catch (IllegalArgumentException | IllegalStateException e) {
                String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                assertTrue(
                        message.contains(name.toLowerCase(Locale.ROOT)) || namesAnInnerOp(message),
                        () -> "case " + name + ": message does not name the " + what + ": " + e.getMessage());
                rejected++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError(
                        "case " + name + " on " + Backend.current().name() + " threw " + e, e);
            }
        }
        assertTrue(results > cases / 5 && rejected > cases / 20, results + " results, " + rejected + " rejections");
    }
}
