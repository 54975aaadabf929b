package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.grad4j.autograd.GradMode;
import org.grad4j.internal.tensor.Shapes;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@value #GRAPHS} random programs of 2 to 7 steps (element-wise, broadcasting, reductions,
 * softmax, views, joins, matmul, and in-place writes: to fresh tensors, to comparisons, to clones
 * made under noGrad, and to a module buffer), each the forward of a small module compiled with
 * {@link Compile#module}: the compiled forward's output, the gradients of its input and
 * parameters, and the buffer after it, equal eager's within float tolerance; every fourth program
 * also runs compiled without gradients. Each program gets a compiled module of its own, dropped
 * after it, so no cache outlives its program.
 */
class CompiledRandomGraphsTest {
    static final int GRAPHS = 2_000;

    /** Stats over a run: steps of each kind, to show what the programs exercised. */
    private static final int[] KINDS = new int[RandomSteps.KINDS + 9];

    /** The forward is a random program of its input, its parameters and its buffer. */
    static final class RandomProgram extends Module {
        private final long seed;
        private final List<Parameter> params = new ArrayList<>();
        private final Tensor buffer;

        RandomProgram(long seed, int[][] shapes) {
            this.seed = seed;
            for (int i = 1; i < shapes.length; i++) {
                Tensor init = Tensor.randn(new Generator(seed * 7 + i), shapes[i]);
                params.add(registerParameter("p" + i, new Parameter(init)));
            }
            buffer = registerBuffer("buffer", Tensor.of(new float[] {0.5f}));
        }

        @Override
        public Tensor forward(Tensor x) {
            SplittableRandom r = new SplittableRandom(seed);
            List<Tensor> values = new ArrayList<>();
            values.add(x);
            values.addAll(params);
            int steps = 2 + r.nextInt(6);
            for (int s = 0; s < steps; s++) {
                values.add(step(r, values, buffer));
            }
            return values.get(values.size() - 1).add(x.sum());
        }
    }

    /** Whether b broadcasts to a's shape, as an in-place write of a with operand b needs. */
    private static boolean fits(Tensor b, Tensor a) {
        return Shapes.broadcastsTo(b.shape(), a.shape());
    }

    private static Tensor step(SplittableRandom r, List<Tensor> values, Tensor buffer) {
        Tensor a = values.get(r.nextInt(values.size()));
        Tensor b = values.get(r.nextInt(values.size()));
        int dim = a.dim() == 0 ? 0 : r.nextInt(a.dim());
        int kind = r.nextInt(KINDS.length);
        KINDS[kind]++;
        return switch (kind) {
            case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 -> RandomSteps.step(kind, a, b, dim);
            case 16 -> {
                Tensor t = Tensor.zeros(a.shape()).add_(a);
                yield fits(b, t) ? t.mul_(b).sub_(b) : t.mul_(-1.5f);
            }
            case 17 -> {
                if (!RandomSteps.broadcasts(a, b)) {
                    yield a.gelu();
                }
                Tensor t = a.gt(b);
                yield t.mul_(a).add_(1f).mul(b);
            }
            case 18 -> {
                Tensor t;
                try (Scope ignored = GradMode.noGrad()) {
                    t = a.clone();
                    t = fits(b, t) ? t.add_(b) : t.div_(2f);
                }
                yield a.add(t);
            }
            case 19 -> {
                Tensor t = Tensor.ones(a.shape()).fill_(0.25f);
                yield a.mul(t.add_(a.abs()));
            }
            case 20 -> {
                Tensor t = Tensor.zeros(a.shape()).copy_(fits(b, a) ? b : a);
                yield t.div_(a.abs().add(1f)).add(a);
            }
            case 21 -> {
                Tensor t = a.detach().clone();
                t.zero_();
                yield t.add_(a, 0.5f).sub(a);
            }
            case 22 -> {
                try (Scope ignored = GradMode.noGrad()) {
                    buffer.mul_(0.5f).add_(a.mean());
                }
                yield a.add(buffer);
            }
            case 23 -> a.sub(buffer);
            default -> {
                Tensor t = Tensor.zeros(a.shape()).add_(a);
                t.zero_();
                yield t.add_(a.exp()).mul(a);
            }
        };
    }

    /** 1 to 3 shapes (the input's, then the parameters') that broadcast against one base shape. */
    private static int[][] shapes(SplittableRandom r) {
        int[] base = new int[1 + r.nextInt(3)];
        for (int d = 0; d < base.length; d++) {
            base[d] = 1 + r.nextInt(4);
        }
        int[][] shapes = new int[1 + r.nextInt(3)][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = base.clone();
            for (int d = 0; d < base.length; d++) {
                if (r.nextInt(3) == 0) {
                    shapes[i][d] = 1;
                }
            }
        }
        return shapes;
    }

    /**
     * Within 1e-4 relative; a missing gradient counts as zeros (a compiled module gives zeros for a
     * parameter the output depends on only through comparisons, where eager code gives none).
     */
    private static void close(String what, Tensor expected, Tensor actual) {
        if (expected == null && actual == null) {
            return;
        }
        float[] e = expected == null ? new float[actual.numel()] : expected.toArray();
        float[] a = actual == null ? new float[expected.numel()] : actual.toArray();
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            boolean same = Float.compare(e[i], a[i]) == 0 || Math.abs(e[i] - a[i]) <= 1e-4f * (1 + Math.abs(e[i]));
            assertTrue(same, what + ": element " + i + " expected " + e[i] + " but was " + a[i]);
        }
    }

    @Test
    void randomProgramsCompileToTheirEagerOutputsGradientsAndBuffers() {
        java.util.Arrays.fill(KINDS, 0);
        long start = System.nanoTime();
        for (int n = 0; n < GRAPHS; n++) {
            long seed = 5000 + n;
            int[][] shapes = shapes(new SplittableRandom(seed));
            RandomProgram eager = new RandomProgram(seed, shapes);
            RandomProgram model = new RandomProgram(seed, shapes);
            CompiledModule compiled = (CompiledModule) Compile.module(model);
            String what = "program " + n;
            Tensor base = Tensor.randn(new Generator(seed * 7), shapes[0]);
            Tensor xe = base.clone().requiresGrad(true);
            Tensor xc = base.clone().requiresGrad(true);
            Tensor expected = eager.forward(xe);
            Tensor actual = compiled.forward(xc);
            assertTrue(compiled.isCompiled(), what + " ran eagerly");
            close(what + ": output", expected, actual);
            Tensor seedGrad = Tensor.randn(new Generator(seed + 31), expected.shape());
            expected.backward(seedGrad);
            actual.backward(seedGrad);
            close(what + ": gradient of the input", xe.grad(), xc.grad());
            for (String name : eager.namedParameters().keySet()) {
                close(
                        what + ": gradient of " + name,
                        eager.namedParameters().get(name).grad(),
                        model.namedParameters().get(name).grad());
            }
            close(what + ": buffer", eager.buffer, model.buffer);
            if (n % 4 == 0) {
                try (Scope ignored = GradMode.noGrad()) {
                    close(what + ": output without gradients", eager.forward(base), compiled.forward(base));
                }
                assertTrue(compiled.isCompiled(), what + " ran eagerly without gradients");
                close(what + ": buffer after the second call", eager.buffer, model.buffer);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("compiled random graphs: " + GRAPHS + " programs in " + ms + " ms; steps by kind "
                + java.util.Arrays.toString(KINDS));
        for (int kind = RandomSteps.KINDS; kind < KINDS.length; kind++) {
            assertTrue(KINDS[kind] > 50, "in-place step kind " + kind + " ran " + KINDS[kind] + " times");
        }
    }
}
