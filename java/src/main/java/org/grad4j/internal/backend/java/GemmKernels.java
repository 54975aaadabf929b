package org.grad4j.internal.backend.java;

import java.lang.System.Logger.Level;

/**
 * Chooses the GEMM micro-kernel once per JVM: the Vector API one when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, else the scalar one. VectorGemmKernel is named only
 * on the first path, so without the module no jdk.incubator.vector class is ever loaded.
 */
final class GemmKernels {
    private static final System.Logger LOG = System.getLogger("org.grad4j.backend");
    private static final GemmKernel BEST = select();

    private GemmKernels() {}

    static GemmKernel best() {
        return BEST;
    }

    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static GemmKernel select() {
        if (vectorApiPresent()) {
            GemmKernel kernel = new VectorGemmKernel();
            LOG.log(Level.INFO, "grad4j java backend GEMM: " + kernel.description());
            return kernel;
        }
        GemmKernel kernel = new ScalarGemmKernel();
        LOG.log(
                Level.INFO,
                "grad4j java backend GEMM: " + kernel.description()
                        + "; run java with --add-modules jdk.incubator.vector for the Vector API kernel");
        return kernel;
    }
}
