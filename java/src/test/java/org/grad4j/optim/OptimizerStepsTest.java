package org.grad4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer's first steps against the update rule of its PyTorch documentation, written
 * out in double precision here, on a 3-element parameter with gradients that change every step.
 */
class OptimizerStepsTest {
    private static final int STEPS = 6;
    private static final double[] START = {0.5, -1.5, 2.0};

    private static double grad(int step, int i) {
        return Math.sin(1.3 * step + i) + 0.1 * i;
    }

    /** Runs the optimizer for STEPS steps with the test's gradients and returns the parameter. */
    private static float[] run(Function<Parameter, Optimizer> make) {
        Parameter p = new Parameter(Tensor.of(new float[] {0.5f, -1.5f, 2.0f}, 3));
        Optimizer opt = make.apply(p);
        for (int t = 1; t <= STEPS; t++) {
            float[] g = new float[3];
            for (int i = 0; i < 3; i++) {
                g[i] = (float) grad(t, i);
            }
            p.setGrad(Tensor.of(g, 3));
            opt.step();
        }
        return p.toArray();
    }

    /** The reference: update(t, p, g) changes p for step t = 1, 2, ... */
    private interface Rule {
        void update(int t, double[] p, double[] g);
    }

    private static void assertFollows(Rule rule, float[] actual) {
        double[] p = START.clone();
        for (int t = 1; t <= STEPS; t++) {
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) {
                g[i] = grad(t, i);
            }
            rule.update(t, p, g);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(p[i], actual[i], 2e-5 * Math.max(1, Math.abs(p[i])), "element " + i);
        }
    }

    @Test
    void sgdWithMomentumByHand() {
        // p = 1, g = 0.5 each step, lr 0.1, momentum 0.9: buffers 0.5, 0.95, 1.355
        Parameter p = new Parameter(Tensor.of(new float[] {1f}, 1));
        SGD opt = new SGD(List.of(p), SGD.Options.defaults().lr(0.1).momentum(0.9));
        float[] expected = {0.95f, 0.855f, 0.7195f};
        for (float e : expected) {
            p.setGrad(Tensor.of(new float[] {0.5f}, 1));
            opt.step();
            assertEquals(e, p.item(), 1e-6f);
        }
    }

    @Test
    void adamFirstStepMovesEachParameterByLr() {
        Parameter p = new Parameter(Tensor.of(new float[] {1f, 1f}, 2));
        p.setGrad(Tensor.of(new float[] {0.3f, -20f}, 2));
        new Adam(List.of(p), 0.01).step();
        assertArrayEquals(new float[] {0.99f, 1.01f}, p.toArray(), 1e-6f);
    }

    @Test
    void sgd() {
        double lr = 0.05;
        double mu = 0.8;
        double damp = 0.1;
        double wd = 0.01;
        double[] buf = new double[3];
        assertFollows(
                (t, p, g) -> {
                    for (int i = 0; i < 3; i++) {
                        double d = g[i] + wd * p[i];
                        buf[i] = t == 1 ? d : mu * buf[i] + (1 - damp) * d;
                        p[i] -= lr * buf[i];
                    }
                },
                run(p -> new SGD(
                        List.of(p),
                        SGD.Options.defaults()
                                .lr(lr)
                                .momentum(mu)
                                .dampening(damp)
                                .weightDecay(wd))));
    }

    @Test
    void sgdNesterov() {
        double[] buf = new double[3];
        assertFollows(
                (t, p, g) -> {
                    for (int i = 0; i < 3; i++) {
                        double d = g[i] + 0.001 * p[i];
                        buf[i] = t == 1 ? d : 0.9 * buf[i] + d;
                        p[i] -= 0.1 * (d + 0.9 * buf[i]);
                    }
                },
                run(p -> new SGD(
                        List.of(p),
                        SGD.Options.defaults()
                                .lr(0.1)
                                .momentum(0.9)
                                .nesterov(true)
                                .weightDecay(0.001))));
    }

    private static Rule adam(
            double lr, double b1, double b2, double eps, double wd, boolean decoupled, boolean amsgrad) {
        double[] m = new double[3];
        double[] v = new double[3];
        double[] vMax = new double[3];
        return (t, p, g) -> {
            for (int i = 0; i < 3; i++) {
                double d = g[i];
                if (decoupled) {
                    p[i] *= 1 - lr * wd;
                } else {
                    d += wd * p[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * d;
                v[i] = b2 * v[i] + (1 - b2) * d * d;
                vMax[i] = Math.max(vMax[i], v[i]);
                double c1 = 1 - Math.pow(b1, t);
                double c2 = 1 - Math.pow(b2, t);
                p[i] -= lr / c1 * m[i] / (Math.sqrt(amsgrad ? vMax[i] : v[i]) / Math.sqrt(c2) + eps);
            }
        };
    }

    @Test
    void adamVariants() {
        assertFollows(adam(0.01, 0.9, 0.999, 1e-8, 0, false, false), run(p -> new Adam(List.of(p), 0.01)));
        assertFollows(
                adam(0.02, 0.8, 0.99, 1e-6, 0.1, false, false),
                run(p -> new Adam(
                        List.of(p),
                        Adam.Options.defaults()
                                .lr(0.02)
                                .betas(0.8, 0.99)
                                .eps(1e-6)
                                .weightDecay(0.1))));
        assertFollows(
                adam(0.01, 0.9, 0.999, 1e-8, 0.05, false, true),
                run(p -> new Adam(
                        List.of(p),
                        Adam.Options.defaults().lr(0.01).weightDecay(0.05).amsgrad(true))));
        assertFollows(adam(0.01, 0.9, 0.999, 1e-8, 0.01, true, false), run(p -> new AdamW(List.of(p), 0.01)));
        assertFollows(
                adam(0.01, 0.9, 0.999, 1e-8, 0.2, true, true),
                run(p -> new AdamW(
                        List.of(p), AdamW.defaults().lr(0.01).weightDecay(0.2).amsgrad(true))));
    }

    @Test
    void rmsprop() {
        double[] sq = new double[3];
        double[] avgG = new double[3];
        double[] buf = new double[3];
        assertFollows(
                (t, p, g) -> {
                    for (int i = 0; i < 3; i++) {
                        double d = g[i] + 0.01 * p[i];
                        sq[i] = 0.9 * sq[i] + 0.1 * d * d;
                        avgG[i] = 0.9 * avgG[i] + 0.1 * d;
                        double avg = Math.sqrt(sq[i] - avgG[i] * avgG[i]) + 1e-8;
                        buf[i] = 0.5 * buf[i] + d / avg;
                        p[i] -= 0.01 * buf[i];
                    }
                },
                run(p -> new RMSprop(
                        List.of(p),
                        RMSprop.Options.defaults()
                                .lr(0.01)
                                .alpha(0.9)
                                .weightDecay(0.01)
                                .momentum(0.5)
                                .centered(true))));
        double[] plain = new double[3];
        assertFollows(
                (t, p, g) -> {
                    for (int i = 0; i < 3; i++) {
                        plain[i] = 0.99 * plain[i] + 0.01 * g[i] * g[i];
                        p[i] -= 0.01 * g[i] / (Math.sqrt(plain[i]) + 1e-8);
                    }
                },
                run(p -> new RMSprop(List.of(p), 0.01)));
    }

    @Test
    void adagrad() {
        double[] sum = {0.1, 0.1, 0.1};
        assertFollows(
                (t, p, g) -> {
                    for (int i = 0; i < 3; i++) {
                        double d = g[i] + 0.02 * p[i];
                        sum[i] += d * d;
                        p[i] -= 0.1 / (1 + (t - 1) * 0.05) * d / (Math.sqrt(sum[i]) + 1e-10);
                    }
                },
                run(p -> new Adagrad(
                        List.of(p),
                        Adagrad.Options.defaults()
                                .lr(0.1)
                                .lrDecay(0.05)
                                .weightDecay(0.02)
                                .initialAccumulatorValue(0.1))));
    }

    @Test
    void adadelta() {
        double[] sq = new double[3];
        double[] acc = new double[3];
        assertFollows(
                (t, p, g) -> {
                    for (int i = 0; i < 3; i++) {
                        sq[i] = 0.9 * sq[i] + 0.1 * g[i] * g[i];
                        double delta = Math.sqrt(acc[i] + 1e-6) / Math.sqrt(sq[i] + 1e-6) * g[i];
                        acc[i] = 0.9 * acc[i] + 0.1 * delta * delta;
                        p[i] -= 1.0 * delta;
                    }
                },
                run(p -> new Adadelta(List.of(p))));
    }

    @Test
    void radamUsesMomentumFirstThenTheRectifiedStep() {
        double b1 = 0.9;
        double b2 = 0.9; // rho_t is 1.0, 1.95, 2.86, 3.74, 4.58, then 5.39: the last step is rectified
        int[] rectified = {0};
        double[] m = new double[3];
        double[] v = new double[3];
        assertFollows(
                (t, p, g) -> {
                    double rhoInf = 2 / (1 - b2) - 1;
                    double c1 = 1 - Math.pow(b1, t);
                    double c2 = 1 - Math.pow(b2, t);
                    double rhoT = rhoInf - 2 * t * Math.pow(b2, t) / c2;
                    for (int i = 0; i < 3; i++) {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        double mHat = m[i] / c1;
                        if (rhoT > 5) {
                            rectified[0] += i == 0 ? 1 : 0;
                            double r =
                                    Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
                            p[i] -= 0.01 * mHat * r * Math.sqrt(c2) / (Math.sqrt(v[i]) + 1e-8);
                        } else {
                            p[i] -= 0.01 * mHat;
                        }
                    }
                },
                run(p -> new RAdam(List.of(p), RAdam.Options.defaults().lr(0.01).betas(b1, b2))));
        assertEquals(1, rectified[0]);
    }
}
