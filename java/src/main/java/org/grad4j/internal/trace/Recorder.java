package org.grad4j.internal.trace;

import org.grad4j.autograd.Function;
import org.grad4j.graph.Attributes;
import org.grad4j.tensor.Tensor;

/**
 * What eager code reports to a tracer: each differentiable op applied (calls nested inside an
 * op's forward are the op's own business and are bracketed by enter/exit), each read of tensor
 * values into Java, each in-place write and each detached alias.
 */
public interface Recorder {
    /** An op's forward starts; ops applied until the matching {@link #exitOp} are its implementation. */
    void enterOp();

    /** The op's forward has returned or thrown. */
    void exitOp();

    /** A call of {@code function} on {@code inputs} returned {@code output}. */
    void record(Function function, Tensor[] inputs, Tensor output);

    /** Values are read into Java ({@code item()}, {@code toArray()}), or kernels are called outside an op. */
    void hostAccess(String what);

    /**
     * {@code target} is about to be written in place by {@code op} ({@code "add_"}, {@code "copy_"},
     * ...) with {@code operand} (the number of {@code fill_}, {@code zero_} or {@code add_(float)}
     * as a 0-d tensor), the write's checks passed.
     */
    void inPlace(String op, Tensor target, Tensor operand);

    /** {@code result} is {@code source.detach()}: the same memory, without autograd history. */
    void detached(Tensor source, Tensor result);

    /**
     * A layer that has one operator in exchange formats begins: {@code op} names it, {@code
     * attributes} hold its configuration, {@code inputs} are its input and its parameters.
     */
    void enterRegion(String op, Attributes attributes, Tensor[] inputs);

    /** The layer begun by the matching {@link #enterRegion} returns {@code outputs}. */
    void exitRegion(Tensor[] outputs);
}
