package org.grad4j.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.grad4j.autograd.Context;
import org.grad4j.autograd.Function;
import org.grad4j.autograd.GradMode;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * A module whose forward runs as a compiled graph ({@link Compile#module}). Without gradients it
 * runs the forward graph; with them, the forward part of the joint graph, as one autograd function
 * whose backward is the graph's backward part. It holds the same parameters and buffers, under
 * the same names, as the module it compiles; each forward writes the buffers the module's forward
 * writes in place (batch norm's running statistics in training mode).
 */
final class CompiledModule extends Module {
    private final Module inner;
    private final List<String> names = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final CompileCache<Entry> cache;
    private Signature first;
    private boolean compiledLast;

    /** A signature's graphs: the forward alone, or the joint graph with programs ready for calls in flight. */
    private static final class Entry {
        Program forward;
        Graph joint;
        int split;
        boolean inputGrad;
        List<Integer> wrt;
        final ArrayDeque<Program> idle = new ArrayDeque<>();

        Program take() {
            Program p = idle.poll();
            if (p == null) {
                p = new Program(joint, null, split);
            }
            return p;
        }
    }

    CompiledModule(Module inner, int cacheSize) {
        this.inner = inner;
        inner.namedChildren().forEach(this::registerModule);
        inner.namedParameters().forEach((name, p) -> {
            names.add(name);
            parameters.add(p);
            if (!name.contains(".")) {
                registerParameter(name, p);
            }
        });
        inner.namedBuffers().forEach((name, b) -> {
            if (!name.contains(".")) {
                registerBuffer(name, b);
            }
        });
        train(inner.isTraining());
        this.cache = new CompileCache<>("module " + inner.getClass().getSimpleName(), cacheSize);
    }

    @Override
    public Module train(boolean mode) {
        super.train(mode);
        inner.train(mode);
        return this;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input == null) {
            throw new IllegalArgumentException("compiled " + inner.getClass().getSimpleName() + ": input is null");
        }
        boolean grad = GradMode.isEnabled();
        Signature s = Signature.of(inner, parameters, grad, input);
        if (first == null) {
            first = s;
        } else if (!first.sameRanks(input)) {
            throw new IllegalArgumentException("compiled " + inner.getClass().getSimpleName()
                    + ": compiled for an input of shape " + first.shapes() + ", got " + Signature.shapes(input)
                    + ": the ranks differ");
        }
        Entry e = cache.get(s, this::compile);
        compiledLast = e != null;
        if (e == null) {
            return inner.forward(input);
        }
        if (e.forward != null) {
            e.forward.run(input);
            return e.forward.outputTensor(0);
        }
        Tensor[] args = new Tensor[1 + e.wrt.size()];
        args[0] = input;
        for (int i = 0; i < e.wrt.size(); i++) {
            args[1 + i] = parameters.get(e.wrt.get(i));
        }
        return new Call(e).apply(args);
    }

    private Entry compile(Signature s) {
        // an example that requires grad as the call's input does, so the traced code checks what eager code would
        Tensor example = Tensor.zeros(s.shape(0)).requiresGrad(s.requiresGrad(parameters.size()));
        Graph forward = Graph.trace(inner, in -> new Tensor[] {inner.forward(in[0])}, example);
        Entry e = new Entry();
        List<String> wrt = new ArrayList<>();
        List<Integer> params = new ArrayList<>();
        if (s.requiresGrad(parameters.size())) {
            wrt.add("input0");
        }
        List<String> used = forward.parameterNames();
        for (int i = 0; i < parameters.size(); i++) {
            // a parameter the forward does not use gets no gradient, as in eager code
            if (s.requiresGrad(i) && used.contains(names.get(i))) {
                wrt.add(names.get(i));
                params.add(i);
            }
        }
        boolean needsGrad = GradMode.isEnabled() && !wrt.isEmpty();
        e.inputGrad = s.requiresGrad(parameters.size());
        if (!needsGrad) {
            e.forward = new Program(Passes.fuse(Passes.optimize(forward)), null);
            return e;
        }
        Graph joint = Passes.fuse(Passes.optimize(Autodiff.gradients(forward, wrt)));
        e.joint = ForwardFirst.reorder(joint);
        e.split = ForwardFirst.forwardNodes(e.joint);
        e.wrt = params;
        e.idle.push(e.take());
        return e;
    }

    /** One call's forward and backward through a program of its own. */
    private final class Call extends Function {
        private final Entry entry;
        private Program program;
        private Tensor input;

        Call(Entry entry) {
            this.entry = entry;
        }

        @Override
        public String name() {
            return "compiled " + inner.getClass().getSimpleName();
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            input = in[0];
            program = entry.take();
            program.runForward(input, null);
            return program.outputTensor(0);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            if (program == null) {
                throw new IllegalStateException(name() + ": backward already ran through this forward; a compiled"
                        + " module's graph is freed by its first backward (call forward again)");
            }
            program.runBackward(input, gradOutput);
            Tensor[] grads = new Tensor[1 + entry.wrt.size()];
            int k = 1;
            if (entry.inputGrad) {
                grads[0] = ctx.needsInputGrad(0) ? program.outputTensor(k) : null;
                k++;
            }
            for (int i = 0; i < entry.wrt.size(); i++, k++) {
                grads[1 + i] = ctx.needsInputGrad(1 + i) ? program.outputTensor(k) : null;
            }
            entry.idle.push(program);
            program = null;
            input = null;
            return grads;
        }
    }

    /** Whether the last forward ran as a compiled graph, not eagerly after a graph break. */
    boolean isCompiled() {
        return compiledLast;
    }

    /** How many signatures this module has traced and keeps. */
    int signatures() {
        return cache.size();
    }

    @Override
    public String toString() {
        return "Compiled(" + inner + ")";
    }
}
