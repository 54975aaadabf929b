package org.grad4j.onnx;

/**
 * The ONNX element types grad4j reads. Real-valued data is {@link #FLOAT}; {@link #INT64} holds
 * shapes and indices and {@link #BOOL} conditions. At the API both are float32 tensors holding the
 * integer or 0/1 values, exact below 2^24.
 */
public enum OnnxType {
    /** 32-bit float, ONNX's {@code FLOAT} (1). */
    FLOAT(1),
    /** 64-bit signed integer, ONNX's {@code INT64} (7). */
    INT64(7),
    /** Boolean, ONNX's {@code BOOL} (9). */
    BOOL(9);

    private static final String[] ONNX_NAMES = {
        "UNDEFINED",
        "FLOAT",
        "UINT8",
        "INT8",
        "UINT16",
        "INT16",
        "INT32",
        "INT64",
        "STRING",
        "BOOL",
        "FLOAT16",
        "DOUBLE",
        "UINT32",
        "UINT64",
        "COMPLEX64",
        "COMPLEX128",
        "BFLOAT16"
    };

    private final int code;

    OnnxType(int code) {
        this.code = code;
    }

    /**
     * ONNX's {@code TensorProto.DataType} number.
     *
     * @return the number
     */
    public int code() {
        return code;
    }

    /** The type of an ONNX data type number, or null when grad4j does not read it. */
    static OnnxType of(int code) {
        for (OnnxType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** ONNX's name of a data type number, for messages. */
    static String onnxName(int code) {
        return code >= 0 && code < ONNX_NAMES.length ? ONNX_NAMES[code] : "data type " + code;
    }
}
