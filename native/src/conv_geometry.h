// A 2-D convolution's geometry, read from a G4_CONV_* array, and the sizes of its GEMMs and work
// space (conv.cpp).
#ifndef G4_CONV_GEOMETRY_H
#define G4_CONV_GEOMETRY_H

#include <algorithm>
#include <cstdint>

#include "g4/kernels.h"
#include "packed_gemm.h"

namespace g4 {

// Work-space budget per chunk, in floats; a chunk holds as many images as fit (at least one).
constexpr int64_t kChunkFloats = int64_t{1} << 19;
// Output planes at least this wide make GEMMs wide enough alone: their images go one at a time,
// reading and writing y (or grad_y) in place instead of through the side-by-side copy.
constexpr int64_t kWideImage = 128;
struct Conv {
    int64_t n, c, h, w, o, kh, kw, sh, sw, ph, pw, dh, dw, groups, oh, ow;

    explicit Conv(const int32_t* g)
        : n(g[G4_CONV_BATCH]),
          c(g[G4_CONV_IN_CHANNELS]),
          h(g[G4_CONV_IN_HEIGHT]),
          w(g[G4_CONV_IN_WIDTH]),
          o(g[G4_CONV_OUT_CHANNELS]),
          kh(g[G4_CONV_KERNEL_H]),
          kw(g[G4_CONV_KERNEL_W]),
          sh(g[G4_CONV_STRIDE_H]),
          sw(g[G4_CONV_STRIDE_W]),
          ph(g[G4_CONV_PAD_H]),
          pw(g[G4_CONV_PAD_W]),
          dh(g[G4_CONV_DILATION_H]),
          dw(g[G4_CONV_DILATION_W]),
          groups(g[G4_CONV_GROUPS]),
          oh(g[G4_CONV_OUT_HEIGHT]),
          ow(g[G4_CONV_OUT_WIDTH]) {}

    bool valid() const {
        return n >= 0 && c > 0 && o > 0 && groups > 0 && c % groups == 0 && o % groups == 0 && kh > 0 && kw > 0 &&
               sh > 0 && sw > 0 && dh > 0 && dw > 0 && ph >= 0 && pw >= 0 && oh > 0 && ow > 0 &&
               oh == (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1 && ow == (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
    }

    int64_t cg() const { return c / groups; }
    int64_t og() const { return o / groups; }
    int64_t rows() const { return cg() * kh * kw; }
    int64_t cols() const { return oh * ow; }
    int64_t chunk() const {
        if (cols() >= kWideImage) return 1;
        return std::max<int64_t>(1, std::min(n, kChunkFloats / (cols() * (rows() + og()))));
    }
    // Wide stride-1 images run on the padded grid (conv_grid.h): a group's image as cg planes of
    // hp × wp, and oh × wp grid pixels. The grid saves writing rows × cols floats of columns and
    // costs copying og × cols of output, so it needs rows ≥ og to pay.
    bool on_grid() const { return sh == 1 && sw == 1 && chunk() == 1 && rows() >= og(); }
    int64_t hp() const { return h + 2 * ph; }
    int64_t wp() const { return w + 2 * pw; }
    int64_t grid_cols() const { return oh * wp(); }
    // The planes, with wp floats of slack after them that the grid's extra columns read; then og grid rows.
    int64_t planes_floats() const { return cg() * hp() * wp() + wp(); }
    int64_t grid_floats() const { return planes_floats() + og() * grid_cols(); }
    int64_t chunk_floats() const { return std::max(chunk() * cols() * (rows() + og()), on_grid() ? grid_floats() : 0); }
    // The widest GEMM: chunk * cols or grid_cols columns (forward, backward-data) or rows (backward-weight).
    int64_t pack_floats() const {
        return packed_gemm_floats(std::max({chunk() * cols(), rows(), on_grid() ? grid_cols() : 0}));
    }
    // A group's weights packed as op(A): og × rows (forward) or rows × og (backward-data).
    int64_t packed_weight_floats() const {
        return std::max(packed_a_floats(og(), rows()), packed_a_floats(rows(), og()));
    }
    int64_t part_floats() const {
        return chunk_floats() + o * rows() + pack_floats() + groups * packed_weight_floats();
    }
    int64_t workspace(int parts) const { return parts * part_floats(); }
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

}  // namespace g4

// Output rows are short (tens of floats), so im2col copies and zeroes them in plain loops: as
// calls to memcpy and memset they cost more than the copying itself. GCC would turn the loops
// back into such calls.
#if defined(__GNUC__) && !defined(__clang__)
#    define G4_PLAIN_LOOPS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#    define G4_PLAIN_LOOPS
#endif

#endif
