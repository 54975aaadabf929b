// Stride-1 convolutions of wide images on the padded grid. A group's image is copied once into
// zero-padded planes (hp × wp per channel), and output pixel (y, x) becomes grid pixel y · wp + x.
// Tap (channel, i, j) then reads the planes at one offset from every grid pixel, so the packed
// GEMM's panels are copied straight from the planes: no column matrix is written or read. The
// grid's wp − ow extra columns per row are computed too, and dropped.
#ifndef G4_CONV_GRID_H
#define G4_CONV_GRID_H

#include "conv_geometry.h"
#include "packed_gemm.h"

namespace g4 {

// The columns of im2col read from the planes as a packed GEMM operand: the forward's op(B) (k =
// taps, items = grid pixels) or the weight gradient's (k = output pixels, oh × ow, items = taps:
// the grid's extra columns would only add zeros there, and grad_y is its op(A) as it is).
struct GridColumns {
    const Conv* conv;
    const float* planes;
    bool pixels_are_items;
};

void pack_grid_columns(const void* source, int64_t p0, int64_t kc, int64_t first, int64_t count, int64_t width,
                       float* out);

inline PanelSource source_of(const GridColumns& columns) {
    return {pack_grid_columns, &columns};
}

// The cg channels of one image and group at x as planes (planes_floats() of them), with their
// padding and slack zeroed.
void to_planes(const Conv& p, const float* x, float* planes);

// og grid rows back to output planes at y (oh × ow each), dropping their extra columns.
void from_grid(const Conv& p, const float* grid, float* y);

}  // namespace g4

#endif
