package org.grad4j.backend.nativecpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.bytedeco.javacpp.Pointer;
import org.grad4j.backend.Backend;
import org.grad4j.graph.Compile;
import org.grad4j.graph.TrainStep;
import org.grad4j.nn.Conv2d;
import org.grad4j.nn.Flatten;
import org.grad4j.nn.Linear;
import org.grad4j.nn.MaxPool2d;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * After warm-up, a compiled training step (forward, loss, backward and Adam's update) on the native
 * backend allocates at most 1 KiB of Java heap per step on the calling thread (ThreadMXBean's
 * count) and no native memory (JavaCPP's count of the bytes it allocated: the native kernels work
 * in the Java arrays they are given).
 */
class CompiledStepAllocationTest {
    private static final int WARM_UP = 1500;
    private static final int MEASURED = 200;

    @Test
    void mlpStepAllocatesNothing() {
        assertAllocationFree(
                "mlp", new Sequential(new Flatten(), new Linear(784, 128), new ReLU(), new Linear(128, 10)), 1, 28);
    }

    @Test
    void cnnStepAllocatesNothing() {
        assertAllocationFree(
                "cnn",
                new Sequential(
                        new Conv2d(1, 8, 3, 1, 1),
                        new ReLU(),
                        new MaxPool2d(2),
                        new Flatten(),
                        new Linear(8 * 7 * 7, 10)),
                1,
                14);
    }

    private static void assertAllocationFree(String what, Module model, int channels, int size) {
        assertTrue(Backend.current() instanceof NativeBackend, "the native backend must be the default here");
        Generator gen = new Generator(3);
        Tensor x = Tensor.randn(gen, 32, channels, size, size);
        float[] labels = new float[32];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = gen.nextInt(10);
        }
        Tensor y = Tensor.of(labels, 32);
        TrainStep step = Compile.trainStep(model, new CrossEntropyLoss(), new Adam(model.parameters()));
        for (int i = 0; i < WARM_UP; i++) {
            step.step(x, y);
        }
        assertTrue(step.isCompiled(), what + ": the step must run as a graph");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long heapBefore = threads.getThreadAllocatedBytes(thread);
        long nativeBefore = Pointer.totalBytes();
        for (int i = 0; i < MEASURED; i++) {
            step.step(x, y);
        }
        long perStep = (threads.getThreadAllocatedBytes(thread) - heapBefore) / MEASURED;
        assertEquals(nativeBefore, Pointer.totalBytes(), what + ": native bytes allocated by JavaCPP");
        assertTrue(perStep <= 1024, what + ": a compiled step allocates " + perStep + " bytes of heap, at most 1024");
    }
}
