// Max and average pooling over NCHW planes; the formulas match org.grad4j.backend.java.Pooling.
#include <cmath>
#include <cstring>

#include "g4/kernels.h"

namespace {

struct Pool {
    int64_t n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow;

    explicit Pool(const int32_t* g)
        : n(g[G4_POOL_BATCH]), c(g[G4_POOL_CHANNELS]), h(g[G4_POOL_IN_HEIGHT]), w(g[G4_POOL_IN_WIDTH]),
          kh(g[G4_POOL_KERNEL_H]), kw(g[G4_POOL_KERNEL_W]), sh(g[G4_POOL_STRIDE_H]), sw(g[G4_POOL_STRIDE_W]),
          ph(g[G4_POOL_PAD_H]), pw(g[G4_POOL_PAD_W]), dh(g[G4_POOL_DILATION_H]), dw(g[G4_POOL_DILATION_W]),
          oh(g[G4_POOL_OUT_HEIGHT]), ow(g[G4_POOL_OUT_WIDTH]) {}

    bool valid() const {
        return n >= 0 && c >= 0 && kh > 0 && kw > 0 && sh > 0 && sw > 0 && dh > 0 && dw > 0 && ph >= 0 && pw >= 0
               && oh > 0 && ow > 0 && oh == (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1
               && ow == (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
    }
    int64_t planes() const { return n * c; }
};

}  // namespace

extern "C" int g4_f32_maxpool2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, float* y,
                                    int32_t* argmax) {
    Pool p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    for (int64_t plane = 0; plane < p.planes(); plane++) {
        const float* src = x + x_off + plane * p.h * p.w;
        for (int64_t i = 0; i < p.oh; i++) {
            for (int64_t j = 0; j < p.ow; j++) {
                float best = -INFINITY;
                int64_t at = -1;
                bool nan = false;
                for (int64_t a = 0; a < p.kh && !nan; a++) {
                    const int64_t ih = i * p.sh - p.ph + a * p.dh;
                    if (ih < 0 || ih >= p.h) continue;
                    for (int64_t b = 0; b < p.kw; b++) {
                        const int64_t iw = j * p.sw - p.pw + b * p.dw;
                        if (iw < 0 || iw >= p.w) continue;
                        const float v = src[ih * p.w + iw];
                        if (at < 0 || v > best || std::isnan(v)) {
                            best = v;
                            at = ih * p.w + iw;
                            if (std::isnan(v)) {
                                nan = true;
                                break;
                            }
                        }
                    }
                }
                const int64_t out = (plane * p.oh + i) * p.ow + j;
                y[out] = best;
                argmax[out] = static_cast<int32_t>(at);
            }
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_maxpool2d_bwd(const int32_t* geometry, const float* grad_y, const int32_t* argmax,
                                    float* grad_x) {
    Pool p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t plane_in = p.h * p.w, plane_out = p.oh * p.ow;
    std::memset(grad_x, 0, sizeof(float) * p.planes() * plane_in);
    for (int64_t plane = 0; plane < p.planes(); plane++) {
        for (int64_t o = plane * plane_out; o < (plane + 1) * plane_out; o++) {
            if (argmax[o] >= 0) grad_x[plane * plane_in + argmax[o]] += grad_y[o];
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_avgpool2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, float* y) {
    Pool p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const float divisor = static_cast<float>(p.kh * p.kw);
    for (int64_t plane = 0; plane < p.planes(); plane++) {
        const float* src = x + x_off + plane * p.h * p.w;
        for (int64_t i = 0; i < p.oh; i++) {
            for (int64_t j = 0; j < p.ow; j++) {
                float sum = 0.0f;
                for (int64_t a = 0; a < p.kh; a++) {
                    const int64_t ih = i * p.sh - p.ph + a * p.dh;
                    if (ih < 0 || ih >= p.h) continue;
                    for (int64_t b = 0; b < p.kw; b++) {
                        const int64_t iw = j * p.sw - p.pw + b * p.dw;
                        if (iw >= 0 && iw < p.w) sum += src[ih * p.w + iw];
                    }
                }
                y[(plane * p.oh + i) * p.ow + j] = sum / divisor;
            }
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_avgpool2d_bwd(const int32_t* geometry, const float* grad_y, float* grad_x) {
    Pool p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const float divisor = static_cast<float>(p.kh * p.kw);
    std::memset(grad_x, 0, sizeof(float) * p.planes() * p.h * p.w);
    for (int64_t plane = 0; plane < p.planes(); plane++) {
        float* dst = grad_x + plane * p.h * p.w;
        for (int64_t i = 0; i < p.oh; i++) {
            for (int64_t j = 0; j < p.ow; j++) {
                const float share = grad_y[(plane * p.oh + i) * p.ow + j] / divisor;
                for (int64_t a = 0; a < p.kh; a++) {
                    const int64_t ih = i * p.sh - p.ph + a * p.dh;
                    if (ih < 0 || ih >= p.h) continue;
                    for (int64_t b = 0; b < p.kw; b++) {
                        const int64_t iw = j * p.sw - p.pw + b * p.dw;
                        if (iw >= 0 && iw < p.w) dst[ih * p.w + iw] += share;
                    }
                }
            }
        }
    }
    return G4_OK;
}
