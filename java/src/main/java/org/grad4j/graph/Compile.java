package org.grad4j.graph;

import org.grad4j.nn.Module;
import org.grad4j.nn.loss.Loss;
import org.grad4j.optim.Optimizer;

/**
 * Compiles eager code into graphs that run with their memory planned ahead and without a tensor
 * made per op, as {@code torch.compile} does. The first call of a compiled callable with a given
 * signature (input shapes, train/eval mode, which tensors require grad, grad mode, backend) traces
 * it; later calls with that signature run the graph. Another signature is traced again, up to 8
 * kept (the least recently used dropped), with a log line (logger {@code org.grad4j.graph}); code
 * that cannot be traced ({@link GraphBreakException}: reading values into Java, in-place writes
 * through aliases, random draws such as dropout's in training mode, a user-defined Function) runs
 * eagerly for that signature, with one log line saying why. Other in-place writes are recorded as
 * out-of-place ops, and those to a module's buffers (batch norm's running statistics) are written
 * into the buffers after each run. A compiled callable is for one thread at a time.
 *
 * <pre>{@code
 * TrainStep step = Compile.trainStep(model, new CrossEntropyLoss(), new Adam(model.parameters()));
 * float loss = step.step(images, labels);
 * Module fast = Compile.module(model);       // forward compiled, differentiable
 * }</pre>
 */
public final class Compile {
    private Compile() {}

    /**
     * A training step compiled as one graph: forward, loss and backward, then the optimizer's update.
     *
     * @param model the model
     * @param criterion the loss, which must give a scalar
     * @param optimizer the optimizer over the model's parameters
     * @return the step
     * @throws IllegalArgumentException if an argument is null
     */
    public static TrainStep trainStep(Module model, Loss criterion, Optimizer optimizer) {
        if (model == null || criterion == null || optimizer == null) {
            throw new IllegalArgumentException("Compile.trainStep: expects (model, criterion, optimizer), got (" + model
                    + ", " + criterion + ", " + optimizer + ")");
        }
        return new TrainStep(model, criterion, optimizer, 0, CompileCache.DEFAULT_CAPACITY);
    }

    /**
     * As {@link #trainStep(Module, Loss, Optimizer)}, with less memory for more compute: of the
     * activations the backward reads, only those ending each of {@code segments} stretches of the
     * forward are kept, and the others are computed again in the backward, a stretch at a time
     * ({@link Passes#rematerialization}). About √n segments for n forward ops hold the fewest.
     *
     * @param model the model
     * @param criterion the loss, which must give a scalar
     * @param optimizer the optimizer over the model's parameters
     * @param segments the stretches of the forward whose ends are kept, at least 1
     * @return the step
     * @throws IllegalArgumentException if an argument is null or segments is below 1
     */
    public static TrainStep trainStep(Module model, Loss criterion, Optimizer optimizer, int segments) {
        if (model == null || criterion == null || optimizer == null || segments < 1) {
            throw new IllegalArgumentException(
                    "Compile.trainStep: expects (model, criterion, optimizer, segments >= 1)," + " got (" + model + ", "
                            + criterion + ", " + optimizer + ", " + segments + ")");
        }
        return new TrainStep(model, criterion, optimizer, segments, CompileCache.DEFAULT_CAPACITY);
    }

    /**
     * A module whose forward is compiled and stays differentiable: with gradients on, it is one
     * autograd function whose backward is the compiled gradient graph. It shares the module's
     * parameters and buffers under the same names; {@code train()} and {@code eval()} apply to both.
     *
     * @param model the module
     * @return the compiled module
     * @throws IllegalArgumentException if model is null
     */
    public static Module module(Module model) {
        if (model == null) {
            throw new IllegalArgumentException("Compile.module: model is null");
        }
        return new CompiledModule(model, CompileCache.DEFAULT_CAPACITY);
    }
}
