package org.grad4j.internal.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every GEMM micro-kernel this JVM can run, through the blocked driver on one and two threads,
 * against a naive double-precision reference: edge sizes (1, primes, not a multiple of any tile,
 * k across several KC blocks), every transpose pair, padded leading dimensions, offsets, and the
 * alpha/beta cases of {@link org.grad4j.backend.Backend#gemm}.
 */
class GemmKernelTest {
    private static final int[][] SIZES = {
        {1, 1, 1},
        {7, 13, 31},
        {97, 31, 13},
        {13, 97, 7},
        {33, 65, 17},
        {9, 70, 1031},
        {65, 33, 257},
        {1, 97, 300},
        {97, 1, 300},
        {8, 32, 256},
        {16, 64, 512}
    };
    private static final float[][] ALPHA_BETA = {{1f, 0f}, {0.5f, 2f}, {-1.5f, 1f}, {2f, -0.25f}};

    private static List<GemmKernel> kernels() {
        List<GemmKernel> kernels = new ArrayList<>(List.of(new ScalarGemmKernel()));
        if (GemmKernels.vectorApiPresent()) {
            kernels.add(new VectorGemmKernel());
        }
        return kernels;
    }

    @Test
    void surefireRunsTheVectorKernel() {
        assertTrue(GemmKernels.vectorApiPresent(), "java/pom.xml runs the tests with jdk.incubator.vector");
        assertEquals(VectorGemmKernel.class, GemmKernels.best().getClass());
    }

    @TestFactory
    Stream<DynamicTest> matchesTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GemmKernel kernel : kernels()) {
            for (int threads : new int[] {1, 2}) {
                Gemm gemm = new Gemm(new Parallel(threads), kernel);
                String name = kernel.getClass().getSimpleName() + ", " + threads + " threads";
                tests.add(DynamicTest.dynamicTest(name, () -> allCases(gemm)));
            }
        }
        return tests.stream();
    }

    private static void allCases(Gemm gemm) {
        Random random = new Random(42);
        for (int[] size : SIZES) {
            for (int t = 0; t < 4; t++) {
                for (float[] ab : ALPHA_BETA) {
                    check(gemm, random, (t & 1) != 0, (t & 2) != 0, size[0], size[1], size[2], ab[0], ab[1]);
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> degenerateProductsOnlyScaleC() {
        return kernels().stream()
                .map(kernel -> DynamicTest.dynamicTest(kernel.getClass().getSimpleName(), () -> {
                    Gemm gemm = new Gemm(new Parallel(2), kernel);
                    Random random = new Random(1);
                    check(gemm, random, false, false, 13, 7, 0, 1f, 0.5f);
                    check(gemm, random, true, true, 13, 7, 0, 1f, 0f);
                    check(gemm, random, false, true, 13, 7, 5, 0f, 3f);
                    check(gemm, random, true, false, 13, 7, 5, 0f, 0f);
                    check(gemm, random, false, false, 0, 7, 5, 1f, 0f);
                }));
    }

    /** C starts as NaN where beta = 0, to check that C is then written without being read. */
    private static void check(
            Gemm gemm, Random random, boolean transA, boolean transB, int m, int n, int k, float alpha, float beta) {
        int lda = (transA ? m : k) + 3;
        int ldb = (transB ? k : n) + 2;
        int ldc = n + 5;
        int aOffset = 7;
        int bOffset = 3;
        int cOffset = 11;
        float[] a = randomArray(random, aOffset + (transA ? k : m) * lda);
        float[] b = randomArray(random, bOffset + (transB ? n : k) * ldb);
        float[] c = randomArray(random, cOffset + m * ldc);
        for (int i = 0; i < m && beta == 0f; i++) {
            java.util.Arrays.fill(c, cOffset + i * ldc, cOffset + i * ldc + n, Float.NaN);
        }
        float[] before = c.clone();
        gemm.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
        String problem = "m=" + m + " n=" + n + " k=" + k + " transA=" + transA + " transB=" + transB + " alpha="
                + alpha + " beta=" + beta;
        for (int at = 0; at < c.length; at++) {
            int i = (at - cOffset) / ldc;
            int j = (at - cOffset) % ldc;
            if (at < cOffset || i >= m || j >= n) {
                assertEquals(before[at], c[at], 0f, problem + ": C[" + at + "] outside the product changed");
                continue;
            }
            double sum = 0;
            double magnitude = 0;
            for (int p = 0; p < k; p++) {
                double x = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                double y = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                sum += x * y;
                magnitude += Math.abs(x * y);
            }
            double old = beta == 0f ? 0 : before[at];
            double ref = alpha * sum + beta * old;
            double tolerance = 1.2e-7 * (k + 4) * (Math.abs(alpha) * magnitude + Math.abs(beta * old)) + 1e-30;
            if (!(Math.abs(c[at] - ref) <= tolerance)) {
                fail(problem + ": C[" + i + ", " + j + "] ref " + ref + " got " + c[at]);
            }
        }
    }

    private static float[] randomArray(Random random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextFloat() * 2f - 1f;
        }
        return x;
    }
}
