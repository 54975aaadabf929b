// g4_f32_gemm against a double triple loop: all transposes, alpha/beta, padded leading dims, offsets,
// on every instruction set (OpenBLAS on the scalar one, our packed GEMM on AVX2 and AVX-512).
#include <cblas.h>

#include <cstdio>
#include <thread>

#include "check.h"
#include "g4/kernels.h"

namespace {

// g4_f32_gemm with the work space it asks for.
int gemm(int ta, int tb, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t a_off, int64_t lda,
         const float* b, int64_t b_off, int64_t ldb, float beta, float* c, int64_t c_off, int64_t ldc) {
    std::vector<float> ws(g4_f32_gemm_workspace_size(m, n, k));
    return g4_f32_gemm(ta, tb, m, n, k, alpha, a, a_off, lda, b, b_off, ldb, beta, c, c_off, ldc, ws.data(),
                       static_cast<int64_t>(ws.size()));
}

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
    g4test::expect(
        gemm(ta, tb, m, n, k, alpha, a.data(), off, lda, b.data(), off, ldb, beta, c.data(), off, ldc) == G4_OK,
        "gemm returns OK");
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
    gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, alone.data(), 0, n);
    std::vector<std::vector<float>> got(4, std::vector<float>(m * n));
    std::vector<std::thread> callers;
    for (auto& c : got) {
        callers.emplace_back([&, c = c.data()] {
            for (int i = 0; i < 30; i++) {
                std::fill(c, c + m * n, NAN);
                gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, c, 0, n);
            }
        });
    }
    for (auto& t : callers) t.join();
    for (const auto& c : got) g4test::expect(c == alone, "gemm: four concurrent callers get the values of one");
}

// A thread outside the library raises OpenBLAS's thread count (process-wide) and calls it directly
// while another thread uses the library: both get their values, though the library's products that
// run in OpenBLAS may then run on OpenBLAS's threads too, and round differently.
void direct_openblas_caller() {
    const int64_t m = 200, n = 190, k = 170;
    const auto a = g4test::random(m * k, 23), b = g4test::random(k * n, 24);
    g4_set_num_threads(3);
    std::vector<float> alone(m * n), busy(m * n), direct(m * n);
    gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, alone.data(), 0, n);
    std::vector<double> ref(alone.begin(), alone.end());
    std::thread library([&] {
        for (int i = 0; i < 60; i++) {
            gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, busy.data(), 0, n);
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
    g4test::close("gemm beside a direct OpenBLAS caller", busy.data(), ref.data(), ref.size(), 1e-4,
                  1e-4 * std::sqrt(k + 1.0));
}

// The packed GEMM's values do not depend on the threads it runs on, and it runs on fewer threads
// (not a wrong result) with a work space sized for fewer; one too small for a thread is refused.
// (OpenBLAS's threaded driver may round differently on other thread counts.)
void packed_threads_and_workspace() {
    const int64_t m = 150, n = 260, k = 400;
    const auto a = g4test::random(m * k, 31), b = g4test::random(k * n, 32);
    g4_set_num_threads(1);
    const int64_t one_thread = g4_f32_gemm_workspace_size(m, n, k);
    g4test::expect(g4_f32_gemm_workspace_size(-1, n, k) == -1, "gemm work space of a negative size");
    const int isa = g4_isa_selected();
    if (!g4test::expect((one_thread > 0) == (isa == G4_ISA_AVX2 || isa == G4_ISA_AVX512),
                        "the packed GEMM runs this product exactly where AVX2 or AVX-512 is selected") ||
        one_thread == 0) {
        return;
    }
    std::vector<float> alone(m * n);
    gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, alone.data(), 0, n);
    g4_set_num_threads(3);
    std::vector<float> threads(m * n), narrow(m * n);
    gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, threads.data(), 0, n);
    g4test::expect(threads == alone, "packed gemm on three threads gets the values of one");
    std::vector<float> ws(one_thread);
    g4test::expect(g4_f32_gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, narrow.data(), 0, n,
                               ws.data(), one_thread) == G4_OK,
                   "packed gemm with a work space for one thread");
    g4test::expect(narrow == alone, "packed gemm with a work space for one thread gets the values of three");
    g4test::expect(g4_f32_gemm(0, 0, m, n, k, 1.0f, a.data(), 0, k, b.data(), 0, n, 0.0f, narrow.data(), 0, n,
                               ws.data(), one_thread - 1) == G4_INVALID_ARGUMENT,
                   "packed gemm refuses a work space smaller than one thread's");
    g4_set_num_threads(1);
}

}  // namespace

int main() {
    const int64_t sizes[] = {1, 7, 13, 31, 64, 67};
    g4test::for_each_isa("gemm", [&](const char* isa) {
        g4test::for_each_thread_count(g4_set_num_threads, [&] {
            g4test::context() += std::string(isa) + " ";
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
                    // large enough for several threads
                    one(ta, tb, 61, 333, 101, 1.0f, 0.0f);
                    one(ta, tb, 301, 37, 97, 0.5f, 1.0f);
                    one(ta, tb, 64, 64, 257, -1.0f, 0.5f);
                    // the packed GEMM's blocks: several blocks of k (700 as 234 + 234 + 232) and of rows
                    // (96), a short last micro-tile, cut along n (wide) and along m (tall)
                    one(ta, tb, 100, 250, 700, 1.0f, 0.0f);
                    one(ta, tb, 500, 60, 333, 0.5f, 1.0f);
                    one(ta, tb, 24, 32, 5, 2.0f, -1.0f);
                }
            }
            // wider than one block of columns (512): 512 + 512 + 76, and with beta
            one(0, 1, 12, 1100, 3, 1.0f, 0.0f);
            one(1, 0, 30, 1100, 400, 0.5f, 1.0f);
        });
        packed_threads_and_workspace();
    });
    concurrent_callers();
    // on OpenBLAS (scalar) and on the packed GEMM
    g4test::for_each_isa("gemm", [](const char*) { direct_openblas_caller(); });
    g4_set_num_threads(1);
    return g4test::finish("gemm");
}
