/**
 * ONNX for grad4j: {@link org.grad4j.onnx.OnnxModel} loads a model as a module that runs and
 * fine-tunes.
 */
module org.grad4j.onnx {
    requires transitive org.grad4j;
    requires com.google.protobuf;

    exports org.grad4j.onnx;
}
