// Fused kernels against double references: bias + activation, softmax, cross-entropy, SGD, Adam.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "check.h"
#include "g4/kernels.h"

using g4test::close;
using g4test::random;

namespace {

void bias_activation(const std::string& isa) {
    const int64_t rows = 5, cols = 37;
    auto x = random(rows * cols, 51, -3, 3);
    auto b = random(cols + 1, 52);
    const int acts[] = {-1, G4_UNARY_TANH, G4_UNARY_SIGMOID, G4_UNARY_LEAKY_RELU};
    for (int act : acts) {
        std::vector<float> y(rows * cols);
        g4_f32_bias_activation(act, 0.1f, x.data(), 0, b.data(), 1, rows, cols, y.data(), 0);
        std::vector<double> ref(y.size());
        for (int64_t r = 0; r < rows; r++) {
            for (int64_t j = 0; j < cols; j++) {
                const double z = static_cast<double>(x[r * cols + j]) + b[1 + j];
                double v = z;
                if (act == G4_UNARY_TANH) v = std::tanh(z);
                if (act == G4_UNARY_SIGMOID) v = 1 / (1 + std::exp(-z));
                if (act == G4_UNARY_LEAKY_RELU) v = z > 0 ? z : 0.1 * z;
                ref[r * cols + j] = v;
            }
        }
        close(isa + " bias_activation act=" + std::to_string(act), y.data(), ref.data(), ref.size(), 1e-5, 1e-6);
    }
}

void softmax_and_cross_entropy() {
    const int64_t outer = 3, size = 11, inner = 4;
    auto x = random(outer * size * inner, 53, -5, 5);
    x[0] = 1000.0f;
    x[inner] = -1000.0f;
    auto g = random(x.size(), 54);
    for (int log = 0; log < 2; log++) {
        std::vector<float> y(x.size()), gx(x.size());
        g4_f32_softmax(log, x.data(), 0, outer, size, inner, y.data(), 0);
        g4_f32_softmax_bwd(log, y.data(), 0, g.data(), 0, outer, size, inner, gx.data(), 0);
        std::vector<double> ry(x.size()), rgx(x.size());
        for (int64_t o = 0; o < outer; o++) {
            for (int64_t j = 0; j < inner; j++) {
                double max = -INFINITY, sum = 0, dot = 0;
                for (int64_t i = 0; i < size; i++) max = std::fmax(max, x[(o * size + i) * inner + j]);
                for (int64_t i = 0; i < size; i++) sum += std::exp(x[(o * size + i) * inner + j] - max);
                for (int64_t i = 0; i < size; i++) {
                    const int64_t at = (o * size + i) * inner + j;
                    const double p = std::exp(x[at] - max) / sum;
                    ry[at] = log ? x[at] - max - std::log(sum) : p;
                    dot += log ? g[at] : g[at] * p;
                }
                for (int64_t i = 0; i < size; i++) {
                    const int64_t at = (o * size + i) * inner + j;
                    const double p = std::exp(x[at] - max) / sum;
                    rgx[at] = log ? g[at] - p * dot : p * (g[at] - dot);
                }
            }
        }
        close(log ? "log_softmax" : "softmax", y.data(), ry.data(), ry.size(), 1e-5, 1e-6);
        close(log ? "log_softmax backward" : "softmax backward", gx.data(), rgx.data(), rgx.size(), 1e-4, 1e-5);
    }
    const int64_t rows = 6, classes = 10;
    auto logits = random(rows * classes, 55, -4, 4);
    logits[3] = 500.0f;
    const int32_t targets[] = {3, 0, 9, 5, 5, 1};
    auto grad_loss = random(rows, 56);
    std::vector<float> loss(rows), lse(rows), grad(rows * classes);
    g4_f32_cross_entropy(logits.data(), 0, rows, classes, targets, loss.data(), lse.data());
    g4_f32_cross_entropy_bwd(logits.data(), 0, rows, classes, targets, lse.data(), grad_loss.data(), grad.data());
    std::vector<double> rloss(rows), rgrad(rows * classes);
    for (int64_t r = 0; r < rows; r++) {
        double max = -INFINITY, sum = 0;
        for (int64_t j = 0; j < classes; j++) max = std::fmax(max, logits[r * classes + j]);
        for (int64_t j = 0; j < classes; j++) sum += std::exp(logits[r * classes + j] - max);
        rloss[r] = max + std::log(sum) - logits[r * classes + targets[r]];
        for (int64_t j = 0; j < classes; j++) {
            rgrad[r * classes + j] = grad_loss[r] * (std::exp(logits[r * classes + j] - max) / sum - (j == targets[r]));
        }
    }
    close("cross_entropy", loss.data(), rloss.data(), rows, 1e-5, 1e-5);
    close("cross_entropy backward", grad.data(), rgrad.data(), rgrad.size(), 1e-5, 1e-6);
    const int32_t bad[] = {10};
    g4test::expect(
        g4_f32_cross_entropy(logits.data(), 0, 1, classes, bad, loss.data(), lse.data()) == G4_INVALID_ARGUMENT,
        "cross_entropy rejects a target out of range");
}

void optimizers(const std::string& isa) {
    const int64_t n = 41;
    for (int variant = 0; variant < 4; variant++) {
        auto p = random(n, 57), g = random(n, 58), buf = random(n, 59);
        std::vector<double> rp(p.begin(), p.end()), rbuf(buf.begin(), buf.end());
        const float lr = 0.1f, momentum = variant == 0 ? 0.0f : 0.9f, dampening = variant == 3 ? 0.1f : 0.0f,
                    wd = 0.01f;
        const int nesterov = variant == 2, first = variant == 1;
        g4_f32_sgd_step(p.data(), 0, g.data(), 0, buf.data(), n, lr, momentum, dampening, wd, nesterov, first);
        for (int64_t i = 0; i < n; i++) {
            double d = g[i] + wd * rp[i];
            if (momentum != 0) {
                rbuf[i] = first ? d : momentum * rbuf[i] + (1 - dampening) * d;
                d = nesterov ? d + momentum * rbuf[i] : rbuf[i];
            }
            rp[i] -= lr * d;
        }
        close(isa + " sgd variant " + std::to_string(variant), p.data(), rp.data(), n, 1e-5, 1e-6);
    }
    for (int decoupled = 0; decoupled < 2; decoupled++) {
        auto p = random(n, 60), m = random(n, 61), v = random(n, 62, 0, 1);
        std::vector<double> rp(p.begin(), p.end()), rm(m.begin(), m.end()), rv(v.begin(), v.end());
        const float lr = 1e-3f, b1 = 0.9f, b2 = 0.999f, eps = 1e-8f, wd = 0.01f;
        const int step = 3;
        for (int s = 0; s < 2; s++) {
            auto g = random(n, 63 + s);
            g4_f32_adam_step(p.data(), 0, g.data(), 0, m.data(), v.data(), n, lr, b1, b2, eps, wd, step + s, decoupled);
            const double c1 = 1 - std::pow(b1, step + s), c2 = 1 - std::pow(b2, step + s);
            for (int64_t i = 0; i < n; i++) {
                double d = g[i];
                if (decoupled)
                    rp[i] -= lr * wd * rp[i];
                else
                    d += wd * rp[i];
                rm[i] = b1 * rm[i] + (1 - b1) * d;
                rv[i] = b2 * rv[i] + (1 - b2) * d * d;
                rp[i] -= lr * (rm[i] / c1) / (std::sqrt(rv[i] / c2) + eps);
            }
        }
        close(isa + (decoupled ? " adamw" : " adam"), p.data(), rp.data(), n, 1e-5, 1e-6);
    }
}

// Moments of a weight whose gradient stays 0 decay to exactly 0, never stopping at a denormal
// (arithmetic on denormals needs the CPU's slow microcode assists).
void optimizer_moments_skip_denormals(const std::string& isa) {
    const int64_t n = 37;  // a vector and a tail
    std::vector<float> p(n, 0.5f), g(n, 0.0f), m(n, 1e-37f), v(n, 1.2e-38f), buf(n, 1e-37f);
    const auto normal_or_zero = [](const std::vector<float>& x) {
        return std::all_of(x.begin(), x.end(), [](float e) { return e == 0.0f || std::fabs(e) >= FLT_MIN; });
    };
    bool clean = true;
    for (int step = 1; step <= 40; step++) {
        g4_f32_adam_step(p.data(), 0, g.data(), 0, m.data(), v.data(), n, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.0f, step, 0);
        g4_f32_sgd_step(p.data(), 0, g.data(), 0, buf.data(), n, 0.1f, 0.9f, 0.0f, 0.0f, 0, 0);
        clean = clean && normal_or_zero(m) && normal_or_zero(v) && normal_or_zero(buf);
    }
    g4test::expect(clean, isa + " optimizer moments are normal numbers or 0 at every step");
    g4test::expect(normal_or_zero(m) && m[0] == 0.0f && v[n - 1] == 0.0f && buf[n - 1] == 0.0f,
                   isa + " optimizer moments of a zero gradient reach 0");
}

}  // namespace

int main() {
    g4test::for_each_isa("fused", [&](const char* isa) {
        bias_activation(isa);
        optimizers(isa);
        optimizer_moments_skip_denormals(isa);
    });
    softmax_and_cross_entropy();
    return g4test::finish("fused");
}
