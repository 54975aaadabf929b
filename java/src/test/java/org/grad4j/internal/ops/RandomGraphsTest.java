package org.grad4j.internal.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.grad4j.graph.Autodiff;
import org.grad4j.graph.Graph;
import org.grad4j.graph.MemoryPlan;
import org.grad4j.graph.Node;
import org.grad4j.graph.Passes;
import org.grad4j.graph.RandomSteps;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@value #GRAPHS} random programs of 2 to 9 ops (element-wise, broadcasting, reductions, softmax,
 * views, joins, matmul) over inputs of broadcast-compatible shapes, each traced into a graph and run
 * from it, differentiated symbolically, optimized, fused and memory-planned: the graph gives eager's
 * outputs bit for bit, its gradients, before and after the passes and fused, equal eager's within
 * float tolerance, and the plan's arena lies between the live peak and a buffer per result.
 */
class RandomGraphsTest {
    static final int GRAPHS = 2_000;

    /** A program: the same seed makes the same ops on inputs of the same shapes. */
    private static Function<Tensor[], Tensor[]> program(long seed) {
        return in -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<Tensor> values = new ArrayList<>(Arrays.asList(in));
            int steps = 2 + r.nextInt(8);
            for (int s = 0; s < steps; s++) {
                values.add(RandomSteps.step(r, values));
            }
            return new Tensor[] {values.get(values.size() - 1), values.get(r.nextInt(values.size()))};
        };
    }

    /** 1 to 3 inputs whose shapes broadcast against one base shape of rank 1 to 3. */
    private static Tensor[] inputs(SplittableRandom r, long seed) {
        int[] base = new int[1 + r.nextInt(3)];
        for (int d = 0; d < base.length; d++) {
            base[d] = 1 + r.nextInt(4);
        }
        Tensor[] in = new Tensor[1 + r.nextInt(3)];
        for (int i = 0; i < in.length; i++) {
            int[] s = base.clone();
            for (int d = 0; d < s.length; d++) {
                if (r.nextInt(3) == 0) {
                    s[d] = 1;
                }
            }
            in[i] = Tensor.randn(new Generator(seed * 7 + i), s).requiresGrad(true);
        }
        return in;
    }

    private static void close(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            boolean same = Float.compare(e, a) == 0 || Math.abs(e - a) <= 1e-5f * (1 + Math.abs(e));
            assertTrue(same, what + ": element " + i + " expected " + e + " but was " + a);
        }
    }

    @Test
    void randomProgramsRunDifferentiateOptimizeAndFuseAsEagerCodeDoes() {
        TreeMap<String, Integer> ops = new TreeMap<>();
        int nodes = 0;
        int optimizedNodes = 0;
        int fusedNodes = 0;
        for (int n = 0; n < GRAPHS; n++) {
            long seed = 1000 + n;
            SplittableRandom r = new SplittableRandom(seed);
            Tensor[] in = inputs(r, seed);
            Function<Tensor[], Tensor[]> fn = program(seed);
            String what = "graph " + n;
            Graph g = Graph.trace(fn, in);
            Tensor[] eager = fn.apply(in);
            Tensor[] fromGraph = g.run(in);
            for (int i = 0; i < eager.length; i++) {
                assertArrayEquals(eager[i].toArray(), fromGraph[i].toArray(), what + ": output " + i + "\n" + g);
            }
            Tensor[] seeds = new Tensor[eager.length];
            Tensor total = null;
            for (int i = 0; i < eager.length; i++) {
                seeds[i] = Tensor.randn(new Generator(seed + 31 * i), eager[i].shape());
                Tensor term = eager[i].mul(seeds[i]).sum();
                total = total == null ? term : total.add(term);
            }
            for (Tensor t : in) {
                t.setGrad(null);
            }
            total.backward();
            Graph joint = Autodiff.gradients(g);
            Graph optimized = Passes.optimize(joint);
            Tensor[] args = Arrays.copyOf(in, in.length + seeds.length);
            System.arraycopy(seeds, 0, args, in.length, seeds.length);
            Tensor[] grads = joint.run(args);
            Tensor[] optimizedGrads = optimized.run(args);
            Graph fused = Passes.fuse(optimized);
            Tensor[] fusedGrads = fused.run(args);
            for (int i = 0; i < in.length; i++) {
                float[] expected = in[i].grad() == null
                        ? new float[in[i].numel()]
                        : in[i].grad().toArray();
                close(what + ": gradient of input " + i + "\n" + joint, expected, grads[eager.length + i].toArray());
                close(
                        what + ": optimized gradient of input " + i,
                        expected,
                        optimizedGrads[eager.length + i].toArray());
                close(
                        what + ": fused gradient of input " + i + "\n" + fused,
                        expected,
                        fusedGrads[eager.length + i].toArray());
            }
            for (Node node : fused.nodes()) {
                if (OpRegistry.FUSED.contains(node.target())) {
                    ops.merge(node.target(), 1, Integer::sum);
                }
            }
            for (Node node : joint.nodes()) {
                if (node.kind() == Node.Kind.OP) {
                    ops.merge(node.target(), 1, Integer::sum);
                }
            }
            MemoryPlan plan = MemoryPlan.of(fused);
            assertTrue(
                    plan.peakLiveBytes() <= plan.arenaBytes() && plan.arenaBytes() <= plan.totalBytes(),
                    what + ": plan " + plan.peakLiveBytes() + " <= " + plan.arenaBytes() + " <= " + plan.totalBytes());
            nodes += joint.nodes().size();
            optimizedNodes += optimized.nodes().size();
            fusedNodes += fused.nodes().size();
        }
        System.out.println("random graphs: " + GRAPHS + " programs, " + nodes + " joint nodes, " + optimizedNodes
                + " after the passes, " + fusedNodes + " fused; ops " + ops);
        assertTrue(ops.size() > 30, ops.toString());
        assertTrue(ops.getOrDefault("elementwise", 0) > GRAPHS / 10, ops.toString());
    }
}
