package org.grad4j.backend.nativecpu;

import static org.grad4j.jni.global.g4kernels.*;

import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.backend.Pool2dGeometry;

/** Geometry records as the int arrays the native kernels take (positions named in kernels.h). */
final class Geometry {
    private Geometry() {}

    // Per thread, filled for each call: a kernel call reads its geometry before it returns.
    private static final ThreadLocal<int[]> CONV = ThreadLocal.withInitial(() -> new int[G4_CONV_GEOMETRY_SIZE]);
    private static final ThreadLocal<int[]> POOL = ThreadLocal.withInitial(() -> new int[G4_POOL_GEOMETRY_SIZE]);

    /** The calling thread's geometry array, filled from g. */
    static int[] of(Conv2dGeometry g) {
        int[] a = CONV.get();
        a[G4_CONV_BATCH] = g.batch();
        a[G4_CONV_IN_CHANNELS] = g.inChannels();
        a[G4_CONV_IN_HEIGHT] = g.inHeight();
        a[G4_CONV_IN_WIDTH] = g.inWidth();
        a[G4_CONV_OUT_CHANNELS] = g.outChannels();
        a[G4_CONV_KERNEL_H] = g.kernelHeight();
        a[G4_CONV_KERNEL_W] = g.kernelWidth();
        a[G4_CONV_STRIDE_H] = g.strideH();
        a[G4_CONV_STRIDE_W] = g.strideW();
        a[G4_CONV_PAD_H] = g.padH();
        a[G4_CONV_PAD_W] = g.padW();
        a[G4_CONV_DILATION_H] = g.dilationH();
        a[G4_CONV_DILATION_W] = g.dilationW();
        a[G4_CONV_GROUPS] = g.groups();
        a[G4_CONV_OUT_HEIGHT] = g.outHeight();
        a[G4_CONV_OUT_WIDTH] = g.outWidth();
        return a;
    }

    /** The calling thread's geometry array, filled from g. */
    static int[] of(Pool2dGeometry g) {
        int[] a = POOL.get();
        a[G4_POOL_BATCH] = g.batch();
        a[G4_POOL_CHANNELS] = g.channels();
        a[G4_POOL_IN_HEIGHT] = g.inHeight();
        a[G4_POOL_IN_WIDTH] = g.inWidth();
        a[G4_POOL_KERNEL_H] = g.kernelHeight();
        a[G4_POOL_KERNEL_W] = g.kernelWidth();
        a[G4_POOL_STRIDE_H] = g.strideH();
        a[G4_POOL_STRIDE_W] = g.strideW();
        a[G4_POOL_PAD_H] = g.padH();
        a[G4_POOL_PAD_W] = g.padW();
        a[G4_POOL_DILATION_H] = g.dilationH();
        a[G4_POOL_DILATION_W] = g.dilationW();
        a[G4_POOL_OUT_HEIGHT] = g.outHeight();
        a[G4_POOL_OUT_WIDTH] = g.outWidth();
        return a;
    }
}
