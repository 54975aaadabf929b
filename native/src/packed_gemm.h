// Our own GEMM (packed_gemm.cpp): C = alpha · op(A) · op(B) + beta · C, row-major, on the calling
// thread, with the micro-kernels of the selected instruction set (gemm_avx512.cpp, gemm_avx2.cpp).
// It packs op(A) into panels of kPackedMr rows and op(B) into panels of kPackedNr columns, in the
// caller's buffer: no allocation.
#ifndef G4_PACKED_GEMM_H
#define G4_PACKED_GEMM_H

#include <algorithm>
#include <cstdint>

namespace g4 {

// The micro-tile (kPackedMr × kPackedNr of C: 24 AVX-512 registers, or four tiles of 6 × 16 in 12 AVX2
// registers each) and the blocks of k, m and n packed at a time. Every panel of a block of op(A)
// passes over the whole block of op(B) (kc × nc, 640 KB), which should therefore stay in L2.
constexpr int64_t kPackedMr = 12;
constexpr int64_t kPackedNr = 32;
constexpr int64_t kPackedKc = 320;
constexpr int64_t kPackedMc = 96;
constexpr int64_t kPackedNc = 512;

inline int64_t round_up(int64_t n, int64_t multiple) {
    return (n + multiple - 1) / multiple * multiple;
}

// The block of k packed at a time: k cut into the fewest blocks of at most kPackedKc, all of about
// one size, so that no block is a short remainder (1024 → 4 × 256, not 3 × 320 + 64).
inline int64_t k_block(int64_t k) {
    const int64_t blocks = (k + kPackedKc - 1) / kPackedKc;
    return (k + blocks - 1) / blocks;
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

// The parts of this GEMM that each instruction set has its own of.
struct PackedKernels {
    // C[0 .. m, 0 .. n) = alpha · (A panel · B panel) + beta · C for an m × n micro-tile (m ≤ kPackedMr,
    // n ≤ kPackedNr) over kc steps of k; C not read when beta = 0.
    void (*tile)(int64_t kc, const float* a, const float* b, float* c, int64_t ldc, int m, int n, float alpha,
                 float beta);
    void (*pack_panel)(const float* const* steps, int64_t items, int64_t kc, int64_t width, float* out);
    void (*pack_panel_transposed)(const float* const* rows, int64_t items, int64_t kc, int64_t width, float* out);
};

extern const PackedKernels packed_avx2;
extern const PackedKernels packed_avx512;

// The selected instruction set's kernels (dispatch.cpp); null where it has none (scalar, NEON).
const PackedKernels* packed_kernels();

inline bool packed_gemm_available() {
    return packed_kernels() != nullptr;
}

// Where packed_sgemm reads an operand: pack(source, p0, kc, first, count, width, out) writes k
// [p0, p0 + kc) of items [first, first + count) (rows of op(A), columns of op(B)) as panels of
// `width` items (kPackedMr for A, kPackedNr for B), one after another, each kc × width (k-major),
// zero-padded to whole panels. A convolution's source builds its image columns right there.
struct PanelSource {
    void (*pack)(const void* source, int64_t p0, int64_t kc, int64_t first, int64_t count, int64_t width, float* out);
    const void* source;
};

// A row-major matrix as a source: item i at k index q is data[i * item_stride + q * k_stride], one
// of the strides 1.
struct MatrixPanels {
    const float* data;
    int64_t item_stride, k_stride;
};

// One panel of items contiguous at each k step: out[k * width + i] = steps[k][i] for k < kc and
// i < items ≤ width, zero for the padding items ≤ i < width.
void pack_panel(const float* const* steps, int64_t items, int64_t kc, int64_t width, float* out);

// One panel of items whose k runs are contiguous: out[k * width + i] = rows[i][k] for k < kc and
// i < items ≤ width, zero for the padding items ≤ i < width.
void pack_panel_transposed(const float* const* rows, int64_t items, int64_t kc, int64_t width, float* out);

void pack_matrix(const void* source, int64_t p0, int64_t kc, int64_t first, int64_t count, int64_t width, float* out);

// op(A) (trans: A is k × m) or op(B) (trans: B is n × k) of a matrix with leading dimension ld.
inline MatrixPanels a_panels(bool trans, const float* a, int64_t ld) {
    return trans ? MatrixPanels{a, 1, ld} : MatrixPanels{a, ld, 1};
}
inline MatrixPanels b_panels(bool trans, const float* b, int64_t ld) {
    return trans ? MatrixPanels{b, ld, 1} : MatrixPanels{b, 1, ld};
}
inline PanelSource source_of(const MatrixPanels& matrix) {
    return {pack_matrix, &matrix};
}

// Packs all of op(A) for GEMMs that share it (a convolution's weights, image after image).
void pack_a_whole(const PanelSource& a, int64_t m, int64_t k, float* out);

// k > 0; pack holds packed_gemm_floats(n) floats. packed_a is op(A) from pack_a_whole, or null:
// then op(A) is packed block by block into pack.
void packed_sgemm(int64_t m, int64_t n, int64_t k, float alpha, const PanelSource& a, const PanelSource& b, float beta,
                  float* c, int64_t ldc, const float* packed_a, float* pack);

inline void packed_sgemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a,
                         int64_t lda, const float* b, int64_t ldb, float beta, float* c, int64_t ldc,
                         const float* packed_a, float* pack) {
    const MatrixPanels pa = a_panels(trans_a, a, lda), pb = b_panels(trans_b, b, ldb);
    packed_sgemm(m, n, k, alpha, source_of(pa), source_of(pb), beta, c, ldc, packed_a, pack);
}

}  // namespace g4

#endif
