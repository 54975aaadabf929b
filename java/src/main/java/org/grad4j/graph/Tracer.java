package org.grad4j.graph;

import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.grad4j.autograd.Function;
import org.grad4j.internal.ops.Op;
import org.grad4j.internal.tensor.Storage;
import org.grad4j.internal.tensor.TensorInternals;
import org.grad4j.internal.trace.Recorder;
import org.grad4j.internal.trace.Tracing;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * Records the ops eager code applies into a {@link GraphBuilder}. Tensors are matched by identity:
 * the example inputs are the graph's inputs, an op's result is its node's value, and any other
 * tensor an op uses is captured at first use, as a parameter (named by the module, or {@code paramN}
 * when it requires grad) or as a constant. A {@code detach()} becomes a detach node when its result
 * is used; an in-place write is functionalized (see {@link Graph#trace(java.util.function.Function,
 * Tensor...)}).
 */
final class Tracer implements Recorder {
    private final GraphBuilder builder = new GraphBuilder();
    private final Map<Tensor, Value> values = new IdentityHashMap<>();
    /** {@code detach()} results not used yet, with what they detach. */
    private final Map<Tensor, Tensor> detachedFrom = new IdentityHashMap<>();
    /** How many tensors in {@link #values} or {@link #detachedFrom} share each storage. */
    private final Map<Storage, Integer> users = new IdentityHashMap<>();

    private final Set<Tensor> inputs = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Value> updates = new LinkedHashMap<>();
    private final WrittenStorages written = new WrittenStorages();
    private final Map<Tensor, String> parameterNames;
    private final Set<Tensor> unbound = Collections.newSetFromMap(new IdentityHashMap<>());
    private final java.util.Deque<OpenRegion> open = new java.util.ArrayDeque<>();
    private int depth;
    private int params;
    private int constants;

    Tracer(Map<Tensor, String> parameterNames) {
        this.parameterNames = parameterNames;
    }

    /** Records a parameter of this name as given to each run, not bound to {@code placeholder}. */
    Tracer unboundParameter(Tensor placeholder, String name) {
        parameterNames.put(placeholder, name);
        unbound.add(placeholder);
        return this;
    }

    Graph trace(java.util.function.Function<Tensor[], Tensor[]> fn, Tensor... exampleInputs) {
        String[] names = new String[exampleInputs.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "input" + i;
        }
        return trace(fn, names, exampleInputs);
    }

    Graph trace(java.util.function.Function<Tensor[], Tensor[]> fn, String[] inputNames, Tensor... exampleInputs) {
        for (int i = 0; i < exampleInputs.length; i++) {
            if (values.containsKey(exampleInputs[i])) {
                throw new IllegalArgumentException("Graph.trace: input " + i + " is given twice");
            }
            bind(exampleInputs[i], builder.input(inputNames[i], exampleInputs[i].shape()));
            inputs.add(exampleInputs[i]);
        }
        Tensor[] results;
        try (Scope ignored = Tracing.begin(this)) {
            results = fn.apply(exampleInputs.clone());
        } finally {
            written.restore();
        }
        if (results == null) {
            throw new IllegalArgumentException("Graph.trace: the traced code returned null");
        }
        Value[] outputs = new Value[results.length];
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                throw new IllegalArgumentException("Graph.trace: result " + i + " of the traced code is null");
            }
            outputs[i] = valueOf(results[i]);
        }
        updates.forEach(builder::update);
        return builder.build(outputs);
    }

    /** Records that a run writes {@code value} into the parameter {@code parameter} stands for. */
    void update(Tensor parameter, Tensor value) {
        valueOf(parameter);
        updates.put(parameterNames.get(parameter), valueOf(value));
    }

    @Override
    public void enterOp() {
        depth++;
    }

    @Override
    public void exitOp() {
        depth--;
    }

    @Override
    public void record(Function function, Tensor[] inputs, Tensor output) {
        if (depth > 0) {
            return;
        }
        if (!(function instanceof Op op)) {
            throw new GraphBreakException(
                    function.name(),
                    callSite(),
                    "a user-defined Function cannot be traced (the graph rebuilds only grad4j's own ops)");
        }
        Value[] in = new Value[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = valueOf(inputs[i]);
        }
        bind(output, builder.op(op.name(), op.attributes(), output.shape(), in));
    }

    /** A region begun and not yet ended. */
    private record OpenRegion(String op, Attributes attributes, java.util.List<Value> inputs, int first) {}

    @Override
    public void enterRegion(String op, Attributes attributes, Tensor[] inputs) {
        if (depth > 0) {
            return;
        }
        java.util.List<Value> in = new java.util.ArrayList<>();
        for (Tensor t : inputs) {
            in.add(valueOf(t));
        }
        open.push(new OpenRegion(op, attributes, in, builder.size()));
    }

    @Override
    public void exitRegion(Tensor[] outputs) {
        if (depth > 0) {
            return;
        }
        OpenRegion r = open.pop();
        java.util.List<Value> out = new java.util.ArrayList<>();
        for (Tensor t : outputs) {
            out.add(valueOf(t));
        }
        builder.region(new Region(r.op(), r.attributes(), r.inputs(), out, r.first(), builder.size()));
    }

    @Override
    public void detached(Tensor source, Tensor result) {
        if (depth == 0 && !values.containsKey(result) && detachedFrom.put(result, source) == null) {
            users.merge(TensorInternals.storage(result), 1, Integer::sum);
        }
    }

    @Override
    public void inPlace(String op, Tensor target, Tensor operand) {
        if (depth > 0) {
            return;
        }
        String why = notFunctional(target);
        if (why != null) {
            throw new GraphBreakException(op, callSite(), why);
        }
        String parameter = parameterNames.get(target);
        int[] shape = target.shape();
        String binary = switch (op) {
            case "add_" -> "add";
            case "sub_" -> "sub";
            case "mul_" -> "mul";
            case "div_" -> "div";
            default -> null;
        };
        Value old = binary != null || parameter != null ? valueOf(target) : null;
        Value src = valueOf(operand);
        Value result = binary != null
                ? builder.op(binary, Attributes.of(), shape, old, src)
                : java.util.Arrays.equals(operand.shape(), shape)
                        ? builder.op("clone", Attributes.of(), shape, src)
                        : builder.op("expand", Attributes.of().with("sizes", shape), shape, src);
        Value now = builder.op("detach", Attributes.of(), shape, result);
        written.save(target);
        bind(target, now);
        if (parameter != null) {
            updates.put(parameter, now);
        }
    }

    /** Why a write to {@code target} cannot be recorded as an out-of-place op, or null. */
    private String notFunctional(Tensor target) {
        if (inputs.contains(target)) {
            return "a write to an input of the traced code would not reach the caller's tensor from a"
                    + " compiled run; write to a clone()";
        }
        if (target.requiresGrad()) {
            return target.isLeaf()
                    ? "a write under noGrad to a tensor that requires grad (an optimizer's update) cannot be"
                            + " traced; keep it out of the traced code"
                    : "a write under noGrad to a tensor that requires grad: its gradient would not see the"
                            + " write; write to a detach().clone()";
        }
        boolean known = values.containsKey(target) || detachedFrom.containsKey(target);
        int others = users.getOrDefault(TensorInternals.storage(target), 0) - (known ? 1 : 0);
        return others == 0
                ? null
                : "mutation through aliases is not functionalized: the tensor shares memory with another"
                        + " tensor the traced code has used or made (a view, or the base of one); write to a"
                        + " clone()";
    }

    /** Makes {@code v} what {@code t} stands for from now on. */
    private void bind(Tensor t, Value v) {
        if (values.put(t, v) == null && detachedFrom.remove(t) == null) {
            users.merge(TensorInternals.storage(t), 1, Integer::sum);
        }
    }

    @Override
    public void hostAccess(String access) {
        if (depth == 0) {
            String backward = Tracing.backwardOf();
            String what = backward == null ? access : access + " in " + backward + "'s backward";
            throw new GraphBreakException(
                    what,
                    callSite(),
                    access.endsWith("random draw")
                            ? "random values drawn while tracing would be frozen into the graph as constants"
                            : access.startsWith("a kernel")
                                    ? "a graph records only ops, and this code computes with the kernels directly"
                                    : "reading tensor values into Java ends what a graph can hold; keep traced code in"
                                            + " tensor ops");
        }
    }

    /** The value of a tensor an op uses; a tensor first seen here is captured. */
    private Value valueOf(Tensor t) {
        Value v = values.get(t);
        if (v != null) {
            return v;
        }
        Tensor source = detachedFrom.get(t);
        if (source != null) {
            v = builder.op("detach", Attributes.of(), t.shape(), valueOf(source));
            bind(t, v);
            return v;
        }
        String name = parameterNames.get(t);
        if (name == null && t.requiresGrad() && t.isLeaf()) {
            name = "param" + params++;
        }
        depth++; // the builder reads the tensor's shape and a constant's values: not the traced code's reads
        try {
            v = name == null
                    ? builder.constant("const" + constants++, t)
                    : unbound.contains(t) ? builder.parameter(name, t.shape()) : builder.parameter(name, t);
        } finally {
            depth--;
        }
        bind(t, v);
        return v;
    }

    /** The first stack frame outside grad4j's library classes: the line of the user's code. */
    static String callSite() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> !library(f.getDeclaringClass()))
                        .findFirst()
                        .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                                + f.getLineNumber() + ")")
                        .orElse("an unknown place"));
    }

    private static final URL LIBRARY = location(Tensor.class);

    private static URL location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    /** A class of grad4j-core itself (the examples, shaded into one jar with it, are users' code). */
    private static boolean library(Class<?> c) {
        return LIBRARY != null && LIBRARY.equals(location(c)) && !c.getName().startsWith("org.grad4j.examples.")
                || c.getName().startsWith("java.");
    }
}
