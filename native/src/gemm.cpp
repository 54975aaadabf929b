// GEMM through OpenBLAS, and the OpenBLAS thread setting.
#include <cblas.h>

#include "g4/kernels.h"

extern "C" int g4_f32_gemm(int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a,
                           int64_t a_off, int64_t lda, const float* b, int64_t b_off, int64_t ldb, float beta,
                           float* c, int64_t c_off, int64_t ldc) {
    if (m < 0 || n < 0 || k < 0) return G4_INVALID_ARGUMENT;
    if (m == 0 || n == 0) return G4_OK;
    float* cp = c + c_off;
    if (k == 0 || alpha == 0.0f) {
        // cblas with k = 0 would scale C by beta, reading it even for beta = 0 (NaN * 0 = NaN).
        for (int64_t i = 0; i < m; i++) {
            for (int64_t j = 0; j < n; j++) cp[i * ldc + j] = beta == 0.0f ? 0.0f : beta * cp[i * ldc + j];
        }
        return G4_OK;
    }
    cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
                static_cast<blasint>(m), static_cast<blasint>(n), static_cast<blasint>(k), alpha, a + a_off,
                static_cast<blasint>(lda), b + b_off, static_cast<blasint>(ldb), beta, cp, static_cast<blasint>(ldc));
    return G4_OK;
}

extern "C" void g4_set_num_threads(int threads) { openblas_set_num_threads(threads < 1 ? 1 : threads); }

extern "C" int g4_get_num_threads(void) { return openblas_get_num_threads(); }
