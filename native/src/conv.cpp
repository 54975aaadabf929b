// 2-D convolution as im2col + OpenBLAS sgemm, one image and group at a time; the column
// matrix [C/groups * KH * KW, OH * OW] lives in the caller's work space.
#include <cblas.h>

#include <cstring>

#include "g4/kernels.h"

namespace {

struct Conv {
    int64_t n, c, h, w, o, kh, kw, sh, sw, ph, pw, dh, dw, groups, oh, ow;

    explicit Conv(const int32_t* g)
        : n(g[G4_CONV_BATCH]), c(g[G4_CONV_IN_CHANNELS]), h(g[G4_CONV_IN_HEIGHT]), w(g[G4_CONV_IN_WIDTH]),
          o(g[G4_CONV_OUT_CHANNELS]), kh(g[G4_CONV_KERNEL_H]), kw(g[G4_CONV_KERNEL_W]), sh(g[G4_CONV_STRIDE_H]),
          sw(g[G4_CONV_STRIDE_W]), ph(g[G4_CONV_PAD_H]), pw(g[G4_CONV_PAD_W]), dh(g[G4_CONV_DILATION_H]),
          dw(g[G4_CONV_DILATION_W]), groups(g[G4_CONV_GROUPS]), oh(g[G4_CONV_OUT_HEIGHT]), ow(g[G4_CONV_OUT_WIDTH]) {}

    bool valid() const {
        return n >= 0 && c > 0 && o > 0 && groups > 0 && c % groups == 0 && o % groups == 0 && kh > 0 && kw > 0
               && sh > 0 && sw > 0 && dh > 0 && dw > 0 && ph >= 0 && pw >= 0 && oh > 0 && ow > 0
               && oh == (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1 && ow == (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
    }

    int64_t cg() const { return c / groups; }
    int64_t og() const { return o / groups; }
    int64_t rows() const { return cg() * kh * kw; }
    int64_t cols() const { return oh * ow; }
};

void im2col(const Conv& p, const float* x, float* col) {
    for (int64_t ch = 0; ch < p.cg(); ch++) {
        for (int64_t i = 0; i < p.kh; i++) {
            for (int64_t j = 0; j < p.kw; j++) {
                for (int64_t y = 0; y < p.oh; y++) {
                    const int64_t ih = y * p.sh - p.ph + i * p.dh;
                    if (ih < 0 || ih >= p.h) {
                        std::memset(col, 0, sizeof(float) * p.ow);
                        col += p.ow;
                        continue;
                    }
                    const float* row = x + (ch * p.h + ih) * p.w;
                    for (int64_t xo = 0; xo < p.ow; xo++) {
                        const int64_t iw = xo * p.sw - p.pw + j * p.dw;
                        *col++ = iw >= 0 && iw < p.w ? row[iw] : 0.0f;
                    }
                }
            }
        }
    }
}

void col2im(const Conv& p, const float* col, float* x) {
    for (int64_t ch = 0; ch < p.cg(); ch++) {
        for (int64_t i = 0; i < p.kh; i++) {
            for (int64_t j = 0; j < p.kw; j++) {
                for (int64_t y = 0; y < p.oh; y++) {
                    const int64_t ih = y * p.sh - p.ph + i * p.dh;
                    if (ih < 0 || ih >= p.h) {
                        col += p.ow;
                        continue;
                    }
                    float* row = x + (ch * p.h + ih) * p.w;
                    for (int64_t xo = 0; xo < p.ow; xo++, col++) {
                        const int64_t iw = xo * p.sw - p.pw + j * p.dw;
                        if (iw >= 0 && iw < p.w) row[iw] += *col;
                    }
                }
            }
        }
    }
}

}  // namespace

extern "C" int64_t g4_f32_conv2d_workspace_size(const int32_t* geometry) {
    Conv p(geometry);
    return p.valid() ? p.rows() * p.cols() : -1;
}

extern "C" int g4_f32_conv2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, const float* w,
                                 int64_t w_off, float* y, int64_t y_off, float* workspace) {
    Conv p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t rows = p.rows(), cols = p.cols();
    for (int64_t img = 0; img < p.n; img++) {
        for (int64_t g = 0; g < p.groups; g++) {
            im2col(p, x + x_off + (img * p.c + g * p.cg()) * p.h * p.w, workspace);
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, p.og(), cols, rows, 1.0f,
                        w + w_off + g * p.og() * rows, rows, workspace, cols, 0.0f,
                        y + y_off + (img * p.o + g * p.og()) * cols, cols);
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_conv2d_bwd_data(const int32_t* geometry, const float* grad_y, int64_t grad_y_off,
                                      const float* w, int64_t w_off, float* grad_x, int64_t grad_x_off,
                                      float* workspace) {
    Conv p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t rows = p.rows(), cols = p.cols();
    std::memset(grad_x + grad_x_off, 0, sizeof(float) * p.n * p.c * p.h * p.w);
    for (int64_t img = 0; img < p.n; img++) {
        for (int64_t g = 0; g < p.groups; g++) {
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, rows, cols, p.og(), 1.0f,
                        w + w_off + g * p.og() * rows, rows, grad_y + grad_y_off + (img * p.o + g * p.og()) * cols,
                        cols, 0.0f, workspace, cols);
            col2im(p, workspace, grad_x + grad_x_off + (img * p.c + g * p.cg()) * p.h * p.w);
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_conv2d_bwd_weight(const int32_t* geometry, const float* x, int64_t x_off,
                                        const float* grad_y, int64_t grad_y_off, float* grad_w, int64_t grad_w_off,
                                        float* workspace) {
    Conv p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t rows = p.rows(), cols = p.cols();
    std::memset(grad_w + grad_w_off, 0, sizeof(float) * p.o * rows);
    for (int64_t img = 0; img < p.n; img++) {
        for (int64_t g = 0; g < p.groups; g++) {
            im2col(p, x + x_off + (img * p.c + g * p.cg()) * p.h * p.w, workspace);
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, p.og(), rows, cols, 1.0f,
                        grad_y + grad_y_off + (img * p.o + g * p.og()) * cols, cols, workspace, cols, 1.0f,
                        grad_w + grad_w_off + g * p.og() * rows, rows);
        }
    }
    return G4_OK;
}
