package org.grad4j.backend.nativecpu;

import org.grad4j.backend.Backend;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.backend.Pool2dGeometry;
import org.junit.jupiter.api.Test;

/** Convolution and pooling kernels, native against Java, on random geometries. */
class ConvPoolParityTest {
    private final Backend java = Parity.javaBackend();
    private final Backend nat = new NativeBackend();

    @Test
    void conv2dForwardAndBothBackwards() {
        Cases c = new Cases(6);
        int done = 0;
        while (done < KernelParityTest.CASES) {
            int groups = 1 + c.random.nextInt(3);
            Conv2dGeometry g = new Conv2dGeometry(
                    1 + c.random.nextInt(3),
                    groups * (1 + c.random.nextInt(3)),
                    1 + c.random.nextInt(9),
                    1 + c.random.nextInt(9),
                    groups * (1 + c.random.nextInt(3)),
                    1 + c.random.nextInt(4),
                    1 + c.random.nextInt(4),
                    1 + c.random.nextInt(3),
                    1 + c.random.nextInt(3),
                    c.random.nextInt(3),
                    c.random.nextInt(3),
                    1 + c.random.nextInt(2),
                    1 + c.random.nextInt(2),
                    groups);
            if (g.outHeight() <= 0 || g.outWidth() <= 0) {
                continue;
            }
            done++;
            int xSize = g.batch() * g.inChannels() * g.inHeight() * g.inWidth();
            int wSize = g.outChannels() * g.inChannelsPerGroup() * g.kernelHeight() * g.kernelWidth();
            int ySize = g.batch() * g.outChannels() * g.outHeight() * g.outWidth();
            float[] x = c.values(1 + xSize);
            float[] w = c.values(2 + wSize);
            float[] gy = c.values(ySize);
            String what = " " + g;
            float[] yJ = new float[ySize];
            float[] yN = new float[ySize];
            java.conv2dForward(g, x, 1, w, 2, yJ, 0);
            nat.conv2dForward(g, x, 1, w, 2, yN, 0);
            Parity.same("conv2d forward" + what, yJ, yN, 1e-4, 1e-5);
            float[] gxJ = new float[xSize];
            float[] gxN = new float[xSize];
            java.conv2dBackwardData(g, gy, 0, w, 2, gxJ, 0);
            nat.conv2dBackwardData(g, gy, 0, w, 2, gxN, 0);
            Parity.same("conv2d backward data" + what, gxJ, gxN, 1e-4, 1e-5);
            float[] gwJ = new float[wSize];
            float[] gwN = new float[wSize];
            java.conv2dBackwardWeight(g, x, 1, gy, 0, gwJ, 0);
            nat.conv2dBackwardWeight(g, x, 1, gy, 0, gwN, 0);
            Parity.same("conv2d backward weight" + what, gwJ, gwN, 1e-4, 1e-5);
        }
    }

    @Test
    void maxAndAvgPooling() {
        Cases c = new Cases(7);
        int done = 0;
        while (done < KernelParityTest.CASES) {
            int kh = 1 + c.random.nextInt(4);
            int kw = 1 + c.random.nextInt(4);
            int dil = c.random.nextInt(4) == 0 ? 2 : 1;
            Pool2dGeometry g = new Pool2dGeometry(
                    1 + c.random.nextInt(3),
                    1 + c.random.nextInt(4),
                    1 + c.random.nextInt(12),
                    1 + c.random.nextInt(12),
                    kh,
                    kw,
                    1 + c.random.nextInt(3),
                    1 + c.random.nextInt(3),
                    c.random.nextInt(kh / 2 + 1),
                    c.random.nextInt(kw / 2 + 1),
                    dil,
                    dil);
            if (g.outHeight() <= 0 || g.outWidth() <= 0) {
                continue;
            }
            done++;
            int xSize = g.batch() * g.channels() * g.inHeight() * g.inWidth();
            int ySize = g.batch() * g.channels() * g.outHeight() * g.outWidth();
            float[] x = c.values(3 + xSize);
            float[] gy = c.values(ySize);
            String what = " " + g;
            float[] yJ = new float[ySize];
            float[] yN = new float[ySize];
            int[] argJ = new int[ySize];
            int[] argN = new int[ySize];
            java.maxPool2dForward(g, x, 3, yJ, argJ);
            nat.maxPool2dForward(g, x, 3, yN, argN);
            Parity.same("maxPool2d forward" + what, yJ, yN, 0, 0);
            Parity.same("maxPool2d argmax" + what, argJ, argN);
            float[] gxJ = new float[xSize];
            float[] gxN = new float[xSize];
            java.maxPool2dBackward(g, gy, argJ, gxJ);
            nat.maxPool2dBackward(g, gy, argN, gxN);
            Parity.same("maxPool2d backward" + what, gxJ, gxN);
            java.avgPool2dForward(g, x, 3, yJ);
            nat.avgPool2dForward(g, x, 3, yN);
            Parity.same("avgPool2d forward" + what, yJ, yN);
            java.avgPool2dBackward(g, gy, gxJ);
            nat.avgPool2dBackward(g, gy, gxN);
            Parity.same("avgPool2d backward" + what, gxJ, gxN);
        }
    }
}
