package org.grad4j.backend.nativecpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * Every element-wise, reduction, indexing and GEMM kernel, native against Java, on {@value #CASES}
 * random cases each: random ranks and sizes (1 and primes favoured), permuted and broadcast strides,
 * offsets, and the transposes and leading dimensions GEMM takes.
 */
class KernelParityTest {
    static final int CASES = 1000;
    private final Backend java = Parity.javaBackend();
    private final Backend nat = new NativeBackend();

    @Test
    void gemm() {
        Cases c = new Cases(1);
        for (int i = 0; i < CASES; i++) {
            int m = c.size(40);
            int n = c.size(40);
            int k = i % 100 == 0 ? 300 + c.random.nextInt(300) : c.size(40) - (c.random.nextInt(20) == 0 ? 1 : 0);
            boolean ta = c.random.nextBoolean();
            boolean tb = c.random.nextBoolean();
            int lda = (ta ? m : k) + c.random.nextInt(3);
            int ldb = (tb ? k : n) + c.random.nextInt(3);
            int ldc = n + c.random.nextInt(3);
            int off = c.random.nextInt(4);
            float[] a = c.values(off + (ta ? k : m) * Math.max(lda, 1));
            float[] b = c.values(off + (tb ? n : k) * Math.max(ldb, 1));
            float[] cInit = c.values(off + m * ldc);
            float alpha = c.random.nextBoolean() ? 1f : (float) c.random.nextDouble();
            float beta = new float[] {0f, 1f, 0.5f}[c.random.nextInt(3)];
            float[] expected = cInit.clone();
            float[] actual = cInit.clone();
            java.gemm(
                    ta,
                    tb,
                    m,
                    n,
                    k,
                    alpha,
                    a,
                    off,
                    Math.max(lda, 1),
                    b,
                    off,
                    Math.max(ldb, 1),
                    beta,
                    expected,
                    off,
                    ldc);
            nat.gemm(
                    ta, tb, m, n, k, alpha, a, off, Math.max(lda, 1), b, off, Math.max(ldb, 1), beta, actual, off, ldc);
            Parity.same(
                    "gemm case " + i + " m=" + m + " n=" + n + " k=" + k + " ta=" + ta + " tb=" + tb,
                    expected,
                    actual,
                    1e-4,
                    1e-4 * Math.sqrt(k + 1));
        }
    }

    @Test
    void unary() {
        Cases c = new Cases(2);
        UnaryOp[] ops = UnaryOp.values();
        for (int i = 0; i < CASES; i++) {
            UnaryOp op = ops[i % ops.length];
            int n = c.size(300);
            int off = c.random.nextInt(3);
            float[] x = c.values(off + n);
            if (op == UnaryOp.LOG || op == UnaryOp.SQRT || op == UnaryOp.POW) {
                for (int j = 0; j < x.length; j++) {
                    x[j] = Math.abs(x[j]) + 0.01f;
                }
            }
            float alpha = op == UnaryOp.CLAMP || op == UnaryOp.CLAMP_GRAD ? -0.5f : 0.7f;
            float[] expected = new float[n + 1];
            float[] actual = new float[n + 1];
            java.unary(op, alpha, 0.5f, x, off, expected, 1, n);
            nat.unary(op, alpha, 0.5f, x, off, actual, 1, n);
            Parity.same("unary " + op + " n=" + n, expected, actual, 1e-5, 1e-6);
        }
    }

    @Test
    void binaryWhereAndCopy() {
        Cases c = new Cases(3);
        BinaryOp[] ops = BinaryOp.values();
        for (int i = 0; i < CASES; i++) {
            int[] shape = c.shape(1 + c.random.nextInt(4), 9);
            int n = Cases.numel(shape);
            int[] as = c.broadcastStrides(shape);
            int[] bs = c.broadcastStrides(shape);
            int[] cs = c.broadcastStrides(shape);
            float[] a = c.values(2 + Cases.extent(shape, as));
            float[] b = c.values(1 + Cases.extent(shape, bs));
            float[] cond = c.values(Cases.extent(shape, cs));
            for (int j = 0; j < cond.length; j++) {
                cond[j] = cond[j] > 0 ? 1f : 0f;
            }
            BinaryOp op = ops[i % ops.length];
            if (op == BinaryOp.POW) {
                for (int j = 0; j < a.length; j++) {
                    a[j] = Math.abs(a[j]) + 0.1f;
                }
            }
            String what = " shape " + Arrays.toString(shape) + " strides " + Arrays.toString(as) + " / "
                    + Arrays.toString(bs);
            float[] expected = new float[n];
            float[] actual = new float[n];
            java.binary(op, shape, a, 2, as, b, 1, bs, expected, 0);
            nat.binary(op, shape, a, 2, as, b, 1, bs, actual, 0);
            Parity.same("binary " + op + what, expected, actual);
            java.where(shape, cond, 0, cs, a, 2, as, b, 1, bs, expected, 0);
            nat.where(shape, cond, 0, cs, a, 2, as, b, 1, bs, actual, 0);
            Parity.same("where" + what, expected, actual);
            int[] ds = c.strides(shape);
            float[] dstJava = new float[3 + Cases.extent(shape, ds)];
            float[] dstNative = dstJava.clone();
            java.copy(shape, a, 2, as, dstJava, 3, ds);
            nat.copy(shape, a, 2, as, dstNative, 3, ds);
            Parity.same("copy" + what + " to " + Arrays.toString(ds), dstJava, dstNative, 0, 0);
        }
    }

    @Test
    void reductions() {
        Cases c = new Cases(4);
        ReduceOp[] ops = ReduceOp.values();
        for (int i = 0; i < CASES; i++) {
            int outer = c.size(9);
            int size = i % 50 == 0 ? 1000 + c.random.nextInt(100) : c.size(30);
            int inner = c.size(9);
            float[] x = c.values(1 + outer * size * inner);
            if (i % 7 == 0) {
                x[1] = x[2];
            }
            ReduceOp op = ops[i % ops.length];
            float[] expected = new float[outer * inner];
            float[] actual = new float[outer * inner];
            java.reduce(op, x, 1, outer, size, inner, expected, 0);
            nat.reduce(op, x, 1, outer, size, inner, actual, 0);
            Parity.same(
                    "reduce " + op + " [" + outer + ", " + size + ", " + inner + "]",
                    expected,
                    actual,
                    1e-5,
                    1e-5 * Math.sqrt(size));
        }
    }

    @Test
    void gatherAndScatterAdd() {
        Cases c = new Cases(5);
        for (int i = 0; i < CASES; i++) {
            int outer = c.size(7);
            int size = c.size(11);
            int inner = c.size(7);
            int count = c.size(9);
            boolean perRow = c.random.nextBoolean();
            int[] index = new int[perRow ? outer * count * inner : count];
            for (int j = 0; j < index.length; j++) {
                index[j] = c.random.nextInt(size);
            }
            float[] x = c.values(2 + outer * size * inner);
            float[] expected = new float[outer * count * inner];
            float[] actual = new float[expected.length];
            java.gather(x, 2, outer, size, inner, index, count, perRow, expected);
            nat.gather(x, 2, outer, size, inner, index, count, perRow, actual);
            Parity.same("gather case " + i, expected, actual, 0, 0);
            float[] dstJava = c.values(outer * size * inner);
            float[] dstNative = dstJava.clone();
            java.scatterAdd(expected, 0, outer, size, inner, index, count, perRow, dstJava);
            nat.scatterAdd(expected, 0, outer, size, inner, index, count, perRow, dstNative);
            Parity.same("scatterAdd case " + i, dstJava, dstNative);
        }
    }

    @Test
    void lookupRowsIsExact() {
        Cases c = new Cases(6);
        float[] table = c.values(256);
        for (int i = 0; i < CASES; i++) {
            int length = c.size(40);
            int srcRows = 1 + c.size(9);
            byte[] src = new byte[srcRows * length];
            c.random.nextBytes(src);
            int[] rows = new int[1 + c.size(6)];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = c.random.nextInt(srcRows);
            }
            int offset = c.size(17);
            float[] expected = c.values(offset + rows.length * length + 1);
            float[] actual = expected.clone();
            java.lookupRows(src, length, rows, table, expected, offset);
            nat.lookupRows(src, length, rows, table, actual, offset);
            Parity.same("lookupRows case " + i, expected, actual, 0, 0);
        }
        // empty samples: nothing to read, whatever the rows say
        nat.lookupRows(new byte[0], 0, new int[] {3}, table, new float[0], 0);
    }

    @Test
    void fill() {
        float[] a = new float[10];
        float[] b = new float[10];
        java.fill(a, 2, 5, 3f);
        nat.fill(b, 2, 5, 3f);
        Parity.same("fill", a, b, 0, 0);
        assertEquals(3f, b[6]);
        assertEquals(0f, b[7]);
    }
}
