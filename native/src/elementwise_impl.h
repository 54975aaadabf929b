// The contiguous element-wise loops. Included once per instruction set by elementwise_<isa>.cpp,
// each compiled with its own flags, inside its own namespace; the formulas match the Java backend
// (org.grad4j.internal.backend.java.Elementwise). The including file first defines the namespace alias
// `math`: g4::reference_math (the Java formulas in double, for the scalar variant, equal within
// float rounding) or g4::float_math (float32 code that vectorizes, within a few ulp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#if defined(__AVX512F__)
#    include "lanes_avx512.h"
#elif defined(__AVX2__)
#    include <immintrin.h>
#elif defined(G4_NEON_VARIANT)
#    include <arm_neon.h>
#endif

#include "conv_geometry.h"
#include "internal.h"

namespace {

inline double erf_ref(double x) {
    return std::erf(x);
}

inline float gelu(float x) {
    return static_cast<float>(0.5 * x * (1.0 + erf_ref(x * 0.7071067811865476)));
}

inline float gelu_grad(float x) {
    double cdf = 0.5 * (1.0 + erf_ref(x * 0.7071067811865476));
    return static_cast<float>(cdf + x * 0.3989422804014327 * std::exp(-0.5 * x * x));
}

inline float sign(float x) {
    return x > 0 ? 1.0f : x < 0 ? -1.0f : x;
}

inline float clamp(float x, float lo, float hi) {
    return x < lo ? lo : x > hi ? hi : x;
}

inline float powf_(float x, float p) {
    return p == 2.0f ? x * x : static_cast<float>(std::pow(static_cast<double>(x), static_cast<double>(p)));
}

#define G4_LOOP(expr)                 \
    for (int64_t i = 0; i < n; i++) { \
        const float v = x[i];         \
        y[i] = (expr);                \
    }                                 \
    return

void unary(int op, float alpha, float beta, const float* __restrict x, float* y, int64_t n) {
    switch (op) {
        case G4_UNARY_NEG:
            G4_LOOP(-v);
        case G4_UNARY_EXP:
            G4_LOOP(math::exp(v));
        case G4_UNARY_LOG:
            G4_LOOP(math::log(v));
        case G4_UNARY_SQRT:
            G4_LOOP(std::sqrt(v));
        case G4_UNARY_ABS:
            G4_LOOP(std::fabs(v));
        case G4_UNARY_SIGN:
            G4_LOOP(sign(v));
        case G4_UNARY_TANH:
            G4_LOOP(math::tanh(v));
        case G4_UNARY_SIGMOID:
            G4_LOOP(math::sigmoid(v));
        case G4_UNARY_LEAKY_RELU:
            G4_LOOP(v > 0 ? v : v * alpha);
        case G4_UNARY_SOFTPLUS:
            G4_LOOP(math::softplus(v));
        case G4_UNARY_GELU:
            G4_LOOP(gelu(v));
        case G4_UNARY_ERF:
            G4_LOOP(static_cast<float>(erf_ref(v)));
        case G4_UNARY_FLOOR:
            G4_LOOP(std::floor(v));
        case G4_UNARY_CEIL:
            G4_LOOP(std::ceil(v));
        case G4_UNARY_TRUNC:
            G4_LOOP(std::trunc(v));
        case G4_UNARY_ELU:
            G4_LOOP(math::elu(v, alpha));
        case G4_UNARY_CLAMP:
            G4_LOOP(clamp(v, alpha, beta));
        case G4_UNARY_POW:
            G4_LOOP(powf_(v, alpha));
        case G4_UNARY_LEAKY_RELU_GRAD:
            G4_LOOP(v > 0 ? 1.0f : alpha);
        case G4_UNARY_GELU_GRAD:
            G4_LOOP(gelu_grad(v));
        case G4_UNARY_ELU_GRAD:
            G4_LOOP(math::elu_grad(v, alpha));
        case G4_UNARY_CLAMP_GRAD:
            G4_LOOP(v >= alpha && v <= beta ? 1.0f : 0.0f);
        default:
            return;
    }
}
#undef G4_LOOP

inline float apply(int op, float x, float y) {
    switch (op) {
        case G4_BINARY_ADD:
            return x + y;
        case G4_BINARY_SUB:
            return x - y;
        case G4_BINARY_MUL:
            return x * y;
        case G4_BINARY_DIV:
            return x / y;
        case G4_BINARY_POW:
            return static_cast<float>(std::pow(static_cast<double>(x), static_cast<double>(y)));
        case G4_BINARY_GT:
            return x > y ? 1.0f : 0.0f;
        case G4_BINARY_GE:
            return x >= y ? 1.0f : 0.0f;
        case G4_BINARY_LT:
            return x < y ? 1.0f : 0.0f;
        case G4_BINARY_LE:
            return x <= y ? 1.0f : 0.0f;
        case G4_BINARY_EQ:
            return x == y ? 1.0f : 0.0f;
        case G4_BINARY_NE:
            return x != y ? 1.0f : 0.0f;
        case G4_BINARY_RELU_BACKWARD:
            return x > 0 ? y : 0.0f;
        default:
            return NAN;
    }
}

#define G4_BINARY_FAST(OP, EXPR)                          \
    case OP:                                              \
        if (sa == 1 && sb == 1) {                         \
            for (int64_t i = 0; i < n; i++) {             \
                const float p = a[i], q = b[i];           \
                out[i] = (EXPR);                          \
            }                                             \
        } else if (sa == 1 && sb == 0) {                  \
            const float q = b[0];                         \
            for (int64_t i = 0; i < n; i++) {             \
                const float p = a[i];                     \
                out[i] = (EXPR);                          \
            }                                             \
        } else if (sa == 0 && sb == 1) {                  \
            const float p = a[0];                         \
            for (int64_t i = 0; i < n; i++) {             \
                const float q = b[i];                     \
                out[i] = (EXPR);                          \
            }                                             \
        } else {                                          \
            for (int64_t i = 0; i < n; i++) {             \
                const float p = a[i * sa], q = b[i * sb]; \
                out[i] = (EXPR);                          \
            }                                             \
        }                                                 \
        return;

void binary(int op, const float* a, int64_t sa, const float* b, int64_t sb, float* out, int64_t n) {
    switch (op) {
        G4_BINARY_FAST(G4_BINARY_ADD, p + q)
        G4_BINARY_FAST(G4_BINARY_SUB, p - q)
        G4_BINARY_FAST(G4_BINARY_MUL, p * q)
        G4_BINARY_FAST(G4_BINARY_DIV, p / q)
        G4_BINARY_FAST(G4_BINARY_RELU_BACKWARD, p > 0 ? q : 0.0f)
        default:
            for (int64_t i = 0; i < n; i++) out[i] = apply(op, a[i * sa], b[i * sb]);
            return;
    }
}
#undef G4_BINARY_FAST

void bias_activation(int act, float alpha, const float* __restrict x, const float* __restrict bias, float* y,
                     int64_t n) {
    for (int64_t i = 0; i < n; i++) y[i] = x[i] + bias[i];
    if (act >= 0) unary(act, alpha, 0.0f, y, y, n);
}

// An optimizer's moments of a parameter whose gradient stays 0 (a dead unit, a constant input)
// decay geometrically into the denormal range, where every multiply costs the CPU a microcode
// assist (Adam runs 20 times slower there): they are stored as 0 below the smallest normal float.
inline float flush_denormal(float x) {
    return std::fabs(x) < std::numeric_limits<float>::min() ? 0.0f : x;
}

void accumulate(float* sum, const float* x, int64_t n) {
    for (int64_t i = 0; i < n; i++) sum[i] += x[i];
}

// Row ih of col2im_plane's plane, in plain loops.
G4_PLAIN_LOOPS void col2im_row(const g4::Conv& p, const float* __restrict col, int64_t ld, int64_t ih,
                               float* __restrict out) {
    for (int64_t iw = 0; iw < p.w; iw++) out[iw] = 0.0f;
    for (int64_t i = 0; i < p.kh; i++) {
        const int64_t y = ih + p.ph - i * p.dh;
        if (y < 0 || y >= p.oh) continue;
        for (int64_t j = 0; j < p.kw; j++) {
            const int64_t shift = j * p.dw - p.pw;
            const g4::Span s(p.ow, 1, shift, p.w);
            const float* in = col + (i * p.kw + j) * ld + y * p.ow;
            for (int64_t xo = s.lo; xo < s.hi; xo++) out[xo + shift] += in[xo];
        }
    }
}

#if defined(__AVX512F__)
// col2im_plane's vectors: sixteen lanes, and a mask of lanes [lo, hi).
struct Col2imLanes {
    static constexpr int64_t kCount = 16;
    using Vec = __m512;
    using Mask = __mmask16;
    static Mask between(int64_t lo, int64_t hi) { return g4::first_lanes(hi) & ~g4::first_lanes(lo); }
    static Vec zero() { return _mm512_setzero_ps(); }
    static Vec add(Vec a, Mask m, const float* p) { return _mm512_add_ps(a, _mm512_maskz_loadu_ps(m, p)); }
    static void store(float* p, Mask m, Vec v) { _mm512_mask_storeu_ps(p, m, v); }
};
#elif defined(__AVX2__)
struct Col2imLanes {
    static constexpr int64_t kCount = 8;
    using Vec = __m256;
    using Mask = __m256i;
    static Mask between(int64_t lo, int64_t hi) {
        const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
        const int32_t from = static_cast<int32_t>(std::clamp<int64_t>(lo, 0, 8));
        const int32_t to = static_cast<int32_t>(std::clamp<int64_t>(hi, 0, 8));
        return _mm256_and_si256(_mm256_cmpgt_epi32(_mm256_set1_epi32(to), lane),
                                _mm256_cmpgt_epi32(lane, _mm256_set1_epi32(from - 1)));
    }
    static Vec zero() { return _mm256_setzero_ps(); }
    static Vec add(Vec a, Mask m, const float* p) { return _mm256_add_ps(a, _mm256_maskload_ps(p, m)); }
    static void store(float* p, Mask m, Vec v) { _mm256_maskstore_ps(p, m, v); }
};
#endif

void col2im_plane(const g4::Conv& p, const float* __restrict col, int64_t ld, float* __restrict x) {
#if defined(__AVX512F__) || defined(__AVX2__)
    // A vector of columns at a time, summed in a register: one masked load per tap and one store.
    // Lane l is column v + l of x; tap column j reads it at output column v + l - shift, where that
    // is in [0, ow).
    using L = Col2imLanes;
    constexpr int64_t kMaxKw = 16;
    if (p.kw <= kMaxKw) {
        for (int64_t v = 0; v < p.w; v += L::kCount) {
            typename L::Mask lanes[kMaxKw];
            int64_t from[kMaxKw];
            const int64_t width = std::min(L::kCount, p.w - v);
            for (int64_t j = 0; j < p.kw; j++) {
                const int64_t shift = j * p.dw - p.pw;
                lanes[j] = L::between(std::max<int64_t>(0, shift - v), std::min(width, p.ow + shift - v));
                from[j] = j * ld + v - shift;
            }
            const typename L::Mask store = L::between(0, width);
            for (int64_t ih = 0; ih < p.h; ih++) {
                typename L::Vec sum = L::zero();
                for (int64_t i = 0; i < p.kh; i++) {
                    const int64_t y = ih + p.ph - i * p.dh;
                    if (y < 0 || y >= p.oh) continue;
                    const float* in = col + i * p.kw * ld + y * p.ow;
                    for (int64_t j = 0; j < p.kw; j++) sum = L::add(sum, lanes[j], in + from[j]);
                }
                L::store(x + ih * p.w + v, store, sum);
            }
        }
        return;
    }
#endif
    for (int64_t ih = 0; ih < p.h; ih++) col2im_row(p, col, ld, ih, x + ih * p.w);
}

void sgd(float* __restrict p, const float* __restrict g, float* __restrict buf, int64_t n, float lr, float momentum,
         float dampening, float weight_decay, int nesterov, int first_step) {
    if (momentum == 0.0f) {
        for (int64_t i = 0; i < n; i++) p[i] -= lr * (g[i] + weight_decay * p[i]);
        return;
    }
    for (int64_t i = 0; i < n; i++) {
        float d = g[i] + weight_decay * p[i];
        buf[i] = flush_denormal(first_step ? d : momentum * buf[i] + (1.0f - dampening) * d);
        d = nesterov ? d + momentum * buf[i] : buf[i];
        p[i] -= lr * d;
    }
}

void adam(float* __restrict p, const float* __restrict g, float* __restrict m, float* __restrict v, int64_t n, float lr,
          float beta1, float beta2, float eps, float weight_decay, float step_size, float sqrt_c2, int decoupled) {
    for (int64_t i = 0; i < n; i++) {
        float param = p[i];
        float d = g[i];
        if (decoupled) {
            param -= lr * weight_decay * param;
        } else {
            d += weight_decay * param;
        }
        m[i] = flush_denormal(beta1 * m[i] + (1.0f - beta1) * d);
        v[i] = flush_denormal(beta2 * v[i] + (1.0f - beta2) * d * d);
        p[i] = param - step_size * m[i] / (std::sqrt(v[i]) / sqrt_c2 + eps);
    }
}

// Outputs [from, ow) of max_pool_row_2x2, one at a time.
bool max_pool_pairs(const float* __restrict r0, const float* __restrict r1, int64_t from, int64_t ow, int32_t base,
                    int32_t w, float* __restrict y, int32_t* __restrict argmax) {
    int nan = 0;
    for (int64_t k = 2 * from; k < 2 * ow; k++) nan |= (r0[k] != r0[k]) | (r1[k] != r1[k]);
    if (nan) return false;
    for (int64_t j = from; j < ow; j++) {
        const float a = r0[2 * j], b = r0[2 * j + 1], c = r1[2 * j], d = r1[2 * j + 1];
        const int32_t col = base + static_cast<int32_t>(2 * j);
        const bool right0 = b > a, right1 = d > c;
        const float m0 = right0 ? b : a, m1 = right1 ? d : c;
        const int32_t at0 = right0 ? col + 1 : col, at1 = right1 ? col + w + 1 : col + w;
        const bool second = m1 > m0;
        y[j] = second ? m1 : m0;
        argmax[j] = second ? at1 : at0;
    }
    return true;
}

// One output row of a 2 × 2, stride-2 max pool over input rows r0 and r1 (flat positions from
// base, rows w apart): the maximum of each column pair, then of the two rows; ties go to the
// earlier position. Returns false when the rows hold a NaN, leaving the row to the caller.
bool max_pool_row_2x2(const float* __restrict r0, const float* __restrict r1, int64_t ow, int32_t base, int32_t w,
                      float* __restrict y, int32_t* __restrict argmax) {
    int64_t j = 0;
#if defined(__AVX512F__)
    // Sixteen outputs at a time: each input row's 32 floats split into even and odd columns.
    const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i odd = _mm512_add_epi32(even, _mm512_set1_epi32(1));
    for (; j < ow; j += 16) {
        const int64_t n = std::min<int64_t>(16, ow - j);
        const __mmask16 lo = g4::first_lanes(2 * n), hi = g4::first_lanes(2 * n - 16), out = g4::first_lanes(n);
        const __m512 p0 = _mm512_maskz_loadu_ps(lo, r0 + 2 * j), p1 = _mm512_maskz_loadu_ps(hi, r0 + 2 * j + 16);
        const __m512 q0 = _mm512_maskz_loadu_ps(lo, r1 + 2 * j), q1 = _mm512_maskz_loadu_ps(hi, r1 + 2 * j + 16);
        const __mmask16 nan = _mm512_cmp_ps_mask(p0, q0, _CMP_UNORD_Q) | _mm512_cmp_ps_mask(p1, q1, _CMP_UNORD_Q);
        if (nan != 0) return false;
        const __m512 a = _mm512_permutex2var_ps(p0, even, p1), b = _mm512_permutex2var_ps(p0, odd, p1);
        const __m512 c = _mm512_permutex2var_ps(q0, even, q1), d = _mm512_permutex2var_ps(q0, odd, q1);
        const __mmask16 right0 = _mm512_cmp_ps_mask(b, a, _CMP_GT_OQ), right1 = _mm512_cmp_ps_mask(d, c, _CMP_GT_OQ);
        const __m512 m0 = _mm512_mask_blend_ps(right0, a, b), m1 = _mm512_mask_blend_ps(right1, c, d);
        const __mmask16 second = _mm512_cmp_ps_mask(m1, m0, _CMP_GT_OQ);
        const __m512i col = _mm512_add_epi32(_mm512_set1_epi32(base + static_cast<int32_t>(2 * j)), even);
        const __m512i below = _mm512_add_epi32(col, _mm512_set1_epi32(w)), one = _mm512_set1_epi32(1);
        const __m512i at0 = _mm512_mask_add_epi32(col, right0, col, one);
        const __m512i at1 = _mm512_mask_add_epi32(below, right1, below, one);
        _mm512_mask_storeu_ps(y + j, out, _mm512_mask_blend_ps(second, m0, m1));
        _mm512_mask_storeu_epi32(argmax + j, out, _mm512_mask_blend_epi32(second, at0, at1));
    }
    return true;
#elif defined(G4_NEON_VARIANT)
    // Four outputs at a time: vld2q splits each input row's 8 floats into even and odd columns.
    const int32x4_t even = {0, 2, 4, 6};
    const int32x4_t row = vdupq_n_s32(w);
    for (; j + 4 <= ow; j += 4) {
        const float32x4x2_t p = vld2q_f32(r0 + 2 * j), q = vld2q_f32(r1 + 2 * j);
        const uint32x4_t ordered = vandq_u32(vandq_u32(vceqq_f32(p.val[0], p.val[0]), vceqq_f32(p.val[1], p.val[1])),
                                             vandq_u32(vceqq_f32(q.val[0], q.val[0]), vceqq_f32(q.val[1], q.val[1])));
        if (vminvq_u32(ordered) == 0) return false;
        const uint32x4_t right0 = vcgtq_f32(p.val[1], p.val[0]), right1 = vcgtq_f32(q.val[1], q.val[0]);
        const float32x4_t m0 = vbslq_f32(right0, p.val[1], p.val[0]), m1 = vbslq_f32(right1, q.val[1], q.val[0]);
        const uint32x4_t second = vcgtq_f32(m1, m0);
        const int32x4_t col = vaddq_s32(vdupq_n_s32(base + static_cast<int32_t>(2 * j)), even);
        // A true comparison is all ones, −1: subtracting it steps to the odd column.
        const int32x4_t at0 = vsubq_s32(col, vreinterpretq_s32_u32(right0));
        const int32x4_t at1 = vsubq_s32(vaddq_s32(col, row), vreinterpretq_s32_u32(right1));
        vst1q_f32(y + j, vbslq_f32(second, m1, m0));
        vst1q_s32(argmax + j, vbslq_s32(second, at1, at0));
    }
#endif
    return max_pool_pairs(r0, r1, j, ow, base, w, y, argmax);
}

// out[j] = table[src[j]] for j < n. The x86 variants write whole aligned vectors with streaming
// stores, past the caches: a batch is read later, often by another core, whose copies of the
// buffer's lines an ordinary store would first have to invalidate one line at a time. The caller
// fences them (g4_u8_lookup_rows).
void lookup_row(const uint8_t* __restrict src, const float* __restrict table, float* __restrict out, int64_t n) {
    int64_t j = 0;
#if defined(__AVX512F__)
    for (; j < n && reinterpret_cast<uintptr_t>(out + j) % 64 != 0; j++) out[j] = table[src[j]];
    for (; j + 16 <= n; j += 16) {
        const __m512i index = _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src + j)));
        _mm512_stream_ps(out + j, _mm512_i32gather_ps(index, table, 4));
    }
#elif defined(__AVX2__)
    for (; j < n && reinterpret_cast<uintptr_t>(out + j) % 32 != 0; j++) out[j] = table[src[j]];
    for (; j + 8 <= n; j += 8) {
        const __m256i index = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(src + j)));
        _mm256_stream_ps(out + j, _mm256_i32gather_ps(table, index, 4));
    }
#endif
    for (; j < n; j++) out[j] = table[src[j]];
}

}  // namespace
