/**
 * grad4j: float32 tensors with reverse-mode automatic differentiation, neural-network layers,
 * losses, optimizers, data loading and checkpoints, on a pure-Java backend or on the native one
 * that {@code org.grad4j.nativecpu} provides.
 *
 * <p>Ops, tensor storage and the Java backend's kernels live in {@code org.grad4j.internal.*},
 * which this module exports to no one. {@code org.grad4j.backend} is the service-provider
 * interface that backends implement.
 */
module org.grad4j {
    requires static jdk.incubator.vector;
    requires java.net.http;

    exports org.grad4j.tensor;
    exports org.grad4j.autograd;
    exports org.grad4j.graph;
    exports org.grad4j.backend;
    exports org.grad4j.nn;
    exports org.grad4j.nn.loss;
    exports org.grad4j.optim;
    exports org.grad4j.optim.lr;
    exports org.grad4j.io;
    exports org.grad4j.data;
    exports org.grad4j.metrics;

    uses org.grad4j.backend.BackendProvider;
}
