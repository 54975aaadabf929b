package org.grad4j.backend.nativecpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.UnaryOp;
import org.grad4j.jni.global.g4kernels;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NativeBackendTest {
    @Test
    void serviceLoaderPicksTheNativeBackendWhenItLoads() {
        assertNull(new NativeBackendProvider().unavailableReason());
        assertEquals("native", Backend.current().name());
        Tensor c =
                Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).matmul(Tensor.eye(2).mul(2f));
        assertArrayEquals(new float[] {2, 4, 6, 8}, c.toArray());
    }

    @Test
    void javaEnumsMatchTheNativeEnums() throws ReflectiveOperationException {
        for (UnaryOp op : UnaryOp.values()) {
            assertEquals(op.ordinal(), constant("G4_UNARY_" + op.name()), op.name());
        }
        for (BinaryOp op : BinaryOp.values()) {
            assertEquals(op.ordinal(), constant("G4_BINARY_" + op.name()), op.name());
        }
        for (ReduceOp op : ReduceOp.values()) {
            assertEquals(op.ordinal(), constant("G4_REDUCE_" + op.name()), op.name());
        }
        assertEquals(UnaryOp.values().length, constant("G4_UNARY_COUNT"));
        assertEquals(BinaryOp.values().length, constant("G4_BINARY_COUNT"));
        assertEquals(ReduceOp.values().length, constant("G4_REDUCE_COUNT"));
    }

    private static int constant(String name) throws ReflectiveOperationException {
        Field f = g4kernels.class.getField(name);
        return f.getInt(null);
    }

    @Test
    void elementwiseKernelsUseTheBestInstructionSetOfTheCpu() {
        String isa = new NativeBackend(1).isa();
        assertTrue(isa.equals("scalar") || isa.equals("avx2") || isa.equals("avx512"), isa);
    }

    @Test
    void threadSettingReachesOpenBlas() {
        new NativeBackend(1);
        assertEquals(1, g4kernels.g4_get_num_threads());
        new NativeBackend(2);
        assertEquals(2, g4kernels.g4_get_num_threads());
    }
}
