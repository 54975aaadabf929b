package org.grad4j.optim;

import org.grad4j.autograd.GradMode;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/** Gradient clipping, as {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. */
public final class ClipGrad {
    private ClipGrad() {}

    /**
     * Scales all gradients together so their 2-norm is at most maxNorm.
     *
     * @param params the tensors whose gradients to clip (those without one are skipped)
     * @param maxNorm the largest total norm, &gt;= 0
     * @return the total norm before clipping
     */
    public static double clipGradNorm(Iterable<? extends Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2, false);
    }

    /**
     * Scales all gradients together so their total {@code normType}-norm (any p > 0, or
     * {@code Double.POSITIVE_INFINITY} for the largest magnitude) is at most maxNorm, by
     * maxNorm / (norm + 1e-6) when that is below 1. Returns the total norm before clipping. With
     * {@code errorIfNonfinite}, a NaN or infinite norm is an exception instead of NaN gradients.
     *
     * @param params the tensors whose gradients to clip (those without one are skipped)
     * @param maxNorm the largest total norm, &gt;= 0
     * @param normType p of the p-norm, &gt; 0 or infinity
     * @param errorIfNonfinite whether a NaN or infinite total norm throws
     * @return the total norm before clipping
     * @throws IllegalArgumentException for a bad maxNorm or normType, or a non-finite norm when asked
     */
    public static double clipGradNorm(
            Iterable<? extends Tensor> params, double maxNorm, double normType, boolean errorIfNonfinite) {
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clipGradNorm: normType must be > 0, got " + normType);
        }
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("clipGradNorm: maxNorm must be >= 0, got " + maxNorm);
        }
        double total = 0;
        try (Scope ignored = GradMode.noGrad()) {
            for (Tensor p : params) {
                if (p.grad() == null) {
                    continue;
                }
                Tensor abs = p.grad().abs();
                if (Double.isInfinite(normType)) {
                    total = Math.max(
                            total, p.grad().numel() == 0 ? 0 : abs.max().item());
                } else {
                    total += normType == 2
                            ? abs.square().sum().item()
                            : abs.pow((float) normType).sum().item();
                }
            }
            total = Double.isInfinite(normType) ? total : Math.pow(total, 1 / normType);
            if (errorIfNonfinite && !Double.isFinite(total)) {
                throw new IllegalStateException("clipGradNorm: the total norm of order " + normType
                        + " of the gradients is " + total + "; set errorIfNonfinite to false to clip anyway");
            }
            double coefficient = maxNorm / (total + 1e-6);
            if (coefficient < 1) {
                for (Tensor p : params) {
                    if (p.grad() != null) {
                        p.grad().mul_((float) coefficient);
                    }
                }
            }
        }
        return total;
    }

    /**
     * Clamps every gradient element into [-clipValue, clipValue].
     *
     * @param params the tensors whose gradients to clip (those without one are skipped)
     * @param clipValue the largest magnitude, &gt;= 0
     */
    public static void clipGradValue(Iterable<? extends Tensor> params, double clipValue) {
        if (!(clipValue >= 0)) {
            throw new IllegalArgumentException("clipGradValue: clipValue must be >= 0, got " + clipValue);
        }
        try (Scope ignored = GradMode.noGrad()) {
            for (Tensor p : params) {
                if (p.grad() != null) {
                    p.grad().copy_(p.grad().clamp((float) -clipValue, (float) clipValue));
                }
            }
        }
    }
}
