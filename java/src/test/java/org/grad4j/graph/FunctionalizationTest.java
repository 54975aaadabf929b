package org.grad4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.grad4j.autograd.GradMode;
import org.grad4j.nn.BatchNorm1d;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** In-place writes under tracing: recorded as out-of-place ops, as state updates, or graph breaks. */
class FunctionalizationTest {
    private static GraphBreakException breaks(Function<Tensor[], Tensor[]> fn, Tensor... in) {
        return assertThrows(GraphBreakException.class, () -> Graph.trace(fn, in));
    }

    @Test
    void anInPlaceAddIsItsOutOfPlaceOpDetachedAndTheTensorStandsForTheResult() {
        Function<Tensor[], Tensor[]> fn = in -> {
            Tensor t = in[0].clone();
            t.add_(in[1]);
            return new Tensor[] {t.exp()};
        };
        Tensor x = Tensor.randn(new Generator(1), 2, 3);
        Tensor y = Tensor.randn(new Generator(2), 3);
        float[] before = x.toArray();
        Graph g = Graph.trace(fn, x, y);
        assertEquals(
                String.join(
                        "\n",
                        "kind    value  target  args      shape",
                        "input   %0     input0            [2, 3]",
                        "input   %1     input1            [3]",
                        "op      %2     clone   (%0)      [2, 3]",
                        "op      %3     add     (%2, %1)  [2, 3]",
                        "op      %4     detach  (%3)      [2, 3]",
                        "op      %5     exp     (%4)      [2, 3]",
                        "output         output  (%5)",
                        ""),
                g.toString());
        assertArrayEquals(before, x.toArray(), "the input is not written");
        Tensor x2 = Tensor.randn(new Generator(3), 2, 3);
        assertArrayEquals(fn.apply(new Tensor[] {x2, y})[0].toArray(), g.run(x2, y)[0].toArray());
    }

    @Test
    void fillAndCopyBecomeTheirSourceExpandedOrCloned() {
        Function<Tensor[], Tensor[]> fn = in -> {
            Tensor t = Tensor.zeros(2).fill_(3f);
            Tensor u = Tensor.zeros(2).copy_(in[0]);
            return new Tensor[] {t.mul(u)};
        };
        Graph g = Graph.trace(fn, Tensor.ones(2));
        assertEquals(
                String.join(
                        "\n",
                        "kind      value  target  args              shape",
                        "input     %0     input0                    [2]",
                        "constant  %1     const0                    []",
                        "op        %2     expand  (%1) {sizes=[2]}  [2]",
                        "op        %3     detach  (%2)              [2]",
                        "op        %4     clone   (%0)              [2]",
                        "op        %5     detach  (%4)              [2]",
                        "op        %6     mul     (%3, %5)          [2]",
                        "output           output  (%6)",
                        ""),
                g.toString());
        assertArrayEquals(new float[] {3, 6}, g.run(Tensor.of(new float[] {1, 2}))[0].toArray());
    }

    @Test
    void everyWriteRunsFromTheGraphAsItRunsEagerly() {
        Function<Tensor[], Tensor[]> fn = in -> {
            Tensor t = in[0].clone();
            t.sub_(in[1]).mul_(in[1]).div_(2f).add_(in[1], 0.5f).mul_(3f).add_(1f);
            Tensor u = Tensor.zeros(2, 3);
            u.copy_(in[1]);
            u.div_(t.abs().add(1f));
            Tensor v = Tensor.ones(3);
            v.zero_();
            return new Tensor[] {t, u.add(v)};
        };
        Tensor x = Tensor.randn(new Generator(4), 2, 3);
        Tensor y = Tensor.randn(new Generator(5), 3);
        Graph g = Graph.trace(fn, x, y);
        Tensor[] eager = fn.apply(new Tensor[] {x, y});
        Tensor[] fromGraph = g.run(x, y);
        Tensor[] optimized = Passes.optimize(g).run(x, y);
        for (int i = 0; i < eager.length; i++) {
            assertArrayEquals(eager[i].toArray(), fromGraph[i].toArray(), "output " + i + "\n" + g);
            assertArrayEquals(eager[i].toArray(), optimized[i].toArray(), "optimized output " + i);
        }
    }

    @Test
    void gradientsDoNotFlowThroughAWriteAsEagerAutogradDoesNotRecordIt() {
        Function<Tensor[], Tensor[]> fn = in -> {
            Tensor t = Tensor.zeros(3);
            t.add_(in[0]);
            return new Tensor[] {t.mul(in[0]).sum()};
        };
        Tensor x = Tensor.of(new float[] {1, -2, 3}).requiresGrad(true);
        fn.apply(new Tensor[] {x})[0].backward();
        Graph joint = Autodiff.gradients(Graph.trace(fn, x));
        Tensor[] out = joint.run(x, Tensor.scalar(1f));
        assertArrayEquals(new float[] {1, -2, 3}, x.grad().toArray(), "eager: d/dx of t·x with t fixed");
        assertArrayEquals(x.grad().toArray(), out[1].toArray());
    }

    @Test
    void aWriteThroughAViewOrToTheBaseOfAViewIsAGraphBreakNamingTheOp() {
        Tensor x = Tensor.ones(2, 3);
        GraphBreakException view = breaks(
                in -> {
                    Tensor t = in[0].clone();
                    t.narrow(0, 0, 1).mul_(2f);
                    return new Tensor[] {t};
                },
                x);
        assertEquals("mul_", view.operation());
        assertTrue(view.getMessage().contains("mutation through aliases is not functionalized"), view.getMessage());
        assertTrue(view.callSite().startsWith("org.grad4j.graph.FunctionalizationTest."), view.callSite());
        GraphBreakException base = breaks(
                in -> {
                    Tensor t = in[0].clone();
                    Tensor flat = t.reshape(6);
                    t.add_(1f);
                    return new Tensor[] {flat};
                },
                x);
        assertEquals("add_", base.operation());
        GraphBreakException detached = breaks(
                in -> {
                    Tensor t = in[0].clone();
                    t.detach().zero_();
                    return new Tensor[] {t};
                },
                x);
        assertEquals("zero_", detached.operation());
        assertTrue(detached.getMessage().contains("shares memory"), detached.getMessage());
    }

    @Test
    void aWriteToAnInputOrToATensorThatRequiresGradIsNotFunctionalized() {
        GraphBreakException input = breaks(in -> new Tensor[] {in[0].add_(1f)}, Tensor.ones(2));
        assertEquals("add_", input.operation());
        assertTrue(input.getMessage().contains("a write to an input of the traced code"), input.getMessage());
        Tensor w = Tensor.ones(2).requiresGrad(true);
        GraphBreakException parameter = breaks(
                in -> {
                    try (Scope ignored = GradMode.noGrad()) {
                        w.sub_(in[0]);
                    }
                    return new Tensor[] {in[0].mul(w)};
                },
                Tensor.ones(2));
        assertEquals("sub_", parameter.operation());
        assertTrue(parameter.getMessage().contains("requires grad (an optimizer's update)"), parameter.getMessage());
        IllegalStateException eager = assertThrows(
                IllegalStateException.class, () -> Graph.trace(in -> new Tensor[] {w.add_(in[0])}, Tensor.ones(2)));
        assertFalse(eager instanceof GraphBreakException, "in grad mode eager code refuses it: " + eager);
        assertTrue(eager.getMessage().startsWith("add_: in-place operation on a tensor of shape [2] that requires"));
        GraphBreakException nonLeaf = breaks(
                in -> {
                    Tensor t = in[0].mul(2f);
                    try (Scope ignored = GradMode.noGrad()) {
                        t.fill_(0f);
                    }
                    return new Tensor[] {t};
                },
                Tensor.ones(2).requiresGrad(true));
        assertTrue(nonLeaf.getMessage().contains("its gradient would not see the write"), nonLeaf.getMessage());
    }

    @Test
    void aTraceLeavesWhatItWroteAsItWasEvenWhenItBreaks() {
        Tensor counter = Tensor.zeros(1);
        breaks(
                in -> {
                    counter.add_(1f);
                    return new Tensor[] {in[0].mul(in[0].sum().item())};
                },
                Tensor.ones(2));
        assertArrayEquals(new float[] {0}, counter.toArray());
        Graph.trace(in -> new Tensor[] {in[0].add(counter.add_(1f))}, Tensor.ones(2));
        assertArrayEquals(new float[] {0}, counter.toArray());
    }

    @Test
    void batchNormInTrainingModeUpdatesItsRunningStatisticsAsStateUpdates() {
        BatchNorm1d bn = new BatchNorm1d(3);
        BatchNorm1d eager = new BatchNorm1d(3);
        Tensor x = Tensor.randn(new Generator(6), 4, 3);
        Graph g = Graph.trace(bn, x);
        List<String> lines = Arrays.asList(g.toString().split("\n"));
        assertEquals(
                List.of(
                        "output            output               (%40)",
                        "update            num_batches_tracked  (%16)",
                        "update            running_mean         (%25)",
                        "update            running_var          (%34)"),
                lines.subList(lines.size() - 4, lines.size()),
                g.toString());
        assertEquals("detach", g.producer(g.updates().get("running_mean")).target());
        assertArrayEquals(new float[] {0, 0, 0}, bn.runningMean.toArray(), "tracing leaves the buffers as they were");
        assertEquals(0f, bn.numBatchesTracked.item());
        Tensor expected = eager.forward(x);
        assertArrayEquals(expected.toArray(), g.run(x)[0].toArray());
        assertEquals(eager.stateDict().keySet(), bn.stateDict().keySet());
        eager.stateDict()
                .forEach((name, t) ->
                        assertArrayEquals(t.toArray(), bn.stateDict().get(name).toArray(), name));
        Graph optimized = Passes.optimize(Autodiff.gradients(g));
        assertEquals(g.updates().keySet(), optimized.updates().keySet(), optimized.toString());
        bn.eval();
        assertEquals(0, Graph.trace(bn, x).updates().size(), "eval mode reads the statistics, writes none");
    }
}
