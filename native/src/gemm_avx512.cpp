// The packed GEMM's micro-kernels and packing for AVX-512 (flags set in CMakeLists.txt): per step
// of k, two vectors of B and kMr broadcasts of A feed 24 fused multiply-adds (fewer in the tiles at
// the edges of C).
#include <immintrin.h>

#include "lanes_avx512.h"
#include "packed_gemm.h"

namespace g4 {
namespace {

constexpr int kMr = static_cast<int>(kPackedMr);
constexpr int kNr = static_cast<int>(kPackedNr);

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
    for (int v = 0; v < NV; v++) mask[v] = first_lanes(n - 16 * v);
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

// GCC 12 takes the undefined vectors inside these intrinsics for uninitialized variables (its bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
// Transposes 16 rows of 16 floats in registers: r[j] becomes column j.
inline void transpose16(__m512 r[16]) {
    __m512 t[16], u[16];
    for (int i = 0; i < 16; i += 2) {
        t[i] = _mm512_unpacklo_ps(r[i], r[i + 1]);
        t[i + 1] = _mm512_unpackhi_ps(r[i], r[i + 1]);
    }
    // u[4k + c]: in each 128-bit lane L, column c + 4L of rows 4k .. 4k + 3
    for (int k = 0; k < 16; k += 4) {
        u[k] = _mm512_shuffle_ps(t[k], t[k + 2], 0x44);
        u[k + 1] = _mm512_shuffle_ps(t[k], t[k + 2], 0xEE);
        u[k + 2] = _mm512_shuffle_ps(t[k + 1], t[k + 3], 0x44);
        u[k + 3] = _mm512_shuffle_ps(t[k + 1], t[k + 3], 0xEE);
    }
    for (int c = 0; c < 4; c++) {
        const __m512 v0 = _mm512_shuffle_f32x4(u[c], u[4 + c], 0x88), v1 = _mm512_shuffle_f32x4(u[c], u[4 + c], 0xDD);
        const __m512 v2 = _mm512_shuffle_f32x4(u[8 + c], u[12 + c], 0x88);
        const __m512 v3 = _mm512_shuffle_f32x4(u[8 + c], u[12 + c], 0xDD);
        r[c] = _mm512_shuffle_f32x4(v0, v2, 0x88);
        r[c + 4] = _mm512_shuffle_f32x4(v1, v3, 0x88);
        r[c + 8] = _mm512_shuffle_f32x4(v0, v2, 0xDD);
        r[c + 12] = _mm512_shuffle_f32x4(v1, v3, 0xDD);
    }
}
#pragma GCC diagnostic pop

struct Lanes {
    using Vec = __m512;
    using Mask = __mmask16;
    static constexpr int64_t kCount = 16;
    static Mask first(int64_t n) { return first_lanes(n); }
    static Vec load(Mask m, const float* p) { return _mm512_maskz_loadu_ps(m, p); }
    static Vec load_all(const float* p) { return _mm512_loadu_ps(p); }
    static void store(float* p, Mask m, Vec v) { _mm512_mask_storeu_ps(p, m, v); }
    static void store_all(float* p, Vec v) { _mm512_storeu_ps(p, v); }
    static Vec zero() { return _mm512_setzero_ps(); }
    static void transpose(Vec r[16]) { transpose16(r); }
};

#include "packers_impl.h"

}  // namespace

const PackedKernels packed_avx512{tile_kernel, pack_steps, pack_rows};

}  // namespace g4
