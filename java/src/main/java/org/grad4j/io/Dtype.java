package org.grad4j.io;

import java.nio.ByteBuffer;

/** The element types grad4j reads from safetensors files, all converted to float32. */
enum Dtype {
    F32(4),
    F64(8),
    F16(2),
    BF16(2);

    final int size;

    Dtype(int size) {
        this.size = size;
    }

    static Dtype of(String name) {
        for (Dtype d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Reads {@code count} little-endian elements starting at the buffer's position. */
    void read(ByteBuffer in, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (this) {
                case F32 -> in.getFloat();
                case F64 -> (float) in.getDouble();
                case F16 -> halfToFloat(in.getShort());
                case BF16 -> Float.intBitsToFloat((in.getShort() & 0xffff) << 16);
            };
        }
    }

    /** IEEE 754 binary16 to float, exactly (every half is a float), subnormals, infinities and NaN included. */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
