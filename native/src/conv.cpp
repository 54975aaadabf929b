// 2-D convolution as im2col + GEMM. The batch is split over the pool, each part with its own
// slice of the caller's work space. Within a part, images with wide output planes go one at a
// time, their GEMMs reading and writing y in place; narrow ones go in chunks whose columns sit side
// by side, so one GEMM of width chunk * OH * OW replaces a narrow GEMM per image. A part's slice
// holds a chunk's columns [rows, chunk * cols], its output or gradient in the same side-by-side
// layout [O / groups, chunk * cols], the part's share of the weight gradient, and the packing
// buffer of its GEMMs. Where our packed GEMM runs, the forward and the weight gradient of wide
// stride-1 images skip im2col: they read the columns from zero-padded planes (conv_grid.h).
#include <algorithm>
#include <cstring>

#include "conv_geometry.h"
#include "conv_grid.h"
#include "internal.h"
#include "packed_gemm.h"
#include "parallel.h"

namespace {

using g4::Conv;
using g4::Span;

// Multiply-adds per part below which splitting the batch costs more than it saves.
constexpr int64_t kMacsPerPart = int64_t{1} << 18;

// Column row r = (channel, i, j) of one image, written at col + r * ld.
G4_PLAIN_LOOPS void im2col(const Conv& p, const float* x, float* col, int64_t ld) {
    for (int64_t r = 0; r < p.rows(); r++) {
        const int64_t ch = r / (p.kh * p.kw), i = r / p.kw % p.kh, j = r % p.kw;
        const int64_t shift = j * p.dw - p.pw;
        const Span s(p.ow, p.sw, shift, p.w);
        float* out = col + r * ld;
        for (int64_t y = 0; y < p.oh; y++, out += p.ow) {
            const int64_t ih = y * p.sh - p.ph + i * p.dh;
            if (ih < 0 || ih >= p.h) {
                for (int64_t xo = 0; xo < p.ow; xo++) out[xo] = 0.0f;
                continue;
            }
            const float* row = x + (ch * p.h + ih) * p.w + shift;
            for (int64_t xo = 0; xo < s.lo; xo++) out[xo] = 0.0f;
            if (p.sw == 1) {
                for (int64_t xo = s.lo; xo < s.hi; xo++) out[xo] = row[xo];
            } else {
                for (int64_t xo = s.lo; xo < s.hi; xo++) out[xo] = row[xo * p.sw];
            }
            for (int64_t xo = s.hi; xo < p.ow; xo++) out[xo] = 0.0f;
        }
    }
}

// Adds the columns of one image (row r at col + r * ld) back into x: for strides other than 1 (a
// stride-1 backward-data writes each plane once with col2im_plane).
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

// A part's GEMMs. Our packed GEMM, single-threaded on the part's packing buffer, where the CPU has
// it (AVX2 or AVX-512); OpenBLAS through g4::sgemm otherwise: when one part has the whole batch on
// a pool of several threads (g4::sgemm runs each GEMM on the pool instead), and for GEMMs too
// narrow for the packed GEMM (packed_gemm_pays).
struct PartGemm {
    bool packed;
    float* pack;
    // Each group's op(W), packed once per part for the GEMMs of all its images.
    float* weights;
    int64_t weight_floats;

    // Packs op(W) of group g (m × k) where the packed GEMM will run.
    void pack_weights(int64_t g, bool trans, const float* w, int64_t ldw, int64_t m, int64_t k) const {
        if (packed) {
            const g4::MatrixPanels matrix = g4::a_panels(trans, w, ldw);
            g4::pack_a_whole(g4::source_of(matrix), m, k, weights + g * weight_floats);
        }
    }

    // Whether a product n wide runs on the packed GEMM, which can read the columns from the grid.
    bool packs_columns(int64_t n) const { return packed && g4::packed_gemm_pays(n); }

    // C = op(A) · columns (forward) or op(A) · columnsᵀ (weight gradient), where packs_columns(n).
    void with_columns(int64_t m, int64_t n, int64_t k, const g4::MatrixPanels& a, const g4::GridColumns& columns,
                      float beta, float* c, int64_t ldc, const float* packed_a = nullptr) const {
        g4::packed_sgemm(m, n, k, 1.0f, g4::source_of(a), g4::source_of(columns), beta, c, ldc, packed_a, pack);
    }

    // What pack_weights packed for group g, for operator(); null where it packed nothing.
    const float* packed_weights(int64_t g) const { return packed ? weights + g * weight_floats : nullptr; }

    void operator()(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, const float* a, int64_t lda,
                    const float* b, int64_t ldb, float beta, float* c, int64_t ldc,
                    const float* packed_a = nullptr) const {
        if (packed && k > 0 && g4::packed_gemm_pays(n)) {
            g4::packed_sgemm(trans_a, trans_b, m, n, k, 1.0f, a, lda, b, ldb, beta, c, ldc, packed_a, pack);
            return;
        }
        g4::sgemm(trans_a, trans_b, m, n, k, 1.0f, a, lda, b, ldb, beta, c, ldc);
    }
};

// body(part, first, last, slice, gemm) over parts of the batch [first, last), each with its own
// slice of the work space. At most as many parts as the pool has threads and the work space has
// slices, fewer when a part would have less than kMacsPerPart multiply-adds.
template <typename Body>
int for_batch_parts(const Conv& p, float* workspace, int64_t workspace_floats, const Body& body) {
    const int64_t slices = workspace_floats / p.part_floats();
    if (slices < 1) return 0;
    const int64_t macs_per_image = std::max<int64_t>(1, p.o * p.rows() * p.cols());
    const int64_t grain = std::max<int64_t>(1, kMacsPerPart / macs_per_image);
    const int parts = static_cast<int>(std::min<int64_t>(g4::parallel_parts(p.n, grain), slices));
    const bool packed = g4::packed_gemm_available() && (parts > 1 || g4::pool_threads() == 1);
    g4::run_parts(p.n, parts, [&](int part, int64_t first, int64_t last) {
        float* slice = workspace + part * p.part_floats();
        float* pack = slice + p.chunk_floats() + p.o * p.rows();
        body(part, first, last, slice, PartGemm{packed, pack, pack + p.pack_floats(), p.packed_weight_floats()});
    });
    return std::max(parts, 1);
}

}  // namespace

extern "C" int64_t g4_f32_conv2d_workspace_size(const int32_t* geometry) {
    Conv p(geometry);
    return p.valid() ? p.workspace(g4::pool_threads()) : -1;
}

extern "C" int g4_f32_conv2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, const float* w, int64_t w_off,
                                 float* y, int64_t y_off, float* workspace, int64_t workspace_floats) {
    Conv p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t rows = p.rows();
    const int parts = for_batch_parts(
        p, workspace, workspace_floats, [&](int, int64_t begin, int64_t end, float* ws, const PartGemm& gemm) {
            for (int64_t g = 0; g < p.groups; g++) {
                gemm.pack_weights(g, false, w + w_off + g * p.og() * rows, rows, p.og(), rows);
            }
            for (int64_t first = begin; first < end; first += p.chunk()) {
                const int64_t count = std::min(p.chunk(), end - first), ld = count * p.cols();
                float* side = ws + rows * ld;
                for (int64_t g = 0; g < p.groups; g++) {
                    float* out = count == 1 ? y + y_off + p.y_at(first, g) : side;
                    const float* wg = w + w_off + g * p.og() * rows;
                    if (p.on_grid() && gemm.packs_columns(p.grid_cols())) {
                        float* grid = ws + p.planes_floats();
                        g4::to_planes(p, x + x_off + p.x_at(first, g), ws);
                        gemm.with_columns(p.og(), p.grid_cols(), rows, g4::a_panels(false, wg, rows),
                                          g4::GridColumns{&p, ws, true}, 0.0f, grid, p.grid_cols(),
                                          gemm.packed_weights(g));
                        g4::from_grid(p, grid, out);
                        continue;
                    }
                    chunk_im2col(p, x + x_off, first, count, g, ws);
                    gemm(false, false, p.og(), ld, rows, wg, rows, ws, ld, 0.0f, out, ld, gemm.packed_weights(g));
                    if (count > 1) from_side(p, side, first, count, g, y + y_off);
                }
            }
        });
    return parts > 0 ? G4_OK : G4_INVALID_ARGUMENT;
}

extern "C" int g4_f32_conv2d_bwd_data(const int32_t* geometry, const float* grad_y, int64_t grad_y_off, const float* w,
                                      int64_t w_off, float* grad_x, int64_t grad_x_off, float* workspace,
                                      int64_t workspace_floats) {
    Conv p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t rows = p.rows();
    // Stride 1: each plane of grad_x written once from its taps; otherwise cleared, then added to.
    const bool by_plane = p.sh == 1 && p.sw == 1;
    const auto col2im_plane = g4::elementwise().col2im_plane;
    const int parts = for_batch_parts(
        p, workspace, workspace_floats, [&](int, int64_t begin, int64_t end, float* ws, const PartGemm& gemm) {
            for (int64_t g = 0; g < p.groups; g++) {
                gemm.pack_weights(g, true, w + w_off + g * p.og() * rows, rows, rows, p.og());
            }
            if (!by_plane) {
                std::memset(grad_x + grad_x_off + p.x_at(begin, 0), 0, sizeof(float) * (end - begin) * p.c * p.h * p.w);
            }
            for (int64_t first = begin; first < end; first += p.chunk()) {
                const int64_t count = std::min(p.chunk(), end - first), ld = count * p.cols();
                float* side = ws + rows * ld;
                for (int64_t g = 0; g < p.groups; g++) {
                    const float* gy = grad_y + grad_y_off + p.y_at(first, g);
                    if (count > 1) {
                        to_side(p, grad_y + grad_y_off, first, count, g, side);
                        gy = side;
                    }
                    gemm(true, false, rows, ld, p.og(), w + w_off + g * p.og() * rows, rows, gy, ld, 0.0f, ws, ld,
                         gemm.packed_weights(g));
                    for (int64_t i = 0; i < count; i++) {
                        float* gx = grad_x + grad_x_off + p.x_at(first + i, g);
                        if (!by_plane) {
                            col2im(p, ws + i * p.cols(), ld, gx);
                            continue;
                        }
                        for (int64_t ch = 0; ch < p.cg(); ch++) {
                            col2im_plane(p, ws + i * p.cols() + ch * p.kh * p.kw * ld, ld, gx + ch * p.h * p.w);
                        }
                    }
                }
            }
        });
    return parts > 0 ? G4_OK : G4_INVALID_ARGUMENT;
}

extern "C" int g4_f32_conv2d_bwd_weight(const int32_t* geometry, const float* x, int64_t x_off, const float* grad_y,
                                        int64_t grad_y_off, float* grad_w, int64_t grad_w_off, float* workspace,
                                        int64_t workspace_floats) {
    Conv p(geometry);
    if (!p.valid()) return G4_INVALID_ARGUMENT;
    const int64_t rows = p.rows(), weights = p.o * rows;
    // Part 0 accumulates into grad_w, the others into their slices; the shares are added in part order.
    const auto share = [&](int part, float* ws) { return part == 0 ? grad_w + grad_w_off : ws + p.chunk_floats(); };
    const int parts = for_batch_parts(
        p, workspace, workspace_floats, [&](int part, int64_t begin, int64_t end, float* ws, const PartGemm& gemm) {
            float* gw = share(part, ws);
            std::memset(gw, 0, sizeof(float) * weights);
            for (int64_t first = begin; first < end; first += p.chunk()) {
                const int64_t count = std::min(p.chunk(), end - first), ld = count * p.cols();
                float* side = ws + rows * ld;
                for (int64_t g = 0; g < p.groups; g++) {
                    const float* gy = grad_y + grad_y_off + p.y_at(first, g);
                    float* gwg = gw + g * p.og() * rows;
                    if (p.on_grid() && gemm.packs_columns(rows)) {
                        g4::to_planes(p, x + x_off + p.x_at(first, g), ws);
                        gemm.with_columns(p.og(), rows, p.cols(), g4::a_panels(false, gy, p.cols()),
                                          g4::GridColumns{&p, ws, false}, 1.0f, gwg, rows);
                        continue;
                    }
                    chunk_im2col(p, x + x_off, first, count, g, ws);
                    if (count > 1) {
                        to_side(p, grad_y + grad_y_off, first, count, g, side);
                        gy = side;
                    }
                    gemm(false, true, p.og(), rows, ld, gy, ld, ws, ld, 1.0f, gwg, rows);
                }
            }
        });
    if (parts == 0) return G4_INVALID_ARGUMENT;
    if (p.n == 0) std::memset(grad_w + grad_w_off, 0, sizeof(float) * weights);
    for (int part = 1; part < parts; part++) {
        const float* gw = share(part, workspace + part * p.part_floats());
        for (int64_t i = 0; i < weights; i++) grad_w[grad_w_off + i] += gw[i];
    }
    return G4_OK;
}
