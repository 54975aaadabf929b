// The packed GEMM's micro-kernels and packing for AVX2 (flags set in CMakeLists.txt). The panels
// are the AVX-512 ones (kPackedMr rows of op(A), kPackedNr columns of op(B)); with 16 registers of
// 8 floats, a micro-tile is covered by tiles of 6 × 16: per step of k, two vectors of B and six
// broadcasts of A feed 12 fused multiply-adds.
#include <immintrin.h>

#include "packed_gemm.h"

namespace g4 {
namespace {

constexpr int kMr = static_cast<int>(kPackedMr);
constexpr int kNr = static_cast<int>(kPackedNr);
constexpr int kRows = 6;
constexpr int kCols = 16;
static_assert(kMr % kRows == 0 && kNr % kCols == 0, "6 × 16 tiles cover a micro-tile");

// The first n of 8 lanes (all for n ≥ 8, none for n ≤ 0), as maskload and maskstore take them.
inline __m256i first_lanes(int64_t n) {
    const int lanes = static_cast<int>(std::max<int64_t>(0, std::min<int64_t>(8, n)));
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(lanes), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

// C[0 .. m, 0 .. n) = alpha · (A · B) + beta · C for m ≤ MR rows of the A panel from a and n ≤ 8 · NV
// columns of the B panel from b (row strides kMr and kNr); C not read when beta = 0.
template <int MR, int NV>
void tile(int64_t kc, const float* __restrict a, const float* __restrict b, float* c, int64_t ldc, int m, int n,
          float alpha, float beta) {
    __m256 acc[MR][NV];
#pragma GCC unroll 6
    for (int i = 0; i < MR; i++) {
#pragma GCC unroll 2
        for (int v = 0; v < NV; v++) acc[i][v] = _mm256_setzero_ps();
    }
    for (int64_t p = 0; p < kc; p++, a += kMr, b += kNr) {
        __m256 bv[NV];
#pragma GCC unroll 2
        for (int v = 0; v < NV; v++) bv[v] = _mm256_loadu_ps(b + 8 * v);
#pragma GCC unroll 6
        for (int i = 0; i < MR; i++) {
            const __m256 ai = _mm256_broadcast_ss(a + i);
#pragma GCC unroll 2
            for (int v = 0; v < NV; v++) acc[i][v] = _mm256_fmadd_ps(ai, bv[v], acc[i][v]);
        }
    }
    const __m256 va = _mm256_set1_ps(alpha), vb = _mm256_set1_ps(beta);
    __m256i mask[NV];
#pragma GCC unroll 2
    for (int v = 0; v < NV; v++) mask[v] = first_lanes(n - 8 * v);
#pragma GCC unroll 6
    for (int i = 0; i < MR; i++) {
        if (i >= m) break;
        float* row = c + i * ldc;
#pragma GCC unroll 2
        for (int v = 0; v < NV; v++) {
            __m256 r = _mm256_mul_ps(va, acc[i][v]);
            if (beta != 0.0f) r = _mm256_fmadd_ps(vb, _mm256_maskload_ps(row + 8 * v, mask[v]), r);
            _mm256_maskstore_ps(row + 8 * v, mask[v], r);
        }
    }
}

// The smallest tile that covers m ≤ 6 rows and n ≤ 16 columns.
void small_tile(int64_t kc, const float* a, const float* b, float* c, int64_t ldc, int m, int n, float alpha,
                float beta) {
    const bool narrow = n <= 8;
    if (m <= 2) {
        (narrow ? tile<2, 1> : tile<2, 2>)(kc, a, b, c, ldc, m, n, alpha, beta);
    } else if (m <= 4) {
        (narrow ? tile<4, 1> : tile<4, 2>)(kc, a, b, c, ldc, m, n, alpha, beta);
    } else {
        (narrow ? tile<6, 1> : tile<6, 2>)(kc, a, b, c, ldc, m, n, alpha, beta);
    }
}

// An m × n micro-tile (m ≤ kMr, n ≤ kNr), 16 columns at a time: the B columns of one pass are read
// from L1 again by the rows of the next.
void micro_tile(int64_t kc, const float* a, const float* b, float* c, int64_t ldc, int m, int n, float alpha,
                float beta) {
    for (int j = 0; j < n; j += kCols) {
        for (int i = 0; i < m; i += kRows) {
            small_tile(kc, a + i, b + j, c + i * ldc + j, ldc, std::min(kRows, m - i), std::min(kCols, n - j), alpha,
                       beta);
        }
    }
}

// Transposes 8 rows of 8 floats in registers: r[j] becomes column j.
inline void transpose8(__m256 r[8]) {
    __m256 t[8], u[8];
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]);
        t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]);
    }
    // u[4h + c]: columns c (low half) and c + 4 (high half) of rows 4h .. 4h + 3
    for (int h = 0; h < 8; h += 4) {
        u[h] = _mm256_shuffle_ps(t[h], t[h + 2], 0x44);
        u[h + 1] = _mm256_shuffle_ps(t[h], t[h + 2], 0xEE);
        u[h + 2] = _mm256_shuffle_ps(t[h + 1], t[h + 3], 0x44);
        u[h + 3] = _mm256_shuffle_ps(t[h + 1], t[h + 3], 0xEE);
    }
    for (int c = 0; c < 4; c++) {
        r[c] = _mm256_permute2f128_ps(u[c], u[4 + c], 0x20);
        r[c + 4] = _mm256_permute2f128_ps(u[c], u[4 + c], 0x31);
    }
}

struct Lanes {
    using Vec = __m256;
    using Mask = __m256i;
    static constexpr int64_t kCount = 8;
    static Mask first(int64_t n) { return first_lanes(n); }
    static Vec load(Mask m, const float* p) { return _mm256_maskload_ps(p, m); }
    static Vec load_all(const float* p) { return _mm256_loadu_ps(p); }
    static void store(float* p, Mask m, Vec v) { _mm256_maskstore_ps(p, m, v); }
    static void store_all(float* p, Vec v) { _mm256_storeu_ps(p, v); }
    static Vec zero() { return _mm256_setzero_ps(); }
    static void transpose(Vec r[8]) { transpose8(r); }
};

#include "packers_impl.h"

}  // namespace

const PackedKernels packed_avx2{micro_tile, pack_steps, pack_rows};

}  // namespace g4
