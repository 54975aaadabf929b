// ns per element of the unary kernels on every instruction set the CPU has, for a cache-resident
// and a memory-sized array: `bench_unary [repeats]`, the best of the repeats is printed.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "g4/kernels.h"

namespace {

struct Op {
    int op;
    const char* name;
};

const Op kOps[] = {{G4_UNARY_LEAKY_RELU, "leaky_relu"},
                   {G4_UNARY_EXP, "exp"},
                   {G4_UNARY_LOG, "log"},
                   {G4_UNARY_TANH, "tanh"},
                   {G4_UNARY_SIGMOID, "sigmoid"},
                   {G4_UNARY_SOFTPLUS, "softplus"},
                   {G4_UNARY_ELU, "elu"},
                   {G4_UNARY_ELU_GRAD, "elu_grad"},
                   {G4_UNARY_GELU, "gelu"}};

double ns_per_element(const Op& op, const std::vector<float>& x, std::vector<float>& y, int repeats) {
    const int64_t n = static_cast<int64_t>(x.size());
    const int calls = static_cast<int>(std::max<int64_t>(1, (1 << 22) / n));
    double best = INFINITY;
    for (int r = 0; r < repeats; r++) {
        const auto start = std::chrono::steady_clock::now();
        for (int c = 0; c < calls; c++) g4_f32_unary(op.op, 1.0f, 0.0f, x.data(), 0, y.data(), 0, n);
        const std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - start;
        best = std::min(best, took.count() / (static_cast<double>(calls) * n));
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::atoi(argv[1]) : 5;
    const char* names[] = {"scalar", "avx2", "avx512", "neon"};
    std::mt19937 gen(1);
    std::normal_distribution<float> dist(0.0f, 3.0f);
    std::printf("%-8s %-7s %12s %12s\n", "op", "isa", "n=4096", "n=1048576");
    for (const Op& op : kOps) {
        for (int isa = G4_ISA_SCALAR; isa < G4_ISA_COUNT; isa++) {
            if (g4_isa_select(isa) != G4_OK) continue;
            double ns[2];
            const int64_t sizes[] = {4096, 1 << 20};
            for (int s = 0; s < 2; s++) {
                std::vector<float> x(sizes[s]), y(sizes[s]);
                for (auto& v : x) v = op.op == G4_UNARY_LOG ? std::fabs(dist(gen)) + 0.01f : dist(gen);
                ns[s] = ns_per_element(op, x, y, repeats);
            }
            std::printf("%-8s %-7s %9.2f ns %9.2f ns\n", op.name, names[isa], ns[0], ns[1]);
        }
    }
    return 0;
}
