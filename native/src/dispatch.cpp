// Chooses the instruction set of the element-wise loops and the packed GEMM once, when the
// library loads; g4_isa_select (tests, and -Dgrad4j.isa in Java) can force another later.
#include <atomic>

#if defined(__aarch64__) && defined(__linux__)
#    include <asm/hwcap.h>
#    include <sys/auxv.h>
#endif

#include "internal.h"
#include "packed_gemm.h"

namespace g4 {
namespace {

bool cpu_has(int isa) {
    if (isa == G4_ISA_SCALAR) return true;
#if defined(__x86_64__) || defined(_M_X64)
    __builtin_cpu_init();
    switch (isa) {
        case G4_ISA_AVX2:
            return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
        case G4_ISA_AVX512:
            return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                   __builtin_cpu_supports("avx512vl");
        default:
            return false;
    }
#elif defined(__aarch64__) && defined(__linux__)
    return isa == G4_ISA_NEON && (getauxval(AT_HWCAP) & HWCAP_ASIMD) != 0;
#else
    return false;
#endif
}

const ElementwiseKernels* table(int isa) {
    switch (isa) {
#if defined(G4_HAVE_AVX512)
        case G4_ISA_AVX512:
            return &elementwise_avx512;
#endif
#if defined(G4_HAVE_AVX2)
        case G4_ISA_AVX2:
            return &elementwise_avx2;
#endif
#if defined(G4_HAVE_NEON)
        case G4_ISA_NEON:
            return &elementwise_neon;
#endif
        case G4_ISA_SCALAR:
            return &elementwise_scalar;
        default:
            return nullptr;
    }
}

int best_isa() {
    for (int isa : {G4_ISA_AVX512, G4_ISA_AVX2, G4_ISA_NEON}) {
        if (cpu_has(isa) && table(isa) != nullptr) return isa;
    }
    return G4_ISA_SCALAR;
}

std::atomic<int> selected{best_isa()};

}  // namespace

const ElementwiseKernels& elementwise() {
    return *table(selected.load(std::memory_order_relaxed));
}

const PackedKernels* packed_kernels() {
    switch (selected.load(std::memory_order_relaxed)) {
#if defined(G4_HAVE_AVX512)
        case G4_ISA_AVX512:
            return &packed_avx512;
#endif
#if defined(G4_HAVE_AVX2)
        case G4_ISA_AVX2:
            return &packed_avx2;
#endif
        default:
            return nullptr;
    }
}

}  // namespace g4

extern "C" int g4_isa_selected(void) {
    return g4::selected.load();
}

extern "C" int g4_isa_select(int isa) {
    if (!g4::cpu_has(isa) || g4::table(isa) == nullptr) return G4_UNSUPPORTED;
    g4::selected.store(isa);
    return G4_OK;
}
