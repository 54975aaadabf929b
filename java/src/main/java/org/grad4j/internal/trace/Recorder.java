package org.grad4j.internal.trace;

import org.grad4j.autograd.Function;
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

    /** Values are read into Java ({@code item()}, {@code toArray()}), or a tensor is written in place. */
    void hostAccess(String what);

    /** {@code result} is {@code source.detach()}: the same memory, without autograd history. */
    void detached(Tensor source, Tensor result);
}
