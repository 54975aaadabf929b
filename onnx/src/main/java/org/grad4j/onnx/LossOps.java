package org.grad4j.onnx;

import static org.grad4j.onnx.ElementwiseOps.floatIn;

import java.util.Map;
import org.grad4j.tensor.Tensor;

/** ONNX's losses: NegativeLogLikelihoodLoss, and SoftmaxCrossEntropyLoss (log-softmax, then the former). */
final class LossOps {
    private LossOps() {}

    static void register(Map<String, OnnxOp> ops) {
        ops.put("NegativeLogLikelihoodLoss", (n, in) ->
                new Value[] {Value.of(nll(n, floatIn(n, in, 0), in[1], weight(n, in)))});
        ops.put("SoftmaxCrossEntropyLoss", (n, in) -> {
            Tensor logProb = floatIn(n, in, 0).logSoftmax(1);
            return new Value[] {Value.of(nll(n, logProb, in[1], weight(n, in))), Value.of(logProb)};
        });
    }

    private static Tensor weight(OnnxNode n, Value[] in) {
        return in.length > 2 && in[2] != null ? floatIn(n, in, 2) : null;
    }

    /**
     * -input[n, target[n, ...], ...] (times the target's weight), 0 where the target is
     * ignore_index; reduced by "none", "sum" or "mean" (the sum over the weights of the targets
     * not ignored).
     */
    private static Tensor nll(OnnxNode n, Tensor input, Value targetValue, Tensor weight) {
        if (input.dim() < 2) {
            throw n.error("input of shape " + java.util.Arrays.toString(input.shape()) + " has no class dim");
        }
        Tensor target = targetValue.tensor(n + " target");
        int classes = input.size(1);
        Tensor keep = Tensor.zeros(target.shape()).add(1f);
        if (n.has("ignore_index")) {
            keep = target.eq((float) n.i("ignore_index", 0)).neg().add(1f);
            // an ignored target may be no class at all: it picks class 0, then counts for nothing
            target = target.mul(keep);
        }
        float[] t = target.toArray();
        for (float c : t) {
            if (c < 0 || c >= classes) {
                throw n.error("target " + c + " is not a class of " + classes);
            }
        }
        Tensor picked = input.gather(1, target.unsqueeze(1)).squeeze(1);
        Tensor w = keep;
        if (weight != null) {
            w = weight.indexSelect(0, target.reshape(target.numel()))
                    .reshape(target.shape())
                    .mul(keep);
        }
        Tensor loss = picked.mul(w).neg();
        String reduction = n.s("reduction", "mean");
        return switch (reduction) {
            case "none" -> loss;
            case "sum" -> loss.sum();
            case "mean" -> loss.sum().div(w.sum());
            default -> throw n.error("reduction '" + reduction + "'");
        };
    }
}
