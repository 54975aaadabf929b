// g4_f32_gemm against a double triple loop: all transposes, alpha/beta, padded leading dims, offsets.
#include <cblas.h>

#include <thread>

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
                s += static_cast<double>(a[off + (ta ? p * lda + i : i * lda + p)]) *
                     b[off + (tb ? j * ldb + p : p * ldb + j)];
            }
            ref[i * n + j] = alpha * s + (beta == 0.0f ? 0.0 : beta * static_cast<double>(c[off + i * ldc + j]));
        }
    }
    g4_f32_gemm(ta, tb, m, n, k, alpha, a.data(), off, lda, b.data(), off, ldb, beta, c.data(), off, ldc);
    std::vector<float> got(m * n);
    for (int64_t i = 0; i < m; i++) {
        for (int64_t j = 0; j < n; j++) got[i * n + j] = c[off + i * ldc + j];
    }
    const std::string problem = "gemm ta=" + std::to_string(ta) + " tb=" + std::to_string(tb) +
                                " m=" + std::to_string(m) + " n=" + std::to_string(n) + " k=" + std::to_string(k) +
                                " alpha=" + std::to_string(alpha) + " beta=" + std::to_string(beta);
    g4test::close(problem, got.data(), ref.data(), got.size(), 1e-4, 1e-4 * std::sqrt(static_cast<double>(k) + 1));
}

// Four threads multiplying at once on a pool of three: they take the pool in turn, and each gets
// the values the product gives alone.
void concurrent_callers() {
    const int64_t m = 200, n = 190, k = 170;
    const auto a = g4test::random(m * k, 21), b = g4test::random(k * n, 22);
    g4_set_num_threads(3);
    std::vector<float> alone(m * n);
    g4_f32_gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, alone.data(), 0, n);
    std::vector<std::vector<float>> got(4, std::vector<float>(m * n));
    std::vector<std::thread> callers;
    for (auto& c : got) {
        callers.emplace_back([&, c = c.data()] {
            for (int i = 0; i < 30; i++) {
                std::fill(c, c + m * n, NAN);
                g4_f32_gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, c, 0, n);
            }
        });
    }
    for (auto& t : callers) t.join();
    for (const auto& c : got) g4test::expect(c == alone, "gemm: four concurrent callers get the values of one");
}

// A thread outside the library raises OpenBLAS's thread count and calls it directly while another
// thread uses the pool: its jobs run on the pool when it is free, else on threads of their own.
void direct_openblas_caller() {
    const int64_t m = 200, n = 190, k = 170;
    const auto a = g4test::random(m * k, 23), b = g4test::random(k * n, 24);
    g4_set_num_threads(3);
    std::vector<float> alone(m * n), busy(m * n), direct(m * n);
    g4_f32_gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, alone.data(), 0, n);
    std::vector<double> ref(alone.begin(), alone.end());
    std::thread library([&] {
        for (int i = 0; i < 60; i++) {
            g4_f32_gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, busy.data(), 0, n);
        }
    });
    for (int i = 0; i < 60; i++) {
        openblas_set_num_threads(3);
        std::fill(direct.begin(), direct.end(), NAN);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0f, a.data(), k, b.data(), n, 0.0f,
                    direct.data(), n);
        if (!g4test::close("direct OpenBLAS call beside the library", direct.data(), ref.data(), ref.size(), 1e-4,
                           1e-4 * std::sqrt(k + 1.0))) {
            break;
        }
    }
    library.join();
    openblas_set_num_threads(1);
    g4test::expect(busy == alone, "gemm beside a direct OpenBLAS caller gets the values of one");
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
                // large enough for OpenBLAS's threaded driver, its jobs on the pool
                one(ta, tb, 61, 333, 101, 1.0f, 0.0f);
                one(ta, tb, 301, 37, 97, 0.5f, 1.0f);
                one(ta, tb, 64, 64, 257, -1.0f, 0.5f);
            }
        }
    });
    concurrent_callers();
    direct_openblas_caller();
    g4_set_num_threads(1);
    return g4test::finish("gemm");
}
