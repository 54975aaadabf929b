// GEMM: single-threaded OpenBLAS calls on column (or row) blocks of C, split over the pool.
#include <cblas.h>

#include <algorithm>

#include "internal.h"
#include "parallel.h"

namespace g4 {
namespace {

// Multiply-adds per part below which splitting costs more than it saves.
constexpr int64_t kMacsPerPart = int64_t{1} << 18;
// Blocks of C are whole multiples of this many rows or columns (OpenBLAS's micro-tiles).
constexpr int64_t kTile = 16;

void blas(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
          const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
    cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
                static_cast<blasint>(m), static_cast<blasint>(n), static_cast<blasint>(k), alpha, a,
                static_cast<blasint>(lda), b, static_cast<blasint>(ldb), beta, c, static_cast<blasint>(ldc));
}

}  // namespace

void sgemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
           const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
    if (m == 0 || n == 0) return;
    if (k == 0 || alpha == 0.0f) {
        // cblas with k = 0 would scale C by beta, reading it even for beta = 0 (NaN * 0 = NaN).
        for (int64_t i = 0; i < m; i++) {
            for (int64_t j = 0; j < n; j++) c[i * ldc + j] = beta == 0.0f ? 0.0f : beta * c[i * ldc + j];
        }
        return;
    }
    const bool by_columns = n >= m;
    const int64_t blocks = ((by_columns ? n : m) + kTile - 1) / kTile;
    const int parts = static_cast<int>(std::min<int64_t>(parallel_parts(m * n * k, kMacsPerPart), blocks));
    run_parts(blocks, parts, [&](int, int64_t first, int64_t last) {
        if (by_columns) {
            const int64_t j = first * kTile, width = std::min(n, last * kTile) - j;
            blas(trans_a, trans_b, m, width, k, alpha, a, lda, trans_b ? b + j * ldb : b + j, ldb, beta, c + j, ldc);
        } else {
            const int64_t i = first * kTile, height = std::min(m, last * kTile) - i;
            blas(trans_a, trans_b, height, n, k, alpha, trans_a ? a + i : a + i * lda, lda, b, ldb, beta,
                 c + i * ldc, ldc);
        }
    });
}

}  // namespace g4

extern "C" int g4_f32_gemm(int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a,
                           int64_t a_off, int64_t lda, const float* b, int64_t b_off, int64_t ldb, float beta,
                           float* c, int64_t c_off, int64_t ldc) {
    if (m < 0 || n < 0 || k < 0) return G4_INVALID_ARGUMENT;
    g4::sgemm(trans_a != 0, trans_b != 0, m, n, k, alpha, a + a_off, lda, b + b_off, ldb, beta, c + c_off, ldc);
    return G4_OK;
}

extern "C" void g4_set_num_threads(int threads) { g4::set_pool_threads(threads); }

extern "C" int g4_get_num_threads(void) { return g4::pool_threads(); }
