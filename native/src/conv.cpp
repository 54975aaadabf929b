// 2-D convolution as im2col + OpenBLAS sgemm. Images go in chunks: the columns of a chunk's
// images sit side by side, so one GEMM of width chunk * OH * OW replaces a narrow GEMM per image.
// The caller's work space holds a chunk's columns [rows, chunk * cols] and its output or
// gradient in the same side-by-side layout [O / groups, chunk * cols].
#include <cblas.h>

#include <algorithm>
#include <cstring>

#include "g4/kernels.h"

namespace {

// Work-space budget per call, in floats; a chunk holds as many images as fit (at least one).
constexpr int64_t kWorkspaceFloats = int64_t{1} << 19;

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
    int64_t chunk() const { return std::max<int64_t>(1, std::min(n, kWorkspaceFloats / (cols() * (rows() + og())))); }
    int64_t workspace() const { return chunk() * cols() * (rows() + og()); }
    // Offsets of image img, group g in x (or grad_x) and in y (or grad_y).
    int64_t x_at(int64_t img, int64_t g) const { return (img * c + g * cg()) * h * w; }
    int64_t y_at(int64_t img, int64_t g) const { return (img * o + g * og()) * cols(); }
};

// Output columns [lo, hi) of a kernel column at offset `shift` (= j * dilation - pad) read inside
// the input row: iw = x * stride + shift in [0, w). Outside that range the column sees padding.
struct Span {
    int64_t lo, hi;
    Span(int64_t out, int64_t stride, int64_t shift, int64_t width) {
        lo = shift >= 0 ? 0 : std::min(out, (-shift + stride - 1) / stride);
        hi = width - shift <= 0 ? 0 : std::min(out, (width - shift - 1) / stride + 1);
        hi = std::max(lo, hi);
    }
};

// Column row r = (channel, i, j) of one image, written at col + r * ld.
void im2col(const Conv& p, const float* x, float* col, int64_t ld) {
    for (int64_t r = 0; r < p.rows(); r++) {
        const int64_t ch = r / (p.kh * p.kw), i = r / p.kw % p.kh, j = r % p.kw;
        const int64_t shift = j * p.dw - p.pw;
        const Span s(p.ow, p.sw, shift, p.w);
        float* out = col + r * ld;
        for (int64_t y = 0; y < p.oh; y++, out += p.ow) {
            const int64_t ih = y * p.sh - p.ph + i * p.dh;
            if (ih < 0 || ih >= p.h) {
                std::memset(out, 0, sizeof(float) * p.ow);
                continue;
            }
            const float* row = x + (ch * p.h + ih) * p.w + shift;
            std::memset(out, 0, sizeof(float) * s.lo);
            if (p.sw == 1) {
                std::memcpy(out + s.lo, row + s.lo, sizeof(float) * (s.hi - s.lo));
            } else {
                for (int64_t xo = s.lo; xo < s.hi; xo++) out[xo] = row[xo * p.sw];
            }
            std::memset(out + s.hi, 0, sizeof(float) * (p.ow - s.hi));
        }
    }
}

// Adds the columns of one image (row r at col + r * ld) back into x.
void col2im(const Conv& p, const float* col, int64_t ld, float* x) {
    for (int64_t r = 0; r < p.rows(); r++) {
        const int64_t ch = r / (p.kh * p.kw), i = r / p.kw % p.kh, j = r % p.kw;
        const int64_t shift = j * p.dw - p.pw;
        const Span s(p.ow, p.sw, shift, p.w);
        const float* in = col + r * ld;
        for (int64_t y = 0; y < p.oh; y++, in += p.ow) {
            const int64_t ih = y * p.sh - p.ph + i * p.dh;
            if (ih < 0 || ih >= p.h) continue;
            float* row = x + (ch * p.h + ih) * p.w + shift;
            if (p.sw == 1) {
                for (int64_t xo = s.lo; xo < s.hi; xo++) row[xo] += in[xo];
            } else {
                for (int64_t xo = s.lo; xo < s.hi; xo++) row[xo * p.sw] += in[xo];
            }
        }
    }
}

// The columns of images [first, first + count), group g, side by side in col (ld = count * cols).
void chunk_im2col(const Conv& p, const float* x, int64_t first, int64_t count, int64_t g, float* col) {
    const int64_t ld = count * p.cols();
    for (int64_t i = 0; i < count; i++) im2col(p, x + p.x_at(first + i, g), col + i * p.cols(), ld);
}

// Calls copy(block, side) for each output channel of images [first, first + count), group g: block
// is its offset in y (or grad_y), side its offset in the side-by-side [og, count * cols] layout.
template <typename Copy>
void for_each_block(const Conv& p, int64_t first, int64_t count, int64_t g, Copy copy) {
    const int64_t cols = p.cols(), ld = count * cols;
    for (int64_t i = 0; i < count; i++) {
        for (int64_t oc = 0; oc < p.og(); oc++) copy(p.y_at(first + i, g) + oc * cols, oc * ld + i * cols);
    }
}

void to_side(const Conv& p, const float* y, int64_t first, int64_t count, int64_t g, float* side) {
    for_each_block(p, first, count, g,
                   [&](int64_t block, int64_t s) { std::memcpy(side + s, y + block, sizeof(float) * p.cols()); });
}

void from_side(const Conv& p, const float* side, int64_t first, int64_t count, int64_t g, float* y) {
    for_each_block(p, first, count, g,
                   [&](int64_t block, int64_t s) { std::memcpy(y + block, side + s, sizeof(float) * p.cols()); });
}

}  // namespace

extern "C" int64_t g4_f32_conv2d_workspace_size(const int32_t* geometry) {
    Conv p(geometry);
    return p.valid() ? p.workspace() : -1;
}

extern "C" int g4_f32_conv2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, const float* w,
                                 int64_t w_off, float* y, int64_t y_off, float* workspace) {
    Conv p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t rows = p.rows(), chunk = p.chunk();
    for (int64_t first = 0; first < p.n; first += chunk) {
        const int64_t count = std::min(chunk, p.n - first), ld = count * p.cols();
        float* side = workspace + rows * ld;
        for (int64_t g = 0; g < p.groups; g++) {
            chunk_im2col(p, x + x_off, first, count, g, workspace);
            float* out = count == 1 ? y + y_off + p.y_at(first, g) : side;
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, p.og(), ld, rows, 1.0f,
                        w + w_off + g * p.og() * rows, rows, workspace, ld, 0.0f, out, ld);
            if (count > 1) from_side(p, side, first, count, g, y + y_off);
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_conv2d_bwd_data(const int32_t* geometry, const float* grad_y, int64_t grad_y_off,
                                      const float* w, int64_t w_off, float* grad_x, int64_t grad_x_off,
                                      float* workspace) {
    Conv p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t rows = p.rows(), chunk = p.chunk();
    std::memset(grad_x + grad_x_off, 0, sizeof(float) * p.n * p.c * p.h * p.w);
    for (int64_t first = 0; first < p.n; first += chunk) {
        const int64_t count = std::min(chunk, p.n - first), ld = count * p.cols();
        float* side = workspace + rows * ld;
        for (int64_t g = 0; g < p.groups; g++) {
            const float* gy = grad_y + grad_y_off + p.y_at(first, g);
            if (count > 1) {
                to_side(p, grad_y + grad_y_off, first, count, g, side);
                gy = side;
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, rows, ld, p.og(), 1.0f,
                        w + w_off + g * p.og() * rows, rows, gy, ld, 0.0f, workspace, ld);
            for (int64_t i = 0; i < count; i++) {
                col2im(p, workspace + i * p.cols(), ld, grad_x + grad_x_off + p.x_at(first + i, g));
            }
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_conv2d_bwd_weight(const int32_t* geometry, const float* x, int64_t x_off,
                                        const float* grad_y, int64_t grad_y_off, float* grad_w, int64_t grad_w_off,
                                        float* workspace) {
    Conv p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t rows = p.rows(), chunk = p.chunk();
    std::memset(grad_w + grad_w_off, 0, sizeof(float) * p.o * rows);
    for (int64_t first = 0; first < p.n; first += chunk) {
        const int64_t count = std::min(chunk, p.n - first), ld = count * p.cols();
        float* side = workspace + rows * ld;
        for (int64_t g = 0; g < p.groups; g++) {
            chunk_im2col(p, x + x_off, first, count, g, workspace);
            const float* gy = grad_y + grad_y_off + p.y_at(first, g);
            if (count > 1) {
                to_side(p, grad_y + grad_y_off, first, count, g, side);
                gy = side;
            }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, p.og(), rows, ld, 1.0f, gy, ld, workspace, ld,
                        1.0f, grad_w + grad_w_off + g * p.og() * rows, rows);
        }
    }
    return G4_OK;
}
