package org.grad4j.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.grad4j.graph.Graph;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;

/** Writes grad4j models as ONNX files. */
public final class Onnx {
    /** The opset of the default domain that exported models import. */
    public static final int EXPORT_OPSET = 17;

    private Onnx() {}

    /**
     * Traces the model in eval mode on an example input and writes the graph as an ONNX model
     * (opset {@value #EXPORT_OPSET}) whose one input, {@code input}, has the example's shape, and
     * whose one output is {@code output}; parameters and buffers become initializers under their
     * dotted names. The model's train/eval mode is restored afterwards. A second trace, one sample
     * larger, finds the batch dims: where the graph can be written without the batch size, they
     * are the named dim {@code N} and the file takes any batch; otherwise the example's batch size
     * is fixed in the file.
     *
     * @param model the model
     * @param exampleInput an input of the shape the exported model takes
     * @param file where to write the model
     * @throws OnnxException if the traced graph uses an op grad4j does not export, naming it
     * @throws org.grad4j.graph.GraphBreakException if the model's forward cannot be traced
     * @throws IOException if the file cannot be written
     */
    public static void export(Module model, Tensor exampleInput, Path file) throws IOException {
        Files.write(file, exportBytes(model, exampleInput));
    }

    /**
     * The trace one sample larger that shows which dims are the batch, or null for a model that
     * runs at the example's batch size only (its error is the first trace's to report).
     */
    private static Graph larger(Module model, Tensor example) {
        try {
            return Graph.trace(model, Tensor.cat(0, example, example.narrow(0, 0, 1)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * As {@link #export}, returning the serialized model.
     *
     * @param model the model
     * @param exampleInput an input of the shape the exported model takes
     * @return the ModelProto's bytes
     */
    public static byte[] exportBytes(Module model, Tensor exampleInput) {
        boolean training = model.isTraining();
        model.eval();
        try {
            Graph graph = Graph.trace(model, exampleInput);
            Graph larger = exampleInput.dim() == 0 ? null : larger(model, exampleInput);
            Map<String, Tensor> values = new HashMap<>(model.namedBuffers());
            values.putAll(model.namedParameters());
            RegionExport regions = RegionExport.of(graph, values);
            return new GraphExport(graph, values, BatchDims.of(graph, larger, regions), regions)
                    .model()
                    .toByteArray();
        } finally {
            model.train(training);
        }
    }
}
