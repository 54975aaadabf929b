// g4_f32_gemm against a double triple loop: all transposes, alpha/beta, padded leading dims, offsets.
#include "check.h"
#include "g4/kernels.h"

namespace {

void one(int ta, int tb, int64_t m, int64_t n, int64_t k, float alpha, float beta) {
    const int64_t pad = 3, off = 5;
    const int64_t lda = (ta ? m : k) + pad, ldb = (tb ? k : n) + pad, ldc = n + pad;
    auto a = g4test::random(off + (ta ? k : m) * lda, 11);
    auto b = g4test::random(off + (tb ? n : k) * ldb, 12);
    auto c = g4test::random(off + m * ldc, 13);
    if (beta == 0.0f) {
        for (auto& x : c) x = NAN;
    }
    std::vector<double> ref(m * n);
    for (int64_t i = 0; i < m; i++) {
        for (int64_t j = 0; j < n; j++) {
            double s = 0;
            for (int64_t p = 0; p < k; p++) {
                s += static_cast<double>(a[off + (ta ? p * lda + i : i * lda + p)]) * b[off + (tb ? j * ldb + p : p * ldb + j)];
            }
            ref[i * n + j] = alpha * s + (beta == 0.0f ? 0.0 : beta * static_cast<double>(c[off + i * ldc + j]));
        }
    }
    g4_f32_gemm(ta, tb, m, n, k, alpha, a.data(), off, lda, b.data(), off, ldb, beta, c.data(), off, ldc);
    std::vector<float> got(m * n);
    for (int64_t i = 0; i < m; i++) {
        for (int64_t j = 0; j < n; j++) got[i * n + j] = c[off + i * ldc + j];
    }
    const std::string problem = "gemm ta=" + std::to_string(ta) + " tb=" + std::to_string(tb) + " m=" + std::to_string(m)
                                + " n=" + std::to_string(n) + " k=" + std::to_string(k) + " alpha=" + std::to_string(alpha)
                                + " beta=" + std::to_string(beta);
    g4test::close(problem, got.data(), ref.data(), got.size(), 1e-4, 1e-4 * std::sqrt(static_cast<double>(k) + 1));
}

}  // namespace

int main() {
    const int64_t sizes[] = {1, 7, 13, 31, 64, 67};
    g4test::for_each_thread_count(g4_set_num_threads, [&] {
        for (int ta = 0; ta < 2; ta++) {
            for (int tb = 0; tb < 2; tb++) {
                for (int64_t m : sizes) {
                    one(ta, tb, m, 13, 7, 1.0f, 0.0f);
                    one(ta, tb, 7, m, 31, 0.5f, 1.0f);
                    one(ta, tb, 13, 7, m, -1.0f, 0.5f);
                }
                one(ta, tb, 5, 3, 1000, 1.0f, 0.0f);
                one(ta, tb, 4, 6, 0, 1.0f, 0.0f);
                one(ta, tb, 4, 6, 0, 1.0f, 2.0f);
                // large enough to be split over the pool: by columns, by rows, and a last short block
                one(ta, tb, 61, 333, 101, 1.0f, 0.0f);
                one(ta, tb, 301, 37, 97, 0.5f, 1.0f);
                one(ta, tb, 64, 64, 257, -1.0f, 0.5f);
            }
        }
    });
    return g4test::finish("gemm");
}
