package org.grad4j.onnx;

import static org.grad4j.onnx.ElementwiseOps.floatIn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.grad4j.tensor.Tensor;

/**
 * RNN, GRU and LSTM as ONNX defines them: weights [directions, gates · hidden, input] in ONNX's
 * gate order (GRU z, r, h; LSTM i, o, f, c), biases W then R, forward, reverse or bidirectional,
 * per-sample sequence lengths, GRU's linear_before_reset, LSTM's peepholes, and the batch-first
 * layout of opset 14. Unrolled over the sequence on grad4j's ops, so gradients flow to the weights.
 */
final class RecurrentOps {
    private RecurrentOps() {}

    static void register(Map<String, OnnxOp> ops) {
        ops.put("RNN", (n, in) -> run(n, in, Cell.RNN));
        ops.put("GRU", (n, in) -> run(n, in, Cell.GRU));
        ops.put("LSTM", (n, in) -> run(n, in, Cell.LSTM));
    }

    private enum Cell {
        RNN(1, "Tanh"),
        GRU(3, "Sigmoid", "Tanh"),
        LSTM(4, "Sigmoid", "Tanh", "Tanh");

        final int gates;
        final String[] activations;

        Cell(int gates, String... activations) {
            this.gates = gates;
            this.activations = activations;
        }
    }

    private static Value[] run(OnnxNode n, Value[] in, Cell cell) {
        boolean batchFirst = n.i("layout", 0) != 0;
        Tensor x = floatIn(n, in, 0);
        if (x.dim() != 3) {
            throw n.error("X must be 3-d, has shape " + java.util.Arrays.toString(x.shape()));
        }
        if (batchFirst) {
            x = x.transpose(0, 1);
        }
        Tensor w = floatIn(n, in, 1);
        Tensor r = floatIn(n, in, 2);
        int hidden = (int) n.i("hidden_size", r.size(2));
        String direction = n.s("direction", "forward");
        int directions = direction.equals("bidirectional") ? 2 : 1;
        int seq = x.size(0);
        int batch = x.size(1);
        if (w.size(0) != directions || w.size(1) != cell.gates * hidden || w.size(2) != x.size(2)) {
            throw n.error("W of shape " + java.util.Arrays.toString(w.shape()) + " for " + directions + " directions, "
                    + cell.gates + " gates of " + hidden + " and input " + x.size(2));
        }
        if (n.has("clip") || n.i("input_forget", 0) != 0) {
            throw n.error("clip and input_forget are not supported");
        }
        Tensor b = given(in, 3) ? floatIn(n, in, 3) : null;
        long[] lengths = given(in, 4) ? in[4].longs() : null;
        Tensor h0 = given(in, 5) ? floatIn(n, in, 5) : null;
        Tensor c0 = cell == Cell.LSTM && given(in, 6) ? floatIn(n, in, 6) : null;
        Tensor peep = cell == Cell.LSTM && given(in, 7) ? floatIn(n, in, 7) : null;
        if (batchFirst) {
            h0 = h0 == null ? null : h0.transpose(0, 1);
            c0 = c0 == null ? null : c0.transpose(0, 1);
        }
        List<UnaryOperator<Tensor>> f = activations(n, cell, directions);
        Tensor[] ys = new Tensor[directions];
        Tensor[] hs = new Tensor[directions];
        Tensor[] cs = new Tensor[directions];
        for (int d = 0; d < directions; d++) {
            boolean reverse = direction.equals("reverse") || d == 1;
            Tensor wd = w.select(0, d);
            Tensor rd = r.select(0, d);
            Tensor wb = b == null ? null : b.select(0, d).narrow(0, 0, cell.gates * hidden);
            Tensor rb = b == null ? null : b.select(0, d).narrow(0, cell.gates * hidden, cell.gates * hidden);
            Tensor h = h0 == null ? Tensor.zeros(batch, hidden) : h0.select(0, d);
            Tensor c = cell != Cell.LSTM ? null : c0 == null ? Tensor.zeros(batch, hidden) : c0.select(0, d);
            Tensor p = peep == null ? null : peep.select(0, d);
            Tensor[] steps = new Tensor[seq];
            for (int s = 0; s < seq; s++) {
                int t = reverse ? seq - 1 - s : s;
                Tensor xw = x.select(0, t).matmul(wd.t());
                if (wb != null) {
                    xw = xw.add(wb);
                }
                Tensor[] next = step(
                        n,
                        cell,
                        f.subList(d * cell.activations.length, (d + 1) * cell.activations.length),
                        xw,
                        h,
                        c,
                        rd,
                        rb,
                        p,
                        hidden);
                Tensor live = lengths == null ? null : alive(lengths, t, batch);
                h = live == null ? next[0] : Tensor.where(live, next[0], h);
                if (c != null) {
                    c = live == null ? next[1] : Tensor.where(live, next[1], c);
                }
                steps[t] = live == null ? h : h.mul(live);
            }
            ys[d] = Tensor.stack(List.of(steps), 0);
            hs[d] = h;
            cs[d] = c;
        }
        Tensor y = Tensor.stack(List.of(ys), 1);
        Tensor yh = Tensor.stack(List.of(hs), 0);
        Tensor yc = cell == Cell.LSTM ? Tensor.stack(List.of(cs), 0) : null;
        if (batchFirst) {
            y = y.permute(2, 0, 1, 3);
            yh = yh.transpose(0, 1);
            yc = yc == null ? null : yc.transpose(0, 1);
        }
        return cell == Cell.LSTM
                ? new Value[] {Value.of(y), Value.of(yh), Value.of(yc)}
                : new Value[] {Value.of(y), Value.of(yh)};
    }

    private static boolean given(Value[] in, int i) {
        return in.length > i && in[i] != null;
    }

    /**
     * [batch, 1] of 1 where step t is within the sample's length, else 0: the state passes steps
     * beyond it unchanged (so a reverse pass starts at the sample's last step) and Y is 0 there.
     */
    private static Tensor alive(long[] lengths, int t, int batch) {
        float[] m = new float[batch];
        for (int i = 0; i < batch; i++) {
            m[i] = t < lengths[i] ? 1f : 0f;
        }
        return Tensor.of(m, batch, 1);
    }

    /** The new hidden state (and, for LSTM, cell state) from one step's input product xw. */
    private static Tensor[] step(
            OnnxNode n,
            Cell cell,
            List<UnaryOperator<Tensor>> f,
            Tensor xw,
            Tensor h,
            Tensor c,
            Tensor r,
            Tensor rb,
            Tensor peep,
            int hidden) {
        Tensor hr = h.matmul(r.t());
        if (rb != null) {
            hr = hr.add(rb);
        }
        switch (cell) {
            case RNN -> {
                return new Tensor[] {f.get(0).apply(xw.add(hr))};
            }
            case GRU -> {
                Tensor z = f.get(0).apply(gate(xw, 0, hidden).add(gate(hr, 0, hidden)));
                Tensor rr = f.get(0).apply(gate(xw, 1, hidden).add(gate(hr, 1, hidden)));
                Tensor candidate;
                if (n.i("linear_before_reset", 0) != 0) {
                    candidate = gate(xw, 2, hidden).add(rr.mul(gate(hr, 2, hidden)));
                } else {
                    Tensor rh = rr.mul(h).matmul(gate(r, 2, hidden, 0).t());
                    if (rb != null) {
                        rh = rh.add(rb.narrow(0, 2 * hidden, hidden));
                    }
                    candidate = gate(xw, 2, hidden).add(rh);
                }
                Tensor ht = f.get(1).apply(candidate);
                return new Tensor[] {z.neg().add(1f).mul(ht).add(z.mul(h))};
            }
            default -> {
                Tensor gi = gate(xw, 0, hidden).add(gate(hr, 0, hidden));
                Tensor go = gate(xw, 1, hidden).add(gate(hr, 1, hidden));
                Tensor gf = gate(xw, 2, hidden).add(gate(hr, 2, hidden));
                Tensor gc = gate(xw, 3, hidden).add(gate(hr, 3, hidden));
                if (peep != null) {
                    gi = gi.add(peep.narrow(0, 0, hidden).mul(c));
                    gf = gf.add(peep.narrow(0, 2 * hidden, hidden).mul(c));
                }
                Tensor i = f.get(0).apply(gi);
                Tensor fg = f.get(0).apply(gf);
                Tensor ct = fg.mul(c).add(i.mul(f.get(1).apply(gc)));
                if (peep != null) {
                    go = go.add(peep.narrow(0, hidden, hidden).mul(ct));
                }
                Tensor o = f.get(0).apply(go);
                return new Tensor[] {o.mul(f.get(2).apply(ct)), ct};
            }
        }
    }

    /** Gate k of a [batch, gates · hidden] product. */
    private static Tensor gate(Tensor t, int k, int hidden) {
        return t.narrow(1, k * hidden, hidden);
    }

    /** Gate k's rows of a [gates · hidden, ...] weight. */
    private static Tensor gate(Tensor w, int k, int hidden, int dim) {
        return w.narrow(dim, k * hidden, hidden);
    }

    private static List<UnaryOperator<Tensor>> activations(OnnxNode n, Cell cell, int directions) {
        List<UnaryOperator<Tensor>> out = new ArrayList<>();
        var names = n.attribute("activations");
        int per = cell.activations.length;
        for (int d = 0; d < directions; d++) {
            for (int k = 0; k < per; k++) {
                String name = names == null
                        ? cell.activations[k]
                        : names.getStrings(names.getStringsCount() == per * directions ? d * per + k : k)
                                .toStringUtf8();
                out.add(
                        switch (name) {
                            case "Tanh" -> Tensor::tanh;
                            case "Sigmoid" -> Tensor::sigmoid;
                            case "Relu" -> Tensor::relu;
                            default -> throw n.error("activation " + name + " is not supported");
                        });
            }
        }
        return out;
    }
}
