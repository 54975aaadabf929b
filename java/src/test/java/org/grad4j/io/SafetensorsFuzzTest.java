package org.grad4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes given to the safetensors and checkpoint readers give a valid result or their documented
 * exceptions (IOException, IllegalArgumentException), never another, within a time and an allocation
 * bounded by the file's size. Read from the heap and memory-mapped, a file gives the same outcome.
 *
 * <p>Without JAZZER_FUZZ these run the inputs in {@code SafetensorsFuzzTestInputs/<method>/} as
 * plain tests; CONTRIBUTING.md gives the command that fuzzes.
 */
class SafetensorsFuzzTest {
    /** Reading, parsing and converting may allocate this much per byte of file, plus a constant. */
    private static final long BYTES_PER_BYTE = 64;

    private static final long CONSTANT = 1 << 20;

    @TempDir
    static Path dir;

    /** What one load gave: its contents, or the message of the documented exception it threw. */
    private record Outcome(Safetensors.Contents contents, String failure) {}

    private static Outcome load(Path f, long mmapThreshold) {
        long saved = Safetensors.mmapThreshold;
        Safetensors.mmapThreshold = mmapThreshold;
        try {
            return new Outcome(Safetensors.load(f), null);
        } catch (IOException e) {
            return new Outcome(null, e.getMessage());
        } finally {
            Safetensors.mmapThreshold = saved;
        }
    }

    /**
     * Loads {@code f}, checking what this thread allocated. A first run of a code path also loads and
     * initialises classes, so an allocation over the bound is measured again before it fails.
     */
    private static Outcome loadWithinBound(Path f, long mmapThreshold, long fileBytes) {
        long bound = CONSTANT + BYTES_PER_BYTE * fileBytes;
        long allocated = Long.MAX_VALUE;
        Outcome outcome = null;
        for (int run = 0; run < 2 && allocated > bound; run++) {
            long before = ThreadAllocation.bytes();
            outcome = load(f, mmapThreshold);
            allocated = ThreadAllocation.bytes() - before;
        }
        assertTrue(allocated <= bound, allocated + " bytes allocated to load a file of " + fileBytes);
        return outcome;
    }

    private static void assertSameContents(Safetensors.Contents heap, Safetensors.Contents mapped) {
        assertEquals(heap.metadata(), mapped.metadata());
        assertEquals(heap.tensors().keySet(), mapped.tensors().keySet());
        for (Map.Entry<String, Tensor> e : heap.tensors().entrySet()) {
            Tensor m = mapped.tensors().get(e.getKey());
            assertArrayEquals(e.getValue().shape(), m.shape());
            float[] a = e.getValue().toArray();
            float[] b = m.toArray();
            assertEquals(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]), e.getKey() + "[" + i + "]");
            }
        }
    }

    @FuzzTest
    @Timeout(10)
    void load(byte[] file) throws IOException {
        Path f = FuzzFiles.overwrite(dir.resolve("fuzz.safetensors"), file);
        Outcome heap = loadWithinBound(f, Long.MAX_VALUE, file.length);
        Outcome mapped = loadWithinBound(f, 0, file.length);
        assertEquals(heap.failure(), mapped.failure());
        if (heap.contents() != null) {
            assertSameContents(heap.contents(), mapped.contents());
        }
    }

    /** A checkpoint's sections go into a model and an optimizer, which refuse what does not fit them. */
    @FuzzTest
    @Timeout(10)
    void loadCheckpoint(byte[] file) throws IOException {
        Path f = FuzzFiles.overwrite(dir.resolve("fuzz-checkpoint.safetensors"), file);
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.load(f);
        } catch (IOException expected) {
            return;
        }
        Module model = new Linear(3, 2, true, new Generator(0));
        Optimizer optimizer = new Adam(model.parameters());
        try {
            checkpoint.loadModel("model", model);
        } catch (IllegalArgumentException expected) {
            // a section that does not fit the model
        }
        try {
            checkpoint.loadOptimizer("optimizer", optimizer);
        } catch (IllegalArgumentException expected) {
            // a section that does not fit the optimizer
        }
    }
}
