// GFLOPS of g4_f32_gemm with each instruction set the CPU has, on the pool's threads, for square
// products and the examples' layers: `bench_gemm [threads] [repeats]`; the best repeat is printed.
// AVX-512 runs our packed GEMM where the product suits it, the others OpenBLAS.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "g4/kernels.h"

namespace {

struct Shape {
    int ta, tb;
    int64_t m, n, k;
};

double gflops(const Shape& s, int repeats) {
    std::vector<float> a(s.m * s.k, 0.5f), b(s.k * s.n, 0.25f), c(s.m * s.n);
    std::vector<float> ws(g4_f32_gemm_workspace_size(s.m, s.n, s.k));
    const double flop = 2.0 * s.m * s.n * s.k;
    const int calls = static_cast<int>(std::max(1.0, 2e8 / flop));
    const int64_t lda = s.ta ? s.m : s.k, ldb = s.tb ? s.k : s.n;
    double best = INFINITY;
    for (int r = 0; r < repeats; r++) {
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < calls; i++) {
            g4_f32_gemm(s.ta, s.tb, s.m, s.n, s.k, 1.0f, a.data(), 0, lda, b.data(), 0, ldb, 0.0f, c.data(), 0, s.n,
                        ws.data(), static_cast<int64_t>(ws.size()));
        }
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        best = std::min(best, took.count() / calls);
    }
    return flop / best / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    g4_set_num_threads(threads);
    const Shape shapes[] = {{0, 0, 64, 64, 64},    {0, 0, 128, 128, 128},    {0, 0, 256, 256, 256},
                            {0, 0, 512, 512, 512}, {0, 0, 1024, 1024, 1024}, {0, 1, 128, 400, 784},
                            {0, 1, 128, 100, 400}, {0, 0, 128, 400, 100},    {1, 0, 100, 400, 128},
                            {1, 0, 400, 784, 128}, {0, 1, 128, 128, 3136},   {1, 0, 128, 3136, 64},
                            {0, 0, 64, 3136, 128}, {0, 0, 13, 1024, 1024},   {0, 0, 1024, 40, 1024},
                            {0, 0, 1, 1024, 1024}, {0, 1, 128, 10, 100},     {0, 0, 1024, 72, 1024}};
    const char* names[] = {"scalar", "avx2", "avx512", "neon"};
    std::printf("%-22s", "t  m x n x k");
    for (const char* name : names) std::printf(" %10s", name);
    std::printf("   (GFLOPS, %d threads)\n", threads);
    for (const Shape& s : shapes) {
        char label[64];
        std::snprintf(label, sizeof label, "%c%c %lld x %lld x %lld", s.ta ? 'T' : 'N', s.tb ? 'T' : 'N',
                      static_cast<long long>(s.m), static_cast<long long>(s.n), static_cast<long long>(s.k));
        std::printf("%-22s", label);
        for (int isa = G4_ISA_SCALAR; isa < G4_ISA_COUNT; isa++) {
            if (g4_isa_select(isa) != G4_OK) {
                std::printf(" %10s", "-");
                continue;
            }
            std::printf(" %10.1f", gflops(s, repeats));
        }
        std::printf("\n");
    }
    return 0;
}
