package org.grad4j.internal.backend.java;

/** The Java backend's {@link org.grad4j.backend.Backend#lookupRows}. */
final class LookupRows {
    private static final int CACHE_LINE = 64;

    /** What {@link #touch} read, kept so that the compiler does not drop its loads. */
    private static int touched;

    private LookupRows() {}

    static void run(byte[] src, int length, int[] rows, float[] table, float[] out, int outOffset) {
        if (length == 0) {
            return;
        }
        touch(src, length, rows);
        for (int k = 0; k < rows.length; k++) {
            int from = rows[k] * length;
            int to = outOffset + k * length;
            for (int j = 0; j < length; j++) {
                out[to + j] = table[src[from + j] & 0xff];
            }
        }
    }

    /**
     * Reads one byte of each cache line of every row. Shuffled rows lie far apart; these loads do
     * not wait for each other, so the memory serves many lines at once, where converting row after
     * row would wait for each line in turn.
     */
    private static void touch(byte[] src, int length, int[] rows) {
        int sum = 0;
        for (int row : rows) {
            int from = row * length;
            for (int j = 0; j < length; j += CACHE_LINE) {
                sum += src[from + j];
            }
            sum += src[from + length - 1];
        }
        touched = sum;
    }
}
