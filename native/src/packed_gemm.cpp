// The packed GEMM of packed_gemm.h, the same on every instruction set: blocks of op(B) (kc × nc)
// and op(A) (mc × kc) are packed so that the micro-kernels of the selected instruction set
// (packed_kernels()) read both contiguously.
#include "packed_gemm.h"

namespace g4 {
namespace {

constexpr int64_t kMr = kPackedMr;
constexpr int64_t kNr = kPackedNr;

// Items contiguous (item_stride 1): each k step copies `Width` floats; else k contiguous.
template <int64_t Width>
void pack_matrix_panels(const MatrixPanels& m, int64_t p0, int64_t kc, int64_t first, int64_t count, float* out) {
    const PackedKernels& kernels = *packed_kernels();
    const float* rows[Width];
    const float* steps[kPackedKc];
    for (int64_t panel = 0; panel < count; panel += Width, out += kc * Width) {
        const int64_t items = std::min(Width, count - panel);
        if (m.item_stride == 1) {
            for (int64_t p = 0; p < kc; p++) steps[p] = m.data + first + panel + (p0 + p) * m.k_stride;
            kernels.pack_panel(steps, items, kc, Width, out);
            continue;
        }
        for (int64_t i = 0; i < items; i++) rows[i] = m.data + (first + panel + i) * m.item_stride + p0;
        kernels.pack_panel_transposed(rows, items, kc, Width, out);
    }
}

}  // namespace

void pack_panel(const float* const* steps, int64_t items, int64_t kc, int64_t width, float* out) {
    packed_kernels()->pack_panel(steps, items, kc, width, out);
}

void pack_panel_transposed(const float* const* rows, int64_t items, int64_t kc, int64_t width, float* out) {
    packed_kernels()->pack_panel_transposed(rows, items, kc, width, out);
}

void pack_matrix(const void* source, int64_t p0, int64_t kc, int64_t first, int64_t count, int64_t width, float* out) {
    const MatrixPanels& m = *static_cast<const MatrixPanels*>(source);
    if (width == kMr) {
        pack_matrix_panels<kMr>(m, p0, kc, first, count, out);
    } else {
        pack_matrix_panels<kNr>(m, p0, kc, first, count, out);
    }
}

// Block (pc, ic) of the whole op(A) starts at pc * round_up(m, kMr) + ic * kc: each block of k
// holds all rows, and each block of rows within it kc floats per row.
void pack_a_whole(const PanelSource& a, int64_t m, int64_t k, float* out) {
    const int64_t k_step = k_block(k);
    for (int64_t pc = 0; pc < k; pc += k_step) {
        const int64_t kc = std::min(k_step, k - pc);
        for (int64_t ic = 0; ic < m; ic += kPackedMc) {
            a.pack(a.source, pc, kc, ic, std::min(kPackedMc, m - ic), kMr, out + pc * round_up(m, kMr) + ic * kc);
        }
    }
}

void packed_sgemm(int64_t m, int64_t n, int64_t k, float alpha, const PanelSource& a, const PanelSource& b, float beta,
                  float* c, int64_t ldc, const float* packed_a, float* pack) {
    const PackedKernels& kernels = *packed_kernels();
    float* block_a = pack;
    float* packed_b = pack + kPackedKc * kPackedMc;
    const int64_t k_step = k_block(k);
    for (int64_t jc = 0; jc < n; jc += kPackedNc) {
        const int64_t nc = std::min(kPackedNc, n - jc);
        for (int64_t pc = 0; pc < k; pc += k_step) {
            const int64_t kc = std::min(k_step, k - pc);
            const float block_beta = pc == 0 ? beta : 1.0f;
            b.pack(b.source, pc, kc, jc, nc, kNr, packed_b);
            for (int64_t ic = 0; ic < m; ic += kPackedMc) {
                const int64_t mc = std::min(kPackedMc, m - ic);
                const float* panels = block_a;
                if (packed_a != nullptr) {
                    panels = packed_a + pc * round_up(m, kMr) + ic * kc;
                } else {
                    a.pack(a.source, pc, kc, ic, mc, kMr, block_a);
                }
                // along a row of tiles: the panel of A (kc × 12) stays in L1, the panels of B stream from L2
                for (int64_t ir = 0; ir < mc; ir += kMr) {
                    for (int64_t jr = 0; jr < nc; jr += kNr) {
                        kernels.tile(kc, panels + ir * kc, packed_b + jr * kc, c + (ic + ir) * ldc + jc + jr, ldc,
                                     static_cast<int>(std::min(kMr, mc - ir)), static_cast<int>(std::min(kNr, nc - jr)),
                                     alpha, block_beta);
                    }
                }
            }
        }
    }
}

}  // namespace g4
