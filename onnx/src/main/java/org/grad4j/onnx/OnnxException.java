package org.grad4j.onnx;

/**
 * A model grad4j cannot read or run: malformed bytes, a graph that breaks ONNX's rules, or an
 * operator, opset or data type grad4j does not support. The message names the node (name, op
 * type, opset) or the tensor.
 */
public class OnnxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the node or tensor
     */
    public OnnxException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the node or tensor
     * @param cause the underlying failure
     */
    public OnnxException(String message, Throwable cause) {
        super(message, cause);
    }
}
