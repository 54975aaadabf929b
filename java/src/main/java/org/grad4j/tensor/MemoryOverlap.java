package org.grad4j.tensor;

import java.util.Arrays;
import org.grad4j.internal.tensor.Shapes;

/**
 * The writes PyTorch refuses because their result would depend on the order of the element
 * updates: a written tensor whose elements share memory (an expanded view), and an operand that
 * covers part, but not all, of the memory being written.
 */
final class MemoryOverlap {
    private MemoryOverlap() {}

    /** Refuses a write to a view in which one memory location stands for several elements. */
    static void checkNoInternalOverlap(String op, TensorBase target) {
        int[] shape = target.shape;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] > 1 && target.strides[d] == 0) {
                throw new IllegalArgumentException(op + ": more than one element of the written-to tensor (shape "
                        + Shapes.str(shape) + ", strides " + Arrays.toString(target.strides)
                        + ") refers to a single memory location; clone() it before writing");
            }
        }
    }

    /**
     * Refuses a write whose operand lies partly on the memory being written. The same memory in the
     * same layout (as in {@code x.add_(x)}) is not a partial overlap; as PyTorch, only layouts that
     * cover a dense range are compared.
     */
    static void checkNoPartialOverlap(String op, TensorBase target, TensorBase operand) {
        if (target.storage != operand.storage || target.numel() == 0 || operand.numel() == 0) {
            return;
        }
        if (!dense(target) || !dense(operand)) {
            return;
        }
        long targetEnd = (long) target.offset + target.numel();
        long operandEnd = (long) operand.offset + operand.numel();
        boolean sameRange = target.offset == operand.offset && targetEnd == operandEnd;
        if (sameRange && Arrays.equals(target.strides, operand.strides)) {
            return;
        }
        if (target.offset < operandEnd && operand.offset < targetEnd) {
            throw new IllegalArgumentException(op + ": some elements of the operand (shape " + Shapes.str(operand.shape)
                    + " at storage offset " + operand.offset + ") and of the written-to tensor (shape "
                    + Shapes.str(target.shape) + " at offset " + target.offset
                    + ") refer to the same memory location; clone() the operand before writing");
        }
    }

    /** Whether the elements cover {@code numel} consecutive locations, in some order of the dims. */
    private static boolean dense(TensorBase t) {
        int rank = t.shape.length;
        Integer[] order = new Integer[rank];
        for (int d = 0; d < rank; d++) {
            order[d] = d;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(t.strides[a], t.strides[b]));
        long expected = 1;
        for (int d : order) {
            if (t.shape[d] == 1) {
                continue;
            }
            if (t.strides[d] != expected) {
                return false;
            }
            expected *= t.shape[d];
        }
        return true;
    }
}
