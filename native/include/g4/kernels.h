/*
 * grad4j native kernels: the one header of plain C functions that the Java side calls.
 *
 * Conventions
 * - Every array argument is a base pointer plus an element offset (the Java side passes heap
 *   arrays and tensor offsets); sizes and strides are in elements.
 * - Callers validate every shape, stride and index against their arrays before the call (the Java
 *   side does): kernels cannot see array lengths. Kernels check only what they can see (op codes,
 *   negative sizes, rank, geometry, the indices of gather, scatter-add, cross-entropy and
 *   lookup_rows, the work space's size) and return G4_INVALID_ARGUMENT for those, in every build;
 *   they have no asserts.
 *   They never allocate: work space is passed in, its size given by the matching
 *   *_workspace_size function.
 * - Functions return a g4_status; nothing throws across this boundary.
 * - Enum values equal the ordinals of the Java enums org.grad4j.backend.UnaryOp, BinaryOp and
 *   ReduceOp (a Java test checks this).
 * - G4_PINNED marks functions whose Java arrays are pinned, not copied, for the call.
 */
#ifndef G4_KERNELS_H
#define G4_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef G4_EXPORT
#    if defined(_WIN32)
#        define G4_EXPORT __declspec(dllexport)
#    else
#        define G4_EXPORT __attribute__((visibility("default")))
#    endif
#endif
#define G4_PINNED

typedef enum g4_status { G4_OK = 0, G4_INVALID_ARGUMENT = 1, G4_UNSUPPORTED = 2 } g4_status;

typedef enum g4_unary_op {
    G4_UNARY_NEG,
    G4_UNARY_EXP,
    G4_UNARY_LOG,
    G4_UNARY_SQRT,
    G4_UNARY_ABS,
    G4_UNARY_SIGN,
    G4_UNARY_TANH,
    G4_UNARY_SIGMOID,
    G4_UNARY_LEAKY_RELU,
    G4_UNARY_SOFTPLUS,
    G4_UNARY_GELU,
    G4_UNARY_ERF,
    G4_UNARY_FLOOR,
    G4_UNARY_CEIL,
    G4_UNARY_TRUNC,
    G4_UNARY_ELU,
    G4_UNARY_CLAMP,
    G4_UNARY_POW,
    G4_UNARY_LEAKY_RELU_GRAD,
    G4_UNARY_GELU_GRAD,
    G4_UNARY_ELU_GRAD,
    G4_UNARY_CLAMP_GRAD,
    G4_UNARY_COUNT
} g4_unary_op;

typedef enum g4_binary_op {
    G4_BINARY_ADD,
    G4_BINARY_SUB,
    G4_BINARY_MUL,
    G4_BINARY_DIV,
    G4_BINARY_POW,
    G4_BINARY_GT,
    G4_BINARY_GE,
    G4_BINARY_LT,
    G4_BINARY_LE,
    G4_BINARY_EQ,
    G4_BINARY_NE,
    G4_BINARY_RELU_BACKWARD,
    G4_BINARY_COUNT
} g4_binary_op;

typedef enum g4_reduce_op {
    G4_REDUCE_SUM,
    G4_REDUCE_MAX,
    G4_REDUCE_MIN,
    G4_REDUCE_ARGMAX,
    G4_REDUCE_ARGMIN,
    G4_REDUCE_COUNT
} g4_reduce_op;

/* Instruction sets of the element-wise kernels: scalar on every CPU; AVX2 and AVX-512 on x86-64, where
   the dispatcher prefers the widest; NEON (Advanced SIMD) on AArch64. */
typedef enum g4_isa { G4_ISA_SCALAR = 0, G4_ISA_AVX2 = 1, G4_ISA_AVX512 = 2, G4_ISA_NEON = 3, G4_ISA_COUNT } g4_isa;

/* Positions in the int32 geometry arrays of convolution and pooling. */
enum {
    G4_CONV_BATCH,
    G4_CONV_IN_CHANNELS,
    G4_CONV_IN_HEIGHT,
    G4_CONV_IN_WIDTH,
    G4_CONV_OUT_CHANNELS,
    G4_CONV_KERNEL_H,
    G4_CONV_KERNEL_W,
    G4_CONV_STRIDE_H,
    G4_CONV_STRIDE_W,
    G4_CONV_PAD_H,
    G4_CONV_PAD_W,
    G4_CONV_DILATION_H,
    G4_CONV_DILATION_W,
    G4_CONV_GROUPS,
    G4_CONV_OUT_HEIGHT,
    G4_CONV_OUT_WIDTH,
    G4_CONV_GEOMETRY_SIZE
};
enum {
    G4_POOL_BATCH,
    G4_POOL_CHANNELS,
    G4_POOL_IN_HEIGHT,
    G4_POOL_IN_WIDTH,
    G4_POOL_KERNEL_H,
    G4_POOL_KERNEL_W,
    G4_POOL_STRIDE_H,
    G4_POOL_STRIDE_W,
    G4_POOL_PAD_H,
    G4_POOL_PAD_W,
    G4_POOL_DILATION_H,
    G4_POOL_DILATION_W,
    G4_POOL_OUT_HEIGHT,
    G4_POOL_OUT_WIDTH,
    G4_POOL_GEOMETRY_SIZE
};

/* ---- set-up ---------------------------------------------------------------------------- */

/* The instruction set the element-wise kernels (and, with AVX2 or AVX-512, our packed GEMM) run on:
   the best the CPU and this build have, chosen at load time, unless g4_isa_select forced another. */
G4_EXPORT int g4_isa_selected(void);
/* Forces an instruction set (tests; -Dgrad4j.isa in Java); returns G4_UNSUPPORTED if the CPU lacks
   it or the library was built without it (G4_ENABLE_AVX2, G4_ENABLE_AVX512). */
G4_EXPORT int g4_isa_select(int isa);
/* The size of the library's one thread pool (the calling thread included), which splits our kernels
   and the GEMMs that run in OpenBLAS (one single-threaded OpenBLAS call per part); process-wide.
   Inside a part of g4_run_parts, whose region holds the pool, setting it does nothing. */
G4_EXPORT void g4_set_num_threads(int threads);
G4_EXPORT int g4_get_num_threads(void);
/* A part of the caller's work, run by g4_run_parts: `region` is the caller's value, `part` the part. */
typedef void (*g4_part_fn)(int64_t region, int part);
/* Runs fn(region, part) once for every part in [0, parts) on the pool's threads, the caller's among
   them, and returns when all have run. Kernels called inside a part run on that part's thread alone, cut
   into the same parts as on the pool, so their results do not depend on which thread ran the part.
   A call inside a part, or on a pool of one thread, runs the parts one after another on the caller.
   G4_INVALID_ARGUMENT for parts < 1 or a null fn. */
G4_EXPORT int g4_run_parts(int parts, g4_part_fn fn, int64_t region);
/* The machine's FP32 peak as the kernels can reach it: independent chains of fused multiply-adds at
   the selected instruction set's widest vectors, `iterations` steps each, on every thread of the pool
   at once. Returns floating-point operations per second, or -1 for iterations < 1. */
G4_EXPORT double g4_fma_peak(int64_t iterations);

/* ---- matrix products ------------------------------------------------------------------- */

/* Floats of work space g4_f32_gemm needs for this product with every thread of the pool: 0 where
   OpenBLAS runs it, else the packing buffers of our own GEMM, which runs every product wide enough
   for its micro-tiles where AVX2 or AVX-512 is selected; -1 for a negative size. */
G4_EXPORT int64_t g4_f32_gemm_workspace_size(int64_t m, int64_t n, int64_t k);
/* C = alpha op(A) op(B) + beta C, row-major, op(A) m x k, op(B) k x n; beta = 0 ignores C. With a
   work space smaller than g4_f32_gemm_workspace_size gives, it uses fewer threads; one too small for
   one thread is G4_INVALID_ARGUMENT. The values do not depend on the number of threads. */
G4_PINNED G4_EXPORT int g4_f32_gemm(int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha,
                                    const float* a, int64_t a_off, int64_t lda, const float* b, int64_t b_off,
                                    int64_t ldb, float beta, float* c, int64_t c_off, int64_t ldc, float* workspace,
                                    int64_t workspace_floats);

/* ---- element-wise ---------------------------------------------------------------------- */

/* y[i] = op(x[i]) for n contiguous elements; y may equal x. */
G4_PINNED G4_EXPORT int g4_f32_unary(int op, float alpha, float beta, const float* x, int64_t x_off, float* y,
                                     int64_t y_off, int64_t n);

/* out = op(a, b) over an n-d shape; a and b strided (0 broadcasts), out contiguous. */
G4_PINNED G4_EXPORT int g4_f32_binary(int op, int32_t rank, const int32_t* shape, const float* a, int64_t a_off,
                                      const int32_t* a_strides, const float* b, int64_t b_off, const int32_t* b_strides,
                                      float* out, int64_t out_off);

/* out = cond != 0 ? a : b over an n-d shape; inputs strided, out contiguous. */
G4_PINNED G4_EXPORT int g4_f32_where(int32_t rank, const int32_t* shape, const float* cond, int64_t cond_off,
                                     const int32_t* cond_strides, const float* a, int64_t a_off,
                                     const int32_t* a_strides, const float* b, int64_t b_off, const int32_t* b_strides,
                                     float* out, int64_t out_off);

/* out = a straight-line program of element-wise instructions over up to four strided inputs (0 strides
   broadcast), out contiguous, run tile by tile (org.grad4j.backend.ElementwiseProgram). An instruction
   is six code entries: kind (G4_PROGRAM_UNARY, _BINARY, _WHERE), op, destination register, operands
   a, b and c (the condition of a where); and two parameters, alpha and beta. Registers 0 .. inputs-1
   hold the inputs; the last instruction's register is the result; an operand -1 of a binary op or a
   where stands for alpha (place a) or beta (place b). Unused inputs may be null. out may alias an
   input that is contiguous with the same offset. */
enum { G4_PROGRAM_UNARY, G4_PROGRAM_BINARY, G4_PROGRAM_WHERE };
enum { G4_PROGRAM_MAX_INPUTS = 4, G4_PROGRAM_MAX_INSTRUCTIONS = 32, G4_PROGRAM_MAX_REGISTERS = 16 };
G4_PINNED G4_EXPORT int g4_f32_program(int32_t instructions, const int32_t* code, const float* params, int32_t inputs,
                                       int32_t rank, const int32_t* shape, const float* x0, int64_t x0_off,
                                       const int32_t* x0_strides, const float* x1, int64_t x1_off,
                                       const int32_t* x1_strides, const float* x2, int64_t x2_off,
                                       const int32_t* x2_strides, const float* x3, int64_t x3_off,
                                       const int32_t* x3_strides, float* out, int64_t out_off);

/* dst = src over an n-d shape, both strided. */
G4_PINNED G4_EXPORT int g4_f32_copy(int32_t rank, const int32_t* shape, const float* src, int64_t src_off,
                                    const int32_t* src_strides, float* dst, int64_t dst_off,
                                    const int32_t* dst_strides);

G4_PINNED G4_EXPORT int g4_f32_fill(float* dst, int64_t dst_off, int64_t n, float value);

/* ---- reductions and indexing ----------------------------------------------------------- */

/* Contiguous x as [outer, size, inner] reduced over its middle axis into out [outer, inner]. */
G4_PINNED G4_EXPORT int g4_f32_reduce(int op, const float* x, int64_t x_off, int64_t outer, int64_t size, int64_t inner,
                                      float* out, int64_t out_off);

/* out [outer, count, inner] = x [outer, size, inner] at index (per row, or one list for all). */
G4_PINNED G4_EXPORT int g4_f32_gather(const float* x, int64_t x_off, int64_t outer, int64_t size, int64_t inner,
                                      const int32_t* index, int64_t count, int index_per_row, float* out);

/* out[out_off + k * length + j] = table[src[rows[k] * length + j]] for k < count, j < length: samples of
   8-bit data (src holds src_rows of them) converted to floats through a 256-entry table, as a batch is
   assembled. Runs on the calling thread alone, beside the pool's work (a data loader calls it), and
   writes out with streaming stores where the CPU has them. Each row must be in [0, src_rows). */
G4_PINNED G4_EXPORT int g4_u8_lookup_rows(const uint8_t* src, int64_t src_rows, int64_t length, const int32_t* rows,
                                          int64_t count, const float* table, float* out, int64_t out_off);

/* dst [outer, size, inner] += src [outer, count, inner] at index: the adjoint of gather. */
G4_PINNED G4_EXPORT int g4_f32_scatter_add(const float* src, int64_t src_off, int64_t outer, int64_t size,
                                           int64_t inner, const int32_t* index, int64_t count, int index_per_row,
                                           float* dst);

/* ---- convolution and pooling (NCHW) ------------------------------------------------------ */

/* Floats of work space with which the three convolution kernels use every thread for this geometry,
 * or -1 for an invalid geometry. The kernels take the work space's length and split the batch into
 * at most as many parts as it holds slices for and the pool has threads, fewer for a batch too small
 * to pay (a work space smaller than one slice is G4_INVALID_ARGUMENT). */
G4_EXPORT int64_t g4_f32_conv2d_workspace_size(const int32_t* geometry);

G4_PINNED G4_EXPORT int g4_f32_conv2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, const float* w,
                                          int64_t w_off, float* y, int64_t y_off, float* workspace,
                                          int64_t workspace_floats);
G4_PINNED G4_EXPORT int g4_f32_conv2d_bwd_data(const int32_t* geometry, const float* grad_y, int64_t grad_y_off,
                                               const float* w, int64_t w_off, float* grad_x, int64_t grad_x_off,
                                               float* workspace, int64_t workspace_floats);
G4_PINNED G4_EXPORT int g4_f32_conv2d_bwd_weight(const int32_t* geometry, const float* x, int64_t x_off,
                                                 const float* grad_y, int64_t grad_y_off, float* grad_w,
                                                 int64_t grad_w_off, float* workspace, int64_t workspace_floats);

G4_PINNED G4_EXPORT int g4_f32_maxpool2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, float* y,
                                             int32_t* argmax);
G4_PINNED G4_EXPORT int g4_f32_maxpool2d_bwd(const int32_t* geometry, const float* grad_y, const int32_t* argmax,
                                             float* grad_x);
G4_PINNED G4_EXPORT int g4_f32_avgpool2d_fwd(const int32_t* geometry, const float* x, int64_t x_off, float* y);
G4_PINNED G4_EXPORT int g4_f32_avgpool2d_bwd(const int32_t* geometry, const float* grad_y, float* grad_x);

/* ---- fused kernels ----------------------------------------------------------------------- */

/* y [rows, cols] = act(x + bias) with bias [cols]; act is a g4_unary_op, or -1 for none. */
G4_PINNED G4_EXPORT int g4_f32_bias_activation(int act, float alpha, const float* x, int64_t x_off, const float* bias,
                                               int64_t bias_off, int64_t rows, int64_t cols, float* y, int64_t y_off);

/* y = softmax, or log-softmax when log != 0, of contiguous x [outer, size, inner] over the middle axis. */
G4_PINNED G4_EXPORT int g4_f32_softmax(int log, const float* x, int64_t x_off, int64_t outer, int64_t size,
                                       int64_t inner, float* y, int64_t y_off);

/* grad_x from the forward output y: softmax y (g - sum g y); log-softmax g - exp(y) sum g. */
G4_PINNED G4_EXPORT int g4_f32_softmax_bwd(int log, const float* y, int64_t y_off, const float* grad_y,
                                           int64_t grad_y_off, int64_t outer, int64_t size, int64_t inner,
                                           float* grad_x, int64_t grad_x_off);

/* loss[r] = logsumexp(x[r]) - x[r][target[r]] over logits [rows, classes]; also writes logsumexp[r]. */
G4_PINNED G4_EXPORT int g4_f32_cross_entropy(const float* logits, int64_t logits_off, int64_t rows, int64_t classes,
                                             const int32_t* targets, float* loss, float* log_sum_exp);

/* grad_logits[r] = grad_loss[r] (softmax(x[r]) - onehot(target[r])). */
G4_PINNED G4_EXPORT int g4_f32_cross_entropy_bwd(const float* logits, int64_t logits_off, int64_t rows, int64_t classes,
                                                 const int32_t* targets, const float* log_sum_exp,
                                                 const float* grad_loss, float* grad_logits);

/* ---- optimizer updates (one pass, in place) ------------------------------------------------ */

/* PyTorch's SGD: d = g + wd p; with momentum buf = first ? d : m buf + (1 - dampening) d,
   d = nesterov ? d + m buf : buf; p -= lr d. */
G4_PINNED G4_EXPORT int g4_f32_sgd_step(float* param, int64_t param_off, const float* grad, int64_t grad_off,
                                        float* momentum_buffer, int64_t n, float lr, float momentum, float dampening,
                                        float weight_decay, int nesterov, int first_step);

/* Adam (decoupled = 0) or AdamW (decoupled = 1) at step t >= 1. */
G4_PINNED G4_EXPORT int g4_f32_adam_step(float* param, int64_t param_off, const float* grad, int64_t grad_off, float* m,
                                         float* v, int64_t n, float lr, float beta1, float beta2, float eps,
                                         float weight_decay, int32_t step, int decoupled);

#ifdef __cplusplus
}
#endif

#endif /* G4_KERNELS_H */
