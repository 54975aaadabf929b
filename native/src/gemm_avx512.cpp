// The packed GEMM of packed_gemm.h, compiled for AVX-512 (flags set in CMakeLists.txt). Blocks of
// op(B) (kc × nc) and op(A) (mc × kc) are packed so that the micro-kernel reads both contiguously:
// per step of k, two vectors of B and kMr broadcasts of A feed 24 fused multiply-adds (fewer in the
// tiles at the edges of C).
#include <immintrin.h>

#include "packed_gemm.h"

namespace g4 {
namespace {

constexpr int kMr = static_cast<int>(kPackedMr);
constexpr int kNr = static_cast<int>(kPackedNr);
constexpr int64_t kTransposeStep = 32;

// C[0 .. m, 0 .. n) = alpha · (A panel · B panel) + beta · C, m ≤ MR, n ≤ 16 · NV; C not read when
// beta = 0. The panels are kMr rows and kNr columns wide whatever MR and NV are: the kernels for
// tiles at the edges of C leave out the rows and vectors that would only multiply padding.
template <int MR, int NV>
void micro_kernel(int64_t kc, const float* __restrict a, const float* __restrict b, float* c, int64_t ldc, int m, int n,
                  float alpha, float beta) {
    __m512 acc[MR][NV];
#pragma GCC unroll 12
    for (int i = 0; i < MR; i++) {
#pragma GCC unroll 2
        for (int v = 0; v < NV; v++) acc[i][v] = _mm512_setzero_ps();
    }
    for (int64_t p = 0; p < kc; p++, a += kMr, b += kNr) {
        __m512 bv[NV];
#pragma GCC unroll 2
        for (int v = 0; v < NV; v++) bv[v] = _mm512_loadu_ps(b + 16 * v);
#pragma GCC unroll 12
        for (int i = 0; i < MR; i++) {
            const __m512 ai = _mm512_set1_ps(a[i]);
#pragma GCC unroll 2
            for (int v = 0; v < NV; v++) acc[i][v] = _mm512_fmadd_ps(ai, bv[v], acc[i][v]);
        }
    }
    const __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
    __mmask16 mask[NV];
#pragma GCC unroll 2
    for (int v = 0; v < NV; v++) {
        const int lanes = n - 16 * v;
        mask[v] = lanes >= 16 ? 0xFFFF : lanes <= 0 ? 0 : static_cast<__mmask16>((1u << lanes) - 1);
    }
#pragma GCC unroll 12
    for (int i = 0; i < MR; i++) {
        if (i >= m) break;
        float* row = c + i * ldc;
#pragma GCC unroll 2
        for (int v = 0; v < NV; v++) {
            __m512 r = _mm512_mul_ps(va, acc[i][v]);
            if (beta != 0.0f) r = _mm512_fmadd_ps(vb, _mm512_maskz_loadu_ps(mask[v], row + 16 * v), r);
            _mm512_mask_storeu_ps(row + 16 * v, mask[v], r);
        }
    }
}

// The smallest kernel that covers an m × n tile.
void tile_kernel(int64_t kc, const float* a, const float* b, float* c, int64_t ldc, int m, int n, float alpha,
                 float beta) {
    static_assert(kMr == 12 && kNr == 32, "the edge kernels cover 4, 8 or 12 rows of 16 or 32 columns");
    const bool narrow = n <= 16;
    if (m <= 4) {
        (narrow ? micro_kernel<4, 1> : micro_kernel<4, 2>)(kc, a, b, c, ldc, m, n, alpha, beta);
    } else if (m <= 8) {
        (narrow ? micro_kernel<8, 1> : micro_kernel<8, 2>)(kc, a, b, c, ldc, m, n, alpha, beta);
    } else {
        (narrow ? micro_kernel<12, 1> : micro_kernel<12, 2>)(kc, a, b, c, ldc, m, n, alpha, beta);
    }
}

// Rows [i0, i0 + mc) and k [p0, p0 + kc) of op(A), as panels of kMr rows (k-major), zero-padded.
void pack_a(bool trans, const float* a, int64_t lda, int64_t i0, int64_t mc, int64_t p0, int64_t kc, float* out) {
    for (int64_t ir = 0; ir < mc; ir += kMr, out += kc * kMr) {
        const int64_t rows = std::min<int64_t>(kMr, mc - ir);
        for (int64_t p = 0; p < kc; p++) {
            const int64_t q = p0 + p;
            for (int64_t i = 0; i < rows; i++) {
                const int64_t r = i0 + ir + i;
                out[p * kMr + i] = trans ? a[q * lda + r] : a[r * lda + q];
            }
            for (int64_t i = rows; i < kMr; i++) out[p * kMr + i] = 0.0f;
        }
    }
}

// k [p0, p0 + kc) and columns [j0, j0 + nc) of op(B), as panels of kNr columns (k-major), zero-padded.
void pack_b(bool trans, const float* b, int64_t ldb, int64_t p0, int64_t kc, int64_t j0, int64_t nc, float* out) {
    for (int64_t jr = 0; jr < nc; jr += kNr, out += kc * kNr) {
        const int64_t cols = std::min<int64_t>(kNr, nc - jr);
        if (!trans) {
            for (int64_t p = 0; p < kc; p++) {
                const float* src = b + (p0 + p) * ldb + j0 + jr;
                for (int64_t j = 0; j < cols; j++) out[p * kNr + j] = src[j];
                for (int64_t j = cols; j < kNr; j++) out[p * kNr + j] = 0.0f;
            }
        } else {
            // Column j of op(B) is row j of B. Steps of 32 along k read each row contiguously while
            // the panel rows they write stay in cache, which whole rows at a time do not once B
            // outgrows L2.
            for (int64_t step = 0; step < kc; step += kTransposeStep) {
                const int64_t end = std::min(kc, step + kTransposeStep);
                for (int64_t j = 0; j < cols; j++) {
                    const float* src = b + (j0 + jr + j) * ldb + p0;
                    for (int64_t p = step; p < end; p++) out[p * kNr + j] = src[p];
                }
            }
            for (int64_t p = 0; p < kc; p++) {
                for (int64_t j = cols; j < kNr; j++) out[p * kNr + j] = 0.0f;
            }
        }
    }
}

}  // namespace

// Block (pc, ic) of the whole op(A) starts at pc * round_up(m, kMr) + ic * kc: each block of k
// holds all rows, and each block of rows within it kc floats per row.
void pack_a_whole(bool trans_a, const float* a, int64_t lda, int64_t m, int64_t k, float* out) {
    for (int64_t pc = 0; pc < k; pc += kPackedKc) {
        const int64_t kc = std::min(kPackedKc, k - pc);
        for (int64_t ic = 0; ic < m; ic += kPackedMc) {
            pack_a(trans_a, a, lda, ic, std::min(kPackedMc, m - ic), pc, kc, out + pc * round_up(m, kMr) + ic * kc);
        }
    }
}

void packed_sgemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
                  const float* b, int64_t ldb, float beta, float* c, int64_t ldc, const float* packed_a, float* pack) {
    float* block_a = pack;
    float* packed_b = pack + kPackedKc * kPackedMc;
    for (int64_t jc = 0; jc < n; jc += kPackedNc) {
        const int64_t nc = std::min(kPackedNc, n - jc);
        for (int64_t pc = 0; pc < k; pc += kPackedKc) {
            const int64_t kc = std::min(kPackedKc, k - pc);
            const float block_beta = pc == 0 ? beta : 1.0f;
            pack_b(trans_b, b, ldb, pc, kc, jc, nc, packed_b);
            for (int64_t ic = 0; ic < m; ic += kPackedMc) {
                const int64_t mc = std::min(kPackedMc, m - ic);
                const float* panels = block_a;
                if (packed_a != nullptr) {
                    panels = packed_a + pc * round_up(m, kMr) + ic * kc;
                } else {
                    pack_a(trans_a, a, lda, ic, mc, pc, kc, block_a);
                }
                for (int64_t jr = 0; jr < nc; jr += kNr) {
                    for (int64_t ir = 0; ir < mc; ir += kMr) {
                        tile_kernel(kc, panels + ir * kc, packed_b + jr * kc, c + (ic + ir) * ldc + jc + jr, ldc,
                                    static_cast<int>(std::min<int64_t>(kMr, mc - ir)),
                                    static_cast<int>(std::min<int64_t>(kNr, nc - jr)), alpha, block_beta);
                    }
                }
            }
        }
    }
}

}  // namespace g4
