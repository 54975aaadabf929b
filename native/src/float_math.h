// float32 exp, expm1, log, tanh, sigmoid, softplus and elu for the vector variants. Branch-free (every
// path is computed, then selected) so that GCC vectorizes the element-wise loops that call them.
// Accurate to a few ulp; special values (NaN, ±inf, 0, overflow, underflow) are handled, denormal
// results may lose precision or flush to 0. The scalar variant uses reference_math.h instead.
#ifndef G4_FLOAT_MATH_H
#define G4_FLOAT_MATH_H

#include <cmath>
#include <cstdint>
#include <cstring>

namespace g4::float_math {

inline uint32_t bits(float x) {
    uint32_t u;
    std::memcpy(&u, &x, sizeof u);
    return u;
}

inline float from_bits(uint32_t u) {
    float x;
    std::memcpy(&x, &u, sizeof x);
    return x;
}

// x = n·ln2 + r with n = round(x·log2 e) and |r| <= ln2/2 (Cody-Waite, Cephes expf's split of ln2).
struct Reduced {
    int32_t n;
    float r;
};

inline Reduced reduce(float x) {
    const float shifter = 0x1.8p23f;  // adding it rounds to an integer held in the low mantissa bits
    const float t = x * 1.44269504088896341f + shifter;
    const float fn = t - shifter;
    const float r = (x - fn * 0.693359375f) - fn * -2.12194440e-4f;
    return {static_cast<int32_t>(bits(t) - bits(shifter)), r};
}

// e^r - 1 on |r| <= ln2/2: Cephes expf's degree-5 polynomial, r + r²·P(r).
inline float expm1_reduced(float r) {
    const float p = ((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r + 4.1665795894e-2f) * r +
                     1.6666665459e-1f) *
                        r +
                    5.0000001201e-1f;
    return p * (r * r) + r;
}

// 2^n for -126 <= n <= 127 (n = 128 gives inf); unsigned so that a NaN's garbage n stays defined.
inline float pow2(int32_t n) {
    return from_bits((static_cast<uint32_t>(n) + 127u) << 23);
}

inline float exp(float x) {
    // Clamping keeps 2^n in two normal halves; beyond the bounds the product overflows or underflows.
    const float xc = x > 89.0f ? 89.0f : x < -110.0f ? -110.0f : x;
    const Reduced red = reduce(xc);
    const int32_t half = red.n >> 1;
    return (expm1_reduced(red.r) + 1.0f) * pow2(half) * pow2(red.n - half);
}

inline float expm1(float x) {
    // 2^n·(e^r - 1) + (2^n - 1) keeps relative accuracy near 0; from n = 25 on, 2^n - 1 rounds to 2^n.
    const float xc = x > 89.0f ? 89.0f : x < -30.0f ? -30.0f : x;
    const Reduced red = reduce(xc);
    const float em = expm1_reduced(red.r);
    const int32_t half = red.n >> 1;
    const float large = (em + 1.0f) * pow2(half) * pow2(red.n - half);
    const float s = pow2(red.n);
    const float moderate = s * em + (s - 1.0f);
    return red.n > 24 ? large : moderate;
}

inline float log(float x) {
    // Cephes logf: x = 2^e·m with m in [sqrt(1/2), sqrt 2), log x = e·ln2 + log(1 + f) with f = m - 1
    // and log(1 + f) = f - f²/2 + f³·P(f).
    const bool subnormal = x < 0x1p-126f;
    const float xs = subnormal ? x * 0x1p23f : x;
    const uint32_t u = bits(xs);
    const float m = from_bits((u & 0x007fffffu) | 0x3f000000u);  // in [0.5, 1)
    const bool low = m < 0.707106781186547524f;
    const float e = static_cast<float>(static_cast<int32_t>((u >> 23) & 0xffu)) - (subnormal ? 149.0f : 126.0f) -
                    (low ? 1.0f : 0.0f);
    const float f = (low ? m + m : m) - 1.0f;
    const float z = f * f;
    const float p =
        ((((((((7.0376836292e-2f * f - 1.1514610310e-1f) * f + 1.1676998740e-1f) * f - 1.2420140846e-1f) * f +
             1.4249322787e-1f) *
                f -
            1.6668057665e-1f) *
               f +
           2.0000714765e-1f) *
              f -
          2.4999993993e-1f) *
             f +
         3.3333331174e-1f);
    const float y = (p * f * z + e * -2.12194440e-4f) - 0.5f * z;
    const float r = (f + y) + e * 0.693359375f;
    const float finite = x == 0.0f ? -INFINITY : x < 0.0f ? NAN : r;
    return x == INFINITY || x != x ? x : finite;
}

inline float tanh(float x) {
    // Cephes tanhf: an odd polynomial below 0.625, else 1 - 2/(e^{2|x|} + 1), which saturates to 1.
    const float a = std::fabs(x);
    const float z = x * x;
    const float small =
        ((((-5.70498872745e-3f * z + 2.06390887954e-2f) * z - 5.37397155531e-2f) * z + 1.33314422036e-1f) * z -
         3.33332819422e-1f) *
            z * x +
        x;
    const float large = std::copysign(1.0f - 2.0f / (exp(a + a) + 1.0f), x);
    return a < 0.625f ? small : large;
}

inline float sigmoid(float x) {
    return 1.0f / (1.0f + exp(-x));
}

inline float softplus(float x) {
    // max(x, 0) + log1p(e^-|x|), log1p(e) = log(1 + e)·e/((1 + e) - 1) (Goldberg, "What every computer
    // scientist should know...", thm 4); linear above 20 as in PyTorch.
    const float e = exp(-std::fabs(x));
    const float u = 1.0f + e;
    const float log1p = u == 1.0f ? e : log(u) * (e / (u - 1.0f));
    return x > 20.0f ? x : (x > 0.0f ? x : 0.0f) + log1p;
}

inline float elu(float x, float alpha) {
    return x > 0.0f ? x : alpha * expm1(x);
}

inline float elu_grad(float x, float alpha) {
    return x > 0.0f ? 1.0f : alpha * exp(x);
}

}  // namespace g4::float_math

#endif
