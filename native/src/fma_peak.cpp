// The arithmetic peak: the selected instruction set's FMA chains on every thread of the pool at once.
#include <chrono>

#include "internal.h"
#include "parallel.h"

extern "C" double g4_fma_peak(int64_t iterations) {
    if (iterations < 1) return -1.0;
    const g4::ElementwiseKernels& kernels = g4::elementwise();
    const int threads = g4::pool_threads();
    const auto start = std::chrono::steady_clock::now();
    g4::run_parts(threads, threads, [&](int, int64_t, int64_t) { kernels.fma_chains(iterations); });
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    return static_cast<double>(kernels.fma_chain_flops) * static_cast<double>(iterations) * threads / seconds.count();
}
