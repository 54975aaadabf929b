package org.grad4j.backend.nativecpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.Threads;
import org.grad4j.backend.UnaryOp;
import org.grad4j.jni.global.g4kernels;
import org.grad4j.tensor.Scope;
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
    void elementwiseKernelsUseTheBestInstructionSetOfTheCpu() throws IOException {
        if (System.getProperty("os.arch").equals("aarch64")) {
            assertEquals("neon", new NativeBackend().isa(), "Advanced SIMD is part of every ARMv8-A CPU");
            return;
        }
        Set<String> flags = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("flags")) {
                flags.addAll(
                        List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                break;
            }
        }
        String expected = flags.containsAll(List.of("avx512f", "avx512bw", "avx512vl"))
                ? "avx512"
                : flags.containsAll(List.of("avx2", "fma")) ? "avx2" : "scalar";
        assertEquals(expected, new NativeBackend().isa(), "CPU flags " + flags);
    }

    @Test
    void theIsaPropertyPicksTheInstructionSetAndNamesWhatTheCpuLacks() {
        String best = new NativeBackend().isa();
        try {
            System.setProperty("grad4j.isa", "scalar");
            NativeBackend backend = new NativeBackend();
            assertEquals("scalar", backend.isa());
            assertEquals(6f, Tensor.of(new float[] {1, 2, 3}, 3).sum().item(), "the scalar kernels run the ops");
            IllegalArgumentException unknown =
                    assertThrows(IllegalArgumentException.class, () -> NativeBackend.selectIsa("sse9"));
            assertTrue(unknown.getMessage().contains("'sse9'"), unknown.getMessage());
            String foreign = System.getProperty("os.arch").equals("aarch64") ? "avx2" : "neon";
            IllegalArgumentException lacking =
                    assertThrows(IllegalArgumentException.class, () -> NativeBackend.selectIsa(foreign));
            assertTrue(
                    lacking.getMessage().contains("grad4j.isa=" + foreign)
                            && lacking.getMessage().contains("run on scalar"),
                    lacking.getMessage());
        } finally {
            System.clearProperty("grad4j.isa");
            NativeBackend.selectIsa(best);
        }
        assertEquals(best, new NativeBackend().isa());
    }

    @Test
    void theNativePoolFollowsTheThreadSettingAndConstructionChangesNothing() {
        int before = Threads.get();
        NativeBackend backend = new NativeBackend();
        try {
            Threads.set(3);
            assertEquals(3, backend.threads());
            assertEquals(3, g4kernels.g4_get_num_threads());
            new NativeBackend();
            assertEquals(3, g4kernels.g4_get_num_threads(), "constructing a backend leaves the pool alone");
            Threads.set(1);
            Tensor a = Tensor.ones(64, 64);
            try (Scope ignored = Backend.use(backend)) {
                assertEquals(64f, a.matmul(a).get(0, 0));
            }
            assertEquals(1, g4kernels.g4_get_num_threads(), "the next kernel call resized the pool");
        } finally {
            Threads.set(before);
        }
    }
}
