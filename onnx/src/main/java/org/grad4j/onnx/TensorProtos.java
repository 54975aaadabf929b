package org.grad4j.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.grad4j.onnx.proto.OnnxProto.StringStringEntryProto;
import org.grad4j.onnx.proto.OnnxProto.TensorProto;
import org.grad4j.tensor.Tensor;

/**
 * ONNX tensors (initializers, constants, test data) read into values, every size checked against
 * the bytes that hold it before anything of that size is allocated.
 */
final class TensorProtos {
    private TensorProtos() {}

    /**
     * The value of a tensor; {@code folder} is where external data may be (null: none allowed).
     *
     * @throws OnnxException naming the tensor when its type, shape or data are not usable
     */
    static Value read(TensorProto t, Path folder) {
        String what = "tensor '" + t.getName() + "'";
        int[] shape = shape(t, what);
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        int code = t.getDataType();
        OnnxType type = code == TensorProto.DataType.INT32_VALUE ? OnnxType.INT64 : OnnxType.of(code);
        if (type == null) {
            throw new OnnxException(what + " has data type " + OnnxType.onnxName(code)
                    + "; grad4j reads FLOAT, INT64, INT32 and BOOL tensors");
        }
        int width = code == TensorProto.DataType.FLOAT_VALUE || code == TensorProto.DataType.INT32_VALUE
                ? 4
                : code == TensorProto.DataType.INT64_VALUE ? 8 : 1;
        ByteBuffer raw = null;
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            raw = external(t, folder, what, (long) n * width);
        } else if (t.hasRawData()) {
            ByteString bytes = t.getRawData();
            if (bytes.size() != (long) n * width) {
                throw new OnnxException(what + " of shape " + java.util.Arrays.toString(shape) + " needs "
                        + (long) n * width + " bytes of raw data, has " + bytes.size());
            }
            raw = bytes.asReadOnlyByteBuffer();
        }
        if (raw != null) {
            raw.order(ByteOrder.LITTLE_ENDIAN);
        }
        if (type == OnnxType.FLOAT) {
            float[] f = new float[check(raw == null ? t.getFloatDataCount() : n, n, what, "float_data")];
            for (int i = 0; i < n; i++) {
                f[i] = raw == null ? t.getFloatData(i) : raw.getFloat(i * 4);
            }
            return Value.of(Tensor.of(f, shape));
        }
        long[] v;
        if (code == TensorProto.DataType.INT64_VALUE) {
            v = new long[check(raw == null ? t.getInt64DataCount() : n, n, what, "int64_data")];
            for (int i = 0; i < n; i++) {
                v[i] = raw == null ? t.getInt64Data(i) : raw.getLong(i * 8);
            }
        } else {
            // INT32 and BOOL: int32_data holds both
            v = new long[check(raw == null ? t.getInt32DataCount() : n, n, what, "int32_data")];
            for (int i = 0; i < n; i++) {
                v[i] = raw == null ? t.getInt32Data(i) : width == 4 ? raw.getInt(i * 4) : raw.get(i);
                if (type == OnnxType.BOOL) {
                    v[i] = v[i] != 0 ? 1 : 0;
                }
            }
        }
        return Value.exact(type, v, shape);
    }

    private static int[] shape(TensorProto t, String what) {
        int[] shape = new int[t.getDimsCount()];
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            long d = t.getDims(i);
            if (d < 0 || d > Integer.MAX_VALUE || (n *= Math.max(d, 1)) > Integer.MAX_VALUE - 8) {
                throw new OnnxException(what + " has dims " + t.getDimsList()
                        + ": more elements than grad4j holds in one tensor (2^31 - 9)");
            }
            shape[i] = (int) d;
        }
        return shape;
    }

    private static int check(int have, int need, String what, String field) {
        if (have != need) {
            throw new OnnxException(what + " needs " + need + " values, its " + field + " has " + have);
        }
        return need;
    }

    /**
     * External data: a file inside the model's folder (no {@code ..}, no absolute path, no symbolic
     * link out of it), memory-mapped.
     */
    private static ByteBuffer external(TensorProto t, Path folder, String what, long bytes) {
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = number(e.getValue(), what, "offset");
                case "length" -> length = number(e.getValue(), what, "length");
                default -> {}
            }
        }
        if (location == null || location.isEmpty()) {
            throw new OnnxException(what + " has external data without a location");
        }
        if (folder == null) {
            throw new OnnxException(what + " has external data ('" + location
                    + "'), which a model read from bytes cannot resolve: load it from its file");
        }
        Path file;
        try {
            Path relative = Path.of(location);
            Path base = folder.toRealPath();
            if (relative.isAbsolute()) {
                throw new OnnxException(what + ": external data location '" + location + "' is absolute");
            }
            file = base.resolve(relative).normalize();
            if (!file.startsWith(base) || !file.toRealPath().startsWith(base)) {
                throw new OnnxException(
                        what + ": external data location '" + location + "' is outside the model's folder");
            }
            file = file.toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new OnnxException(what + ": cannot open external data '" + location + "': " + e.getMessage(), e);
        }
        if (length >= 0 && length != bytes) {
            throw new OnnxException(what + ": external data length " + length + ", the shape needs " + bytes);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (offset < 0 || offset > size || size - offset < bytes) {
                throw new OnnxException(what + ": external data '" + location + "' has " + size + " bytes, too few for "
                        + bytes + " at offset " + offset);
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, offset, bytes);
            return map;
        } catch (IOException e) {
            throw new OnnxException(what + ": cannot read external data '" + location + "': " + e.getMessage(), e);
        }
    }

    private static long number(String s, String what, String key) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new OnnxException(what + ": external data " + key + " '" + s + "' is not a number");
        }
    }
}
