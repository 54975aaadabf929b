package org.grad4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.grad4j.autograd.GradCheck;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.optim.Adam;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * RNN, LSTM and GRU against a plain double-precision reference written from PyTorch's equations,
 * their parameter names and shapes, gradients, errors, and a small sequence task.
 */
class RecurrentTest {
    private enum Kind {
        RNN,
        LSTM,
        GRU
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** W·x + b for a [rows, cols] weight. */
    private static double[] affine(float[] w, float[] b, double[] x, int rows) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = b == null ? 0 : b[r];
            for (int c = 0; c < x.length; c++) {
                s += w[r * x.length + c] * x[c];
            }
            out[r] = s;
        }
        return out;
    }

    /**
     * The reference: input [L][N][in] (time-major), zero initial states; returns the output
     * [L][N][D·H] and the final h per layer and direction.
     */
    private static double[][][] reference(
            Kind kind, Map<String, Parameter> p, double[][][] input, int hidden, int layers, boolean bidirectional) {
        int gates = kind == Kind.LSTM ? 4 : kind == Kind.GRU ? 3 : 1;
        int dirs = bidirectional ? 2 : 1;
        double[][][] x = input;
        int length = x.length;
        int batch = x[0].length;
        for (int layer = 0; layer < layers; layer++) {
            double[][][] out = new double[length][batch][dirs * hidden];
            for (int d = 0; d < dirs; d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                float[] wih = p.get("weight_ih" + suffix).toArray();
                float[] whh = p.get("weight_hh" + suffix).toArray();
                float[] bih = p.get("bias_ih" + suffix).toArray();
                float[] bhh = p.get("bias_hh" + suffix).toArray();
                for (int n = 0; n < batch; n++) {
                    double[] h = new double[hidden];
                    double[] c = new double[hidden];
                    for (int i = 0; i < length; i++) {
                        int t = d == 0 ? i : length - 1 - i;
                        double[] gi = affine(wih, bih, x[t][n], gates * hidden);
                        double[] gh = affine(whh, bhh, h, gates * hidden);
                        double[] next = new double[hidden];
                        for (int k = 0; k < hidden; k++) {
                            switch (kind) {
                                case RNN -> next[k] = Math.tanh(gi[k] + gh[k]);
                                case LSTM -> {
                                    double in = sigmoid(gi[k] + gh[k]);
                                    double forget = sigmoid(gi[hidden + k] + gh[hidden + k]);
                                    double g = Math.tanh(gi[2 * hidden + k] + gh[2 * hidden + k]);
                                    double o = sigmoid(gi[3 * hidden + k] + gh[3 * hidden + k]);
                                    c[k] = forget * c[k] + in * g;
                                    next[k] = o * Math.tanh(c[k]);
                                }
                                case GRU -> {
                                    double r = sigmoid(gi[k] + gh[k]);
                                    double z = sigmoid(gi[hidden + k] + gh[hidden + k]);
                                    double nn = Math.tanh(gi[2 * hidden + k] + r * gh[2 * hidden + k]);
                                    next[k] = (1 - z) * nn + z * h[k];
                                }
                            }
                        }
                        h = next;
                        System.arraycopy(h, 0, out[t][n], d * hidden, hidden);
                    }
                }
            }
            x = out;
        }
        return x;
    }

    private static Recurrent make(
            Kind kind, int in, int hidden, int layers, boolean batchFirst, boolean bi, long seed) {
        Generator gen = new Generator(seed);
        return switch (kind) {
            case RNN -> new RNN(in, hidden, layers, "tanh", true, batchFirst, 0, bi, gen);
            case LSTM -> new LSTM(in, hidden, layers, true, batchFirst, 0, bi, gen);
            case GRU -> new GRU(in, hidden, layers, true, batchFirst, 0, bi, gen);
        };
    }

    @Test
    void outputsMatchTheReferenceForEveryKindAndLayout() {
        for (Kind kind : Kind.values()) {
            for (boolean bi : new boolean[] {false, true}) {
                for (boolean batchFirst : new boolean[] {false, true}) {
                    Recurrent m = make(kind, 3, 4, 2, batchFirst, bi, 7);
                    Tensor timeMajor = Tensor.randn(new Generator(11), 5, 2, 3);
                    Tensor out =
                            m.forward(batchFirst ? timeMajor.transpose(0, 1).contiguous() : timeMajor);
                    Tensor got = batchFirst ? out.transpose(0, 1) : out;
                    double[][][] x = new double[5][2][3];
                    float[] v = timeMajor.toArray();
                    for (int i = 0; i < v.length; i++) {
                        x[i / 6][i / 3 % 2][i % 3] = v[i];
                    }
                    double[][][] expected = reference(kind, m.namedParameters(), x, 4, 2, bi);
                    float[] g = got.contiguous().toArray();
                    int k = 0;
                    for (double[][] step : expected) {
                        for (double[] row : step) {
                            for (double e : row) {
                                assertEquals(
                                        e,
                                        g[k++],
                                        1e-5,
                                        kind + " bidirectional=" + bi + " batchFirst=" + batchFirst + " element "
                                                + (k - 1));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void parameterNamesAndShapesArePyTorchs() {
        LSTM lstm = new LSTM(10, 20, 2, true, false, 0, true);
        Map<String, Parameter> p = lstm.namedParameters();
        assertEquals(
                List.of(
                        "weight_ih_l0",
                        "weight_hh_l0",
                        "bias_ih_l0",
                        "bias_hh_l0",
                        "weight_ih_l0_reverse",
                        "weight_hh_l0_reverse",
                        "bias_ih_l0_reverse",
                        "bias_hh_l0_reverse",
                        "weight_ih_l1",
                        "weight_hh_l1",
                        "bias_ih_l1",
                        "bias_hh_l1",
                        "weight_ih_l1_reverse",
                        "weight_hh_l1_reverse",
                        "bias_ih_l1_reverse",
                        "bias_hh_l1_reverse"),
                List.copyOf(p.keySet()));
        assertArrayEquals(new int[] {80, 10}, p.get("weight_ih_l0").shape());
        assertArrayEquals(new int[] {80, 40}, p.get("weight_ih_l1").shape());
        assertArrayEquals(
                new int[] {60, 20},
                new GRU(10, 20).namedParameters().get("weight_hh_l0").shape());
        float bound = (float) (1 / Math.sqrt(20));
        for (float w : p.get("weight_hh_l1").toArray()) {
            assertTrue(Math.abs(w) <= bound);
        }
        assertEquals("LSTM(10, 20, num_layers=2, bidirectional=True)", lstm.toString());
    }

    @Test
    void finalStatesAndInitialStates() {
        LSTM lstm = new LSTM(3, 4, 2, true, true, 0, false);
        Tensor x = Tensor.randn(new Generator(1), 2, 5, 3);
        LSTM.Result r = lstm.forward(x, null, null);
        assertArrayEquals(new int[] {2, 5, 4}, r.output().shape());
        assertArrayEquals(new int[] {2, 2, 4}, r.h().shape());
        assertArrayEquals(
                r.output().select(1, 4).toArray(),
                r.h().select(0, 1).toArray(),
                0f,
                "the last layer's final h is the last output");
        Tensor h0 = Tensor.randn(new Generator(2), 2, 2, 4);
        Tensor c0 = Tensor.randn(new Generator(3), 2, 2, 4);
        LSTM.Result split = lstm.forward(
                x.narrow(1, 2, 3),
                lstm.forward(x.narrow(1, 0, 2), h0, c0).h(),
                lstm.forward(x.narrow(1, 0, 2), h0, c0).c());
        assertArrayEquals(
                lstm.forward(x, h0, c0).output().narrow(1, 2, 3).contiguous().toArray(),
                split.output().contiguous().toArray(),
                1e-6f,
                "running in two pieces with the carried state");
        GRU gru = new GRU(3, 4);
        GRU.Result unbatched = gru.forward(Tensor.randn(new Generator(4), 6, 3), null);
        assertArrayEquals(new int[] {6, 4}, unbatched.output().shape());
        assertArrayEquals(new int[] {1, 4}, unbatched.h().shape());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (Kind kind : Kind.values()) {
            Recurrent m = make(kind, 2, 3, 2, false, true, 3);
            Tensor x = Tensor.randn(new Generator(4), 3, 2, 2).requiresGrad(true);
            Parameter w = m.namedParameters().get("weight_hh_l0");
            Parameter b = m.namedParameters().get("bias_ih_l1_reverse");
            GradCheck.check(in -> m.forward(in[0]), x, w, b);
        }
    }

    @Test
    void badShapesAndOptionsAreNamed() {
        LSTM lstm = new LSTM(3, 4);
        assertEquals(
                "LSTM: expected input [L, N, 3] or [L, 3], got [2, 5, 4]",
                assertThrows(IllegalArgumentException.class, () -> lstm.forward(Tensor.zeros(2, 5, 4)))
                        .getMessage());
        assertEquals(
                "LSTM: expected initial state [1, 5, 4], got [1, 4]",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> lstm.forward(Tensor.zeros(2, 5, 3), Tensor.zeros(1, 4), null))
                        .getMessage());
        assertEquals(
                "RNN: nonlinearity must be \"tanh\" or \"relu\", got \"sigmoid\"",
                assertThrows(IllegalArgumentException.class, () -> new RNN(3, 4, 1, "sigmoid", true, false, 0, false))
                        .getMessage());
        assertEquals(
                "GRU: dropout must be in [0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new GRU(3, 4, 2, true, false, 1.5, false))
                        .getMessage());
    }

    @Test
    void anLstmLearnsToSumASequence() {
        Generator gen = new Generator(5);
        LSTM lstm = new LSTM(1, 16, 1, true, true, 0, false, gen);
        Linear head = new Linear(16, 1, true, gen);
        Adam opt = new Adam(new Sequential(lstm, head).parameters(), 0.02);
        MSELoss mse = new MSELoss();
        float loss = Float.NaN;
        for (int step = 0; step < 150; step++) {
            Tensor x = Tensor.rand(gen, 32, 6, 1).sub(0.5f);
            Tensor target = x.sum(1);
            Tensor out = head.forward(lstm.forward(x, null, null).h().select(0, 0));
            Tensor l = mse.forward(out, target);
            opt.zeroGrad();
            l.backward();
            opt.step();
            loss = l.item();
        }
        assertTrue(loss < 0.01, "loss after training " + loss + " (the sum's variance is 0.5)");
    }
}
