// Our own GEMM for the convolutions (gemm_avx512.cpp): C = alpha · op(A) · op(B) + beta · C,
// row-major, on the calling thread, with AVX-512 micro-kernels. It packs op(A) into panels of
// kPackedMr rows and op(B) into panels of kPackedNr columns, in the caller's buffer: no allocation.
#ifndef G4_PACKED_GEMM_H
#define G4_PACKED_GEMM_H

#include <algorithm>
#include <cstdint>

namespace g4 {

// The micro-tile (kPackedMr × kPackedNr of C, in 24 registers) and the blocks of k, m and n packed at a time.
constexpr int64_t kPackedMr = 12;
constexpr int64_t kPackedNr = 32;
constexpr int64_t kPackedKc = 320;
constexpr int64_t kPackedMc = 96;
constexpr int64_t kPackedNc = 4096;

inline int64_t round_up(int64_t n, int64_t multiple) {
    return (n + multiple - 1) / multiple * multiple;
}

// Floats of packing buffer for GEMMs at most n columns wide.
inline int64_t packed_gemm_floats(int64_t n) {
    return kPackedKc * (kPackedMc + round_up(std::min(n, kPackedNc), kPackedNr));
}

// Floats of an m × k op(A) packed whole by pack_a_whole.
inline int64_t packed_a_floats(int64_t m, int64_t k) {
    return round_up(m, kPackedMr) * k;
}

// Whether padding n columns to whole micro-tiles adds at most 30 %: narrower products (a
// classifier's last layer, a first convolution's 3 × 3 weight gradient) run faster in OpenBLAS.
// Padded rows cost less (a tile has 12), so rows set no limit.
inline bool packed_gemm_pays(int64_t n) {
    return round_up(n, kPackedNr) * 10 <= n * 13;
}

// Whether the selected instruction set has this GEMM (AVX-512; dispatch.cpp).
bool packed_gemm_available();

// Packs all of op(A) for GEMMs that share it (a convolution's weights, image after image).
void pack_a_whole(bool trans_a, const float* a, int64_t lda, int64_t m, int64_t k, float* out);

// k > 0; pack holds packed_gemm_floats(n) floats. packed_a is op(A) from pack_a_whole, or null:
// then op(A) is packed block by block into pack.
void packed_sgemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
                  const float* b, int64_t ldb, float beta, float* c, int64_t ldc, const float* packed_a, float* pack);

}  // namespace g4

#endif
