// GEMM through OpenBLAS: its threaded driver with the jobs on the pool when the product is large
// enough for several threads, else (or nested in a part) one single-threaded call.
#include <cblas.h>

#include "internal.h"
#include "parallel.h"

namespace g4 {
namespace {

// Multiply-adds per thread below which OpenBLAS takes fewer threads (its own rule:
// GEMM_MULTITHREAD_THRESHOLD × SMP_THRESHOLD_MIN).
constexpr int64_t kMacsPerThread = int64_t{1} << 18;

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
    const auto whole = [&] { blas(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc); };
    const int threads = parallel_parts(m * n * k, kMacsPerThread);
    if (threads <= 1 || !blas_on_pool(threads, whole)) whole();
}

}  // namespace g4

extern "C" int g4_f32_gemm(int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a,
                           int64_t a_off, int64_t lda, const float* b, int64_t b_off, int64_t ldb, float beta, float* c,
                           int64_t c_off, int64_t ldc) {
    if (m < 0 || n < 0 || k < 0) return G4_INVALID_ARGUMENT;
    g4::sgemm(trans_a != 0, trans_b != 0, m, n, k, alpha, a + a_off, lda, b + b_off, ldb, beta, c + c_off, ldc);
    return G4_OK;
}

extern "C" void g4_set_num_threads(int threads) {
    g4::set_pool_threads(threads);
}

extern "C" int g4_get_num_threads(void) {
    return g4::pool_threads();
}
