package org.grad4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.grad4j.onnx.proto.OnnxProto.GraphProto;
import org.grad4j.onnx.proto.OnnxProto.ModelProto;
import org.grad4j.onnx.proto.OnnxProto.StringStringEntryProto;
import org.grad4j.onnx.proto.OnnxProto.TensorProto;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are broken or hostile: each is an OnnxException naming what is wrong, before any large allocation. */
class HostileFilesTest {
    private static final float[] W = {1, 2, 3, 4, 5, 6};

    private static byte[] valid() {
        return Models.mlp(W, new float[2], W, new float[3], 3, 2, 3).toByteArray();
    }

    private static void refused(byte[] bytes, String... mentions) {
        OnnxException e = assertThrows(OnnxException.class, () -> OnnxModel.load(bytes));
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "message names " + m + ": " + e.getMessage());
        }
    }

    private static GraphProto.Builder identity() {
        return GraphProto.newBuilder()
                .addInput(Models.floats("x", 3))
                .addOutput(Models.floats("y", 3))
                .addNode(Models.node("Identity", new String[] {"x"}, "y"));
    }

    @Test
    void garbageAndTruncatedBytes() {
        refused(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x12, 0x34}, "not a readable ONNX model");
        byte[] v = valid();
        refused(Arrays.copyOf(v, v.length / 2), "not a readable ONNX model");
        refused(new byte[0], "no graph");
    }

    @Test
    void wrongWireType() {
        // field 7 (graph) written as a varint instead of a length-delimited message
        refused(new byte[] {0x38, 0x01}, "not a readable ONNX model", "graph (7)", "wrong wire type");
        // inside the graph: a node's op_type (4) as a varint
        ModelProto m = Models.model(
                13,
                identity()
                        .addNode(org.grad4j.onnx.proto.OnnxProto.NodeProto.newBuilder()
                                .setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder()
                                        .addField(
                                                4,
                                                com.google.protobuf.UnknownFieldSet.Field.newBuilder()
                                                        .addVarint(1)
                                                        .build())
                                        .build())
                                .build()));
        refused(m.toByteArray(), "op_type (4)", "NodeProto");
    }

    @Test
    void dimsThatClaimTerabytes() {
        TensorProto huge = TensorProto.newBuilder()
                .setName("huge")
                .setDataType(1)
                .addDims(1L << 20)
                .addDims(1L << 20)
                .addDims(1L << 10)
                .build();
        refused(Models.model(13, identity().addInitializer(huge)).toByteArray(), "'huge'", "more elements");
    }

    @Test
    void initializerDataOfTheWrongLength() {
        TensorProto t = Models.tensor("w", new float[] {1, 2}, 3);
        refused(Models.model(13, identity().addInitializer(t)).toByteArray(), "'w'", "12 bytes", "has 8");
        TensorProto f = TensorProto.newBuilder()
                .setName("v")
                .setDataType(1)
                .addDims(4)
                .addFloatData(1f)
                .build();
        refused(Models.model(13, identity().addInitializer(f)).toByteArray(), "'v'", "needs 4 values");
    }

    @Test
    void undefinedValuesCyclesUnsupportedOpsAndOpsets() {
        refused(
                Models.model(13, identity().addNode(Models.node("Relu", new String[] {"nope"}, "z")))
                        .toByteArray(),
                "Relu",
                "'nope'");
        GraphProto.Builder cycle = GraphProto.newBuilder()
                .addInput(Models.floats("x", 3))
                .addOutput(Models.floats("b", 3))
                .addNode(Models.node("Add", new String[] {"x", "b"}, "a"))
                .addNode(Models.node("Relu", new String[] {"a"}, "b"));
        refused(Models.model(13, cycle).toByteArray(), "Add", "'b'", "cycle");
        refused(
                Models.model(13, identity().addNode(Models.node("FooBar", new String[] {"x"}, "z")))
                        .toByteArray(),
                "FooBar",
                "opset 13",
                "not supported");
        refused(Models.model(18, identity()).toByteArray(), "opset 18");
    }

    private static ModelProto external(String location) {
        TensorProto t = TensorProto.newBuilder()
                .setName("w")
                .setDataType(1)
                .addDims(3)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(
                        StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(
                        StringStringEntryProto.newBuilder().setKey("offset").setValue("4"))
                .build();
        GraphProto.Builder g = GraphProto.newBuilder()
                .addInput(Models.floats("x", 3))
                .addOutput(Models.floats("y", 3))
                .addInitializer(t)
                .addNode(Models.node("Mul", new String[] {"x", "w"}, "y"));
        return Models.model(13, g);
    }

    private static OnnxException refusedFile(Path file, String... mentions) {
        OnnxException e = assertThrows(OnnxException.class, () -> OnnxModel.load(file));
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "message names " + m + ": " + e.getMessage());
        }
        return e;
    }

    @Test
    void externalDataInsideTheFolderIsReadAndOutsideRefused(@TempDir Path dir) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        data.putFloat(9f).putFloat(1f).putFloat(2f).putFloat(3f);
        Path model = dir.resolve("model");
        Files.createDirectories(model);
        Files.write(model.resolve("weights.bin"), data.array());
        Files.write(dir.resolve("secret.bin"), data.array());
        Files.write(model.resolve("inside.onnx"), external("weights.bin").toByteArray());
        OnnxModel m = OnnxModel.load(model.resolve("inside.onnx"));
        Tensor y = m.run(Map.of("x", Tensor.of(new float[] {1, 1, 1}, 3))).get("y");
        assertArrayEquals(new float[] {1, 2, 3}, y.toArray());

        Files.write(model.resolve("up.onnx"), external("../secret.bin").toByteArray());
        refusedFile(model.resolve("up.onnx"), "'w'", "outside the model's folder");
        Files.write(
                model.resolve("absolute.onnx"),
                external(dir.resolve("secret.bin").toString()).toByteArray());
        refusedFile(model.resolve("absolute.onnx"), "'w'", "absolute");
        Files.createSymbolicLink(model.resolve("link.bin"), dir.resolve("secret.bin"));
        Files.write(model.resolve("link.onnx"), external("link.bin").toByteArray());
        refusedFile(model.resolve("link.onnx"), "'w'", "outside the model's folder");
        Files.write(model.resolve("short.bin"), new byte[8]);
        Files.write(model.resolve("short.onnx"), external("short.bin").toByteArray());
        refusedFile(model.resolve("short.onnx"), "'w'", "too few");
        refused(external("weights.bin").toByteArray(), "'w'", "from its file");
    }

    @Test
    void rawDataIsCheckedAgainstTheShape() {
        TensorProto t = TensorProto.newBuilder()
                .setName("ints")
                .setDataType(7)
                .addDims(2)
                .setRawData(ByteString.copyFrom(new byte[12]))
                .build();
        refused(Models.model(13, identity().addInitializer(t)).toByteArray(), "'ints'", "16 bytes");
    }
}
