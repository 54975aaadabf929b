// Max and average pooling over NCHW planes; the formulas match
// org.grad4j.internal.backend.java.Pooling.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "g4/kernels.h"
#include "internal.h"
#include "parallel.h"

namespace {

struct Pool {
    int64_t n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow;

    explicit Pool(const int32_t* g)
        : n(g[G4_POOL_BATCH]),
          c(g[G4_POOL_CHANNELS]),
          h(g[G4_POOL_IN_HEIGHT]),
          w(g[G4_POOL_IN_WIDTH]),
          kh(g[G4_POOL_KERNEL_H]),
          kw(g[G4_POOL_KERNEL_W]),
          sh(g[G4_POOL_STRIDE_H]),
          sw(g[G4_POOL_STRIDE_W]),
          ph(g[G4_POOL_PAD_H]),
          pw(g[G4_POOL_PAD_W]),
          dh(g[G4_POOL_DILATION_H]),
          dw(g[G4_POOL_DILATION_W]),
          oh(g[G4_POOL_OUT_HEIGHT]),
          ow(g[G4_POOL_OUT_WIDTH]) {}

    bool valid() const {
        return n >= 0 && c >= 0 && h > 0 && w > 0 && kh > 0 && kw > 0 && sh > 0 && sw > 0 && dh > 0 && dw > 0 &&
               ph >= 0 && pw >= 0 && oh > 0 && ow > 0 && oh == (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1 &&
               ow == (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
    }
    int64_t planes() const { return n * c; }

    // body(plane) for every plane, planes split over the pool.
    template <typename Body>
    void for_planes(const Body& body) const {
        const int64_t grain = g4::items_grain(h * w);
        g4::parallel_for(planes(), grain, [&](int, int64_t first, int64_t last) {
            for (int64_t plane = first; plane < last; plane++) body(plane);
        });
    }
};

// The kernel taps [first, end) of one window along one axis whose positions start + tap * dilation
// lie in [0, size): the window clamped to the input, so that a huge kernel over a small padded
// input costs only the taps that land inside it. Empty when none does.
struct Taps {
    int64_t first, end;
    Taps(int64_t start, int64_t dilation, int64_t kernel, int64_t size) {
        first = std::min(kernel, start < 0 ? (-start + dilation - 1) / dilation : int64_t{0});
        end = std::max(first, start >= size ? int64_t{0} : std::min(kernel, (size - 1 - start) / dilation + 1));
    }
};

Taps rows(const Pool& p, int64_t i) {
    return Taps(i * p.sh - p.ph, p.dh, p.kh, p.h);
}
Taps cols(const Pool& p, int64_t j) {
    return Taps(j * p.sw - p.pw, p.dw, p.kw, p.w);
}

// The maximum of one window and its flat position in the plane; the first NaN wins, as in
// PyTorch. Without padding every window lies inside the plane, so the loop needs no bounds
// checks and no data-dependent branches. KH = KW = 0 means the sizes and dilation come from p
// (the only instantiation: the 2 x 2, stride-2 case has max_pool_row_2x2), else they are KH x KW with
// dilation 1.
template <int KH, int KW>
float window_max_inside(const Pool& p, const float* src, int64_t i, int64_t j, int32_t* argmax) {
    const int64_t kh = KH ? KH : p.kh, kw = KW ? KW : p.kw, dh = KH ? 1 : p.dh, dw = KW ? 1 : p.dw, w = p.w;
    const int64_t first = (i * p.sh) * w + j * p.sw;
    float best = src[first];
    int64_t at = first;
    bool nan = false;
    for (int64_t a = 0; a < kh; a++) {
        for (int64_t b = 0; b < kw; b++) {
            const int64_t idx = first + a * dh * w + b * dw;
            const float v = src[idx];
            nan |= v != v;
            const bool greater = v > best;
            best = greater ? v : best;
            at = greater ? idx : at;
        }
    }
    if (nan) {
        for (int64_t a = 0; a < kh; a++) {
            for (int64_t b = 0; b < kw; b++) {
                const int64_t idx = first + a * dh * w + b * dw;
                if (src[idx] != src[idx]) {
                    *argmax = static_cast<int32_t>(idx);
                    return src[idx];
                }
            }
        }
    }
    *argmax = static_cast<int32_t>(at);
    return best;
}

float window_max_padded(const Pool& p, const float* src, int64_t i, int64_t j, int32_t* argmax) {
    float best = -INFINITY;
    int64_t at = -1;
    const Taps r = rows(p, i), c = cols(p, j);
    for (int64_t a = r.first; a < r.end; a++) {
        const int64_t ih = i * p.sh - p.ph + a * p.dh;
        for (int64_t b = c.first; b < c.end; b++) {
            const int64_t iw = j * p.sw - p.pw + b * p.dw;
            const float v = src[ih * p.w + iw];
            if (at < 0 || v > best || (v != v && best == best)) {
                best = v;
                at = ih * p.w + iw;
            }
        }
    }
    *argmax = static_cast<int32_t>(at);
    return best;
}

}  // namespace

extern "C" int g4_f32_maxpool2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, float* y, int32_t* argmax) {
    Pool p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const bool inside = p.ph == 0 && p.pw == 0;
    const bool two = inside && p.kh == 2 && p.kw == 2 && p.sh == 2 && p.sw == 2 && p.dh == 1 && p.dw == 1;
    const auto window = inside ? window_max_inside<0, 0> : window_max_padded;
    const g4::ElementwiseKernels& kernels = g4::elementwise();
    p.for_planes([&](int64_t plane) {
        const float* src = x + x_off + plane * p.h * p.w;
        for (int64_t i = 0; i < p.oh; i++) {
            const int64_t row = (plane * p.oh + i) * p.ow;
            const float* r0 = src + 2 * i * p.w;
            if (!two || !kernels.max_pool_row_2x2(r0, r0 + p.w, p.ow, static_cast<int32_t>(2 * i * p.w),
                                                  static_cast<int32_t>(p.w), y + row, argmax + row)) {
                for (int64_t j = 0; j < p.ow; j++) y[row + j] = window(p, src, i, j, argmax + row + j);
            }
        }
    });
    return G4_OK;
}

extern "C" int g4_f32_maxpool2d_bwd(const int32_t* geometry, const float* grad_y, const int32_t* argmax,
                                    float* grad_x) {
    Pool p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t plane_in = p.h * p.w, plane_out = p.oh * p.ow;
    p.for_planes([&](int64_t plane) {
        float* dst = grad_x + plane * plane_in;
        std::memset(dst, 0, sizeof(float) * plane_in);
        for (int64_t o = plane * plane_out; o < (plane + 1) * plane_out; o++) {
            if (argmax[o] >= 0) dst[argmax[o]] += grad_y[o];
        }
    });
    return G4_OK;
}

extern "C" int g4_f32_avgpool2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, float* y) {
    Pool p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const float divisor = static_cast<float>(p.kh * p.kw);
    p.for_planes([&](int64_t plane) {
        const float* src = x + x_off + plane * p.h * p.w;
        for (int64_t i = 0; i < p.oh; i++) {
            for (int64_t j = 0; j < p.ow; j++) {
                float sum = 0.0f;
                const Taps r = rows(p, i), c = cols(p, j);
                for (int64_t a = r.first; a < r.end; a++) {
                    const int64_t ih = i * p.sh - p.ph + a * p.dh;
                    for (int64_t b = c.first; b < c.end; b++) sum += src[ih * p.w + j * p.sw - p.pw + b * p.dw];
                }
                y[(plane * p.oh + i) * p.ow + j] = sum / divisor;
            }
        }
    });
    return G4_OK;
}

extern "C" int g4_f32_avgpool2d_bwd(const int32_t* geometry, const float* grad_y, float* grad_x) {
    Pool p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const float divisor = static_cast<float>(p.kh * p.kw);
    p.for_planes([&](int64_t plane) {
        float* dst = grad_x + plane * p.h * p.w;
        std::memset(dst, 0, sizeof(float) * p.h * p.w);
        for (int64_t i = 0; i < p.oh; i++) {
            for (int64_t j = 0; j < p.ow; j++) {
                const float share = grad_y[(plane * p.oh + i) * p.ow + j] / divisor;
                const Taps r = rows(p, i), c = cols(p, j);
                for (int64_t a = r.first; a < r.end; a++) {
                    const int64_t ih = i * p.sh - p.ph + a * p.dh;
                    for (int64_t b = c.first; b < c.end; b++) dst[ih * p.w + j * p.sw - p.pw + b * p.dw] += share;
                }
            }
        }
    });
    return G4_OK;
}
