package org.grad4j.onnx;

import java.util.List;
import org.grad4j.onnx.proto.OnnxProto.AttributeProto;
import org.grad4j.onnx.proto.OnnxProto.NodeProto;
import org.grad4j.onnx.proto.OnnxProto.TensorProto;

/** A node of the model with the opset it runs under: its attributes, and errors that name it. */
final class OnnxNode {
    private final NodeProto proto;
    private final int opset;

    OnnxNode(NodeProto proto, int opset) {
        this.proto = proto;
        this.opset = opset;
    }

    String opType() {
        return proto.getOpType();
    }

    int opset() {
        return opset;
    }

    List<String> inputs() {
        return proto.getInputList();
    }

    List<String> outputs() {
        return proto.getOutputList();
    }

    /** Whether input i is given (ONNX leaves optional inputs out, or names them ""). */
    boolean hasInput(int i) {
        return i < proto.getInputCount() && !proto.getInput(i).isEmpty();
    }

    boolean has(String name) {
        return attribute(name) != null;
    }

    long i(String name, long otherwise) {
        AttributeProto a = attribute(name);
        return a == null
                ? otherwise
                : expect(a, AttributeProto.AttributeType.INT).getI();
    }

    int intAttr(String name, int otherwise) {
        long v = i(name, otherwise);
        if (v != (int) v) {
            throw error("attribute " + name + " = " + v + " is out of range");
        }
        return (int) v;
    }

    float f(String name, float otherwise) {
        AttributeProto a = attribute(name);
        return a == null
                ? otherwise
                : expect(a, AttributeProto.AttributeType.FLOAT).getF();
    }

    String s(String name, String otherwise) {
        AttributeProto a = attribute(name);
        return a == null
                ? otherwise
                : expect(a, AttributeProto.AttributeType.STRING).getS().toStringUtf8();
    }

    /** The ints of an INTS attribute, or null when absent. */
    long[] ints(String name) {
        AttributeProto a = attribute(name);
        if (a == null) {
            return null;
        }
        List<Long> l = expect(a, AttributeProto.AttributeType.INTS).getIntsList();
        long[] out = new long[l.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = l.get(k);
        }
        return out;
    }

    /** The floats of a FLOATS attribute, or null when absent. */
    float[] floats(String name) {
        AttributeProto a = attribute(name);
        if (a == null) {
            return null;
        }
        List<Float> l = expect(a, AttributeProto.AttributeType.FLOATS).getFloatsList();
        float[] out = new float[l.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = l.get(k);
        }
        return out;
    }

    TensorProto t(String name) {
        AttributeProto a = attribute(name);
        return a == null ? null : expect(a, AttributeProto.AttributeType.TENSOR).getT();
    }

    AttributeProto attribute(String name) {
        for (AttributeProto a : proto.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private AttributeProto expect(AttributeProto a, AttributeProto.AttributeType type) {
        // IR version 1 files may leave the type out; the field in use then tells
        if (a.hasType() && a.getType() != type) {
            throw error("attribute " + a.getName() + " is " + a.getType() + ", expected " + type);
        }
        return a;
    }

    /** An exception naming this node: its name, op type and opset. */
    OnnxException error(String message) {
        return new OnnxException(this + ": " + message);
    }

    @Override
    public String toString() {
        String output = proto.getOutputList().stream()
                .filter(o -> !o.isEmpty())
                .findFirst()
                .orElse(null);
        String name = !proto.getName().isEmpty()
                ? "'" + proto.getName() + "'"
                : output != null ? "producing '" + output + "'" : "unnamed";
        return "node " + name + " (" + proto.getOpType() + ", opset " + opset + ")";
    }
}
