package org.grad4j.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.grad4j.onnx.proto.OnnxProto.AttributeProto;
import org.grad4j.onnx.proto.OnnxProto.GraphProto;
import org.grad4j.onnx.proto.OnnxProto.ModelProto;
import org.grad4j.onnx.proto.OnnxProto.NodeProto;
import org.grad4j.onnx.proto.OnnxProto.OperatorSetIdProto;
import org.grad4j.onnx.proto.OnnxProto.TensorProto;
import org.grad4j.onnx.proto.OnnxProto.TensorShapeProto;
import org.grad4j.onnx.proto.OnnxProto.TypeProto;
import org.grad4j.onnx.proto.OnnxProto.ValueInfoProto;

/** Small ONNX models written out with the proto builders, for tests. */
final class Models {
    private Models() {}

    static ModelProto model(int opset, GraphProto.Builder graph) {
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph)
                .build();
    }

    static ValueInfoProto floats(String name, long... shape) {
        return typed(name, 1, shape);
    }

    /** A value of ONNX element type {@code elemType} (1 float, 7 int64, 9 bool); -1 dims are named N. */
    static ValueInfoProto typed(String name, int elemType, long... shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : shape) {
            s.addDim(
                    d < 0
                            ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                            : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(elemType)
                                .setShape(s)))
                .build();
    }

    static NodeProto node(String op, String[] inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).addOutput(output);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        return n.build();
    }

    static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    /** A float tensor with its data as raw little-endian bytes. */
    static TensorProto tensor(String name, float[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(1);
        for (long d : dims) {
            t.addDims(d);
        }
        return t.setRawData(ByteString.copyFrom(b.array())).build();
    }

    /** y = relu(x · W1ᵀ + b1) · W2ᵀ + b2, as PyTorch exports two Linear layers (Gemm, transB = 1). */
    static ModelProto mlp(float[] w1, float[] b1, float[] w2, float[] b2, int in, int hidden, int out) {
        GraphProto.Builder g = GraphProto.newBuilder()
                .setName("mlp")
                .addInput(floats("x", -1, in))
                .addOutput(floats("y", -1, out))
                .addInitializer(tensor("fc1.weight", w1, hidden, in))
                .addInitializer(tensor("fc1.bias", b1, hidden))
                .addInitializer(tensor("fc2.weight", w2, out, hidden))
                .addInitializer(tensor("fc2.bias", b2, out))
                .addNode(node("Gemm", new String[] {"x", "fc1.weight", "fc1.bias"}, "h", intAttr("transB", 1)))
                .addNode(node("Relu", new String[] {"h"}, "r"))
                .addNode(node("Gemm", new String[] {"r", "fc2.weight", "fc2.bias"}, "y", intAttr("transB", 1)));
        return model(13, g);
    }

    /** An int64 scalar initializer. */
    static TensorProto int64(String name, long value) {
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(7)
                .addInt64Data(value)
                .build();
    }

    /** A 1-d int64 initializer. */
    static TensorProto int64s(String name, long... values) {
        TensorProto.Builder t =
                TensorProto.newBuilder().setName(name).setDataType(7).addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        return t.build();
    }
}
