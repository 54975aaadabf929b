// Tiny test helpers: seeded data, tolerant comparison that prints the problem, pass/fail count.
#ifndef G4_TEST_CHECK_H
#define G4_TEST_CHECK_H

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "g4/kernels.h"

namespace g4test {

inline int& failures() {
    static int count = 0;
    return count;
}

inline int& checks() {
    static int count = 0;
    return count;
}

inline std::vector<float> random(size_t n, uint32_t seed, float lo = -1.0f, float hi = 1.0f) {
    std::mt19937 gen(seed);
    std::uniform_real_distribution<float> dist(lo, hi);
    std::vector<float> v(n);
    for (auto& x : v) x = dist(gen);
    return v;
}

// The name of a g4_isa, for messages.
inline const char* isa_name(int isa) {
    static const char* const names[] = {"scalar", "avx2", "avx512", "neon"};
    return isa >= 0 && isa < G4_ISA_COUNT ? names[isa] : "unknown";
}

// run(name) once per instruction set the CPU and the build have, with it selected; the one selected
// before is selected again afterwards.
template <typename Run>
void for_each_isa(const char* family, Run run) {
    const int selected = g4_isa_selected();
    for (int isa = G4_ISA_SCALAR; isa < G4_ISA_COUNT; isa++) {
        if (g4_isa_select(isa) != G4_OK) {
            std::printf("%s: %s not available on this CPU or build\n", family, isa_name(isa));
            continue;
        }
        run(isa_name(isa));
    }
    g4_isa_select(selected);
}

// What the failure messages name besides the problem, e.g. "threads=3".
inline std::string& context() {
    static std::string text;
    return text;
}

// Compares got with ref element by element; on the first mismatch prints the problem and stops.
inline bool close(const std::string& problem, const float* got, const double* ref, size_t n, double rtol = 1e-5,
                  double atol = 1e-6) {
    checks()++;
    for (size_t i = 0; i < n; i++) {
        const double r = ref[i];
        const double g = got[i];
        const bool both_nan = std::isnan(r) && std::isnan(g);
        if (!both_nan && !(std::fabs(g - r) <= atol + rtol * std::fabs(r))) {
            std::fprintf(stderr, "FAIL %s%s: index %zu ref %.9g got %.9g\n", context().c_str(), problem.c_str(), i, r,
                         g);
            failures()++;
            return false;
        }
    }
    return true;
}

// The thread counts the gemm, conv and pool tests run their cases under: one, and more than the
// machine may have. (test_parallel compares three threads with one for the other kernels.)
constexpr int kThreadCounts[] = {1, 3};

// run() once per thread count, with the library's pool set to it.
template <typename Run>
void for_each_thread_count(void (*set_threads)(int), Run run) {
    for (int threads : kThreadCounts) {
        set_threads(threads);
        context() = "threads=" + std::to_string(threads) + " ";
        run();
    }
    context().clear();
}

inline bool expect(bool ok, const std::string& what) {
    checks()++;
    if (!ok) {
        std::fprintf(stderr, "FAIL %s%s\n", context().c_str(), what.c_str());
        failures()++;
    }
    return ok;
}

inline int finish(const char* name) {
    std::printf("%s: %d checks, %d failed\n", name, checks(), failures());
    return failures() == 0 ? 0 : 1;
}

}  // namespace g4test

#endif
