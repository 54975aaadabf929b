// Shared by the kernel sources: the per-ISA entry points and small helpers.
#ifndef G4_INTERNAL_H
#define G4_INTERNAL_H

#include <cstdint>

#include "g4/kernels.h"

namespace g4 {

struct Conv;

// Contiguous element-wise loops, compiled once per instruction set from elementwise_impl.h, and the
// FMA chains of g4_fma_peak.
struct ElementwiseKernels {
    void (*unary)(int op, float alpha, float beta, const float* x, float* y, int64_t n);
    // out[i] = op(a[i * sa], b[i * sb]) for i < n
    void (*binary)(int op, const float* a, int64_t sa, const float* b, int64_t sb, float* out, int64_t n);
    // y = act(x + bias) for one row of n; act < 0 means none
    void (*bias_activation)(int act, float alpha, const float* x, const float* bias, float* y, int64_t n);
    // sum[i] += x[i] for i < n: the reductions' rows
    void (*accumulate)(float* sum, const float* x, int64_t n);
    // One channel of a stride-1 col2im (conv.cpp): x's h × w plane, each element the sum, in tap
    // order, of the column rows (tap i · kw + j at col + (i · kw + j) · ld) that read it.
    void (*col2im_plane)(const Conv& p, const float* col, int64_t ld, float* x);
    void (*sgd)(float* p, const float* g, float* buf, int64_t n, float lr, float momentum, float dampening,
                float weight_decay, int nesterov, int first_step);
    void (*adam)(float* p, const float* g, float* m, float* v, int64_t n, float lr, float beta1, float beta2, float eps,
                 float weight_decay, float step_size, float sqrt_c2, int decoupled);
    // One output row of a 2 × 2, stride-2 max pool; false where the input rows hold a NaN (pool.cpp).
    bool (*max_pool_row_2x2)(const float* r0, const float* r1, int64_t ow, int32_t base, int32_t w, float* y,
                             int32_t* argmax);
    // out[j] = table[src[j]] for j < n: one sample of a batch (g4_u8_lookup_rows).
    void (*lookup_row)(const uint8_t* src, const float* table, float* out, int64_t n);
    // Independent FMA chains (fma_chains_impl.h): the sum of their lanes after `iterations` steps.
    float (*fma_chains)(int64_t iterations);
    // Floating-point operations of one step of fma_chains.
    int64_t fma_chain_flops;
};

extern const ElementwiseKernels elementwise_scalar;
extern const ElementwiseKernels elementwise_avx2;
extern const ElementwiseKernels elementwise_avx512;
extern const ElementwiseKernels elementwise_neon;

// The table chosen at load time (or forced by g4_isa_select).
const ElementwiseKernels& elementwise();

// C = alpha · op(A) · op(B) + beta · C, row-major, on the pool (src/gemm.cpp).
void sgemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
           const float* b, int64_t ldb, float beta, float* c, int64_t ldc);

// An n-d index space over several strided operands, dims merged where every operand allows,
// walked row by row (the Java backend's StridedLoop, in C++).
class StridedLoop {
  public:
    static constexpr int kMaxRank = 16;
    static constexpr int kMaxOperands = 5;

    StridedLoop(int32_t rank, const int32_t* shape, int operands, const int32_t* const* strides);

    int64_t rows() const { return rows_; }
    int64_t inner() const { return shape_[rank_ - 1]; }
    int64_t inner_stride(int op) const { return strides_[op][rank_ - 1]; }
    // offsets[k] += offset of row `row` for operand k
    void row_offsets(int64_t row, int64_t* offsets) const;

  private:
    int rank_ = 0;
    int operands_ = 0;
    int64_t rows_ = 1;
    int64_t shape_[kMaxRank];
    int64_t strides_[kMaxOperands][kMaxRank];
};

}  // namespace g4

#endif
