// Fused kernels: bias + activation, softmax and cross-entropy, optimizer steps. The formulas
// match org.grad4j.internal.backend.java.Fused.
#include <algorithm>
#include <cmath>

#include "internal.h"
#include "parallel.h"

extern "C" int g4_f32_bias_activation(int act, float alpha, const float* x, int64_t x_off, const float* bias,
                                      int64_t bias_off, int64_t rows, int64_t cols, float* y, int64_t y_off) {
    if (act >= G4_UNARY_COUNT || rows < 0 || cols < 0) return G4_INVALID_ARGUMENT;
    const auto& kernels = g4::elementwise();
    g4::parallel_for(rows, g4::items_grain(cols), [&](int, int64_t first, int64_t last) {
        for (int64_t r = first; r < last; r++) {
            kernels.bias_activation(act, alpha, x + x_off + r * cols, bias + bias_off, y + y_off + r * cols, cols);
        }
    });
    return G4_OK;
}

namespace {

// Lines of a softmax per part: each element costs a double exp, so parts are shorter than for
// plain element-wise loops.
int64_t line_grain(int64_t size) {
    return g4::items_grain(8 * size);
}

}  // namespace

extern "C" int g4_f32_softmax(int log, const float* x, int64_t x_off, int64_t outer, int64_t size, int64_t inner,
                              float* y, int64_t y_off) {
    if (outer < 0 || size < 0 || inner < 0) return G4_INVALID_ARGUMENT;
    g4::parallel_for(outer * inner, line_grain(size), [&](int, int64_t first, int64_t last) {
        for (int64_t line = first; line < last; line++) {
            const int64_t base = (line / inner) * size * inner + line % inner;
            const float* in = x + x_off + base;
            float* out = y + y_off + base;
            float max = -INFINITY;
            for (int64_t i = 0; i < size; i++) max = std::fmax(max, in[i * inner]);
            double sum = 0;
            for (int64_t i = 0; i < size; i++) sum += std::exp(static_cast<double>(in[i * inner] - max));
            const float log_sum = static_cast<float>(std::log(sum));
            for (int64_t i = 0; i < size; i++) {
                const float shifted = in[i * inner] - max;
                out[i * inner] =
                    log ? shifted - log_sum : static_cast<float>(std::exp(static_cast<double>(shifted)) / sum);
            }
        }
    });
    return G4_OK;
}

extern "C" int g4_f32_softmax_bwd(int log, const float* y, int64_t y_off, const float* grad_y, int64_t grad_y_off,
                                  int64_t outer, int64_t size, int64_t inner, float* grad_x, int64_t grad_x_off) {
    if (outer < 0 || size < 0 || inner < 0) return G4_INVALID_ARGUMENT;
    g4::parallel_for(outer * inner, line_grain(size), [&](int, int64_t first, int64_t last) {
        for (int64_t line = first; line < last; line++) {
            const int64_t base = (line / inner) * size * inner + line % inner;
            const float* yy = y + y_off + base;
            const float* g = grad_y + grad_y_off + base;
            float* gx = grad_x + grad_x_off + base;
            double dot = 0;
            for (int64_t i = 0; i < size; i++) {
                dot += log ? g[i * inner] : static_cast<double>(g[i * inner]) * yy[i * inner];
            }
            for (int64_t i = 0; i < size; i++) {
                const int64_t at = i * inner;
                gx[at] = log ? static_cast<float>(g[at] - std::exp(static_cast<double>(yy[at])) * dot)
                             : static_cast<float>(yy[at] * (g[at] - dot));
            }
        }
    });
    return G4_OK;
}

extern "C" int g4_f32_cross_entropy(const float* logits, int64_t logits_off, int64_t rows, int64_t classes,
                                    const int32_t* targets, float* loss, float* log_sum_exp) {
    if (rows < 0 || classes <= 0) return G4_INVALID_ARGUMENT;
    for (int64_t r = 0; r < rows; r++) {
        if (targets[r] < 0 || targets[r] >= classes) return G4_INVALID_ARGUMENT;
        const float* x = logits + logits_off + r * classes;
        float max = -INFINITY;
        for (int64_t j = 0; j < classes; j++) max = std::fmax(max, x[j]);
        double sum = 0;
        for (int64_t j = 0; j < classes; j++) sum += std::exp(static_cast<double>(x[j] - max));
        const float lse = static_cast<float>(max + std::log(sum));
        log_sum_exp[r] = lse;
        loss[r] = lse - x[targets[r]];
    }
    return G4_OK;
}

extern "C" int g4_f32_cross_entropy_bwd(const float* logits, int64_t logits_off, int64_t rows, int64_t classes,
                                        const int32_t* targets, const float* log_sum_exp, const float* grad_loss,
                                        float* grad_logits) {
    if (rows < 0 || classes <= 0) return G4_INVALID_ARGUMENT;
    for (int64_t r = 0; r < rows; r++) {
        if (targets[r] < 0 || targets[r] >= classes) return G4_INVALID_ARGUMENT;
        const float* x = logits + logits_off + r * classes;
        float* gx = grad_logits + r * classes;
        const float g = grad_loss[r];
        for (int64_t j = 0; j < classes; j++) {
            gx[j] = g * static_cast<float>(std::exp(static_cast<double>(x[j] - log_sum_exp[r])));
        }
        gx[targets[r]] -= g;
    }
    return G4_OK;
}

extern "C" int g4_f32_sgd_step(float* param, int64_t param_off, const float* grad, int64_t grad_off,
                               float* momentum_buffer, int64_t n, float lr, float momentum, float dampening,
                               float weight_decay, int nesterov, int first_step) {
    if (n < 0) return G4_INVALID_ARGUMENT;
    const auto& kernels = g4::elementwise();
    g4::parallel_for(n, g4::kElementwiseGrain, [&](int, int64_t begin, int64_t end) {
        float* buf = momentum == 0.0f ? momentum_buffer : momentum_buffer + begin;  // unused without momentum
        kernels.sgd(param + param_off + begin, grad + grad_off + begin, buf, end - begin, lr, momentum, dampening,
                    weight_decay, nesterov, first_step);
    });
    return G4_OK;
}

extern "C" int g4_f32_adam_step(float* param, int64_t param_off, const float* grad, int64_t grad_off, float* m,
                                float* v, int64_t n, float lr, float beta1, float beta2, float eps, float weight_decay,
                                int32_t step, int decoupled) {
    if (n < 0 || step < 1) return G4_INVALID_ARGUMENT;
    const float c1 = static_cast<float>(1.0 - std::pow(static_cast<double>(beta1), step));
    const float sqrt_c2 = static_cast<float>(std::sqrt(1.0 - std::pow(static_cast<double>(beta2), step)));
    const auto& kernels = g4::elementwise();
    g4::parallel_for(n, g4::kElementwiseGrain, [&](int, int64_t begin, int64_t end) {
        kernels.adam(param + param_off + begin, grad + grad_off + begin, m + begin, v + begin, end - begin, lr, beta1,
                     beta2, eps, weight_decay, lr / c1, sqrt_c2, decoupled);
    });
    return G4_OK;
}
