// Independent chains of fused multiply-adds, c = c · a + b, at the widest vectors the including file
// is compiled for: the arithmetic peak the kernels are measured against (g4_fma_peak). Enough chains
// that every FMA unit stays busy despite each FMA's latency (two units × four to five cycles).
#include <cstdint>

#if defined(__AVX512F__)
#    include <immintrin.h>
#elif defined(__AVX2__) && defined(__FMA__)
#    include <immintrin.h>
#elif defined(G4_NEON_VARIANT)
#    include <arm_neon.h>
#endif

namespace {

#if defined(__AVX512F__)
using Chain = __m512;
constexpr int kChainLanes = 16;
constexpr int kChains = 16;
inline Chain chain_splat(float v) {
    return _mm512_set1_ps(v);
}
inline Chain chain_fma(Chain c, Chain a, Chain b) {
    return _mm512_fmadd_ps(c, a, b);
}
inline void chain_store(float* lanes, Chain c) {
    _mm512_storeu_ps(lanes, c);
}
#elif defined(__AVX2__) && defined(__FMA__)
using Chain = __m256;
constexpr int kChainLanes = 8;
constexpr int kChains = 12;  // and a and b: 14 of the 16 registers
inline Chain chain_splat(float v) {
    return _mm256_set1_ps(v);
}
inline Chain chain_fma(Chain c, Chain a, Chain b) {
    return _mm256_fmadd_ps(c, a, b);
}
inline void chain_store(float* lanes, Chain c) {
    _mm256_storeu_ps(lanes, c);
}
#elif defined(G4_NEON_VARIANT)
using Chain = float32x4_t;
constexpr int kChainLanes = 4;
constexpr int kChains = 16;
inline Chain chain_splat(float v) {
    return vdupq_n_f32(v);
}
inline Chain chain_fma(Chain c, Chain a, Chain b) {
    return vfmaq_f32(b, c, a);
}
inline void chain_store(float* lanes, Chain c) {
    vst1q_f32(lanes, c);
}
#else
using Chain = float;
constexpr int kChainLanes = 1;
constexpr int kChains = 8;
inline Chain chain_splat(float v) {
    return v;
}
inline Chain chain_fma(Chain c, Chain a, Chain b) {
    return c * a + b;
}
inline void chain_store(float* lanes, Chain c) {
    *lanes = c;
}
#endif

// Runs every chain `iterations` steps from c = chain index / 1000 with a = 0.999, b = 0.001, and
// returns the sum of all lanes, so that no step can be left out.
float fma_chains(int64_t iterations) {
    Chain c[kChains];
    for (int i = 0; i < kChains; i++) c[i] = chain_splat(static_cast<float>(i) / 1000.0f);
    const Chain a = chain_splat(0.999f), b = chain_splat(0.001f);
    for (int64_t step = 0; step < iterations; step++) {
#pragma GCC unroll 16
        for (int i = 0; i < kChains; i++) c[i] = chain_fma(c[i], a, b);
    }
    float lanes[kChainLanes], sum = 0.0f;
    for (int i = 0; i < kChains; i++) {
        chain_store(lanes, c[i]);
        for (float v : lanes) sum += v;
    }
    return sum;
}

constexpr int64_t kFmaChainFlops = int64_t{2} * kChainLanes * kChains;

}  // namespace
