// The transcendental functions of the scalar variant: the Java backend's formulas, in double and
// rounded to float once (org.grad4j.internal.backend.java.Elementwise and MathFunctions).
#ifndef G4_REFERENCE_MATH_H
#define G4_REFERENCE_MATH_H

#include <cmath>

namespace g4::reference_math {

inline float exp(float x) {
    return static_cast<float>(std::exp(static_cast<double>(x)));
}

inline float log(float x) {
    return static_cast<float>(std::log(static_cast<double>(x)));
}

inline float tanh(float x) {
    return static_cast<float>(std::tanh(static_cast<double>(x)));
}

inline float sigmoid(float x) {
    return static_cast<float>(1.0 / (1.0 + std::exp(-static_cast<double>(x))));
}

// log(1 + e^x), linear above 20 as in PyTorch.
inline float softplus(float x) {
    return x > 20.0f ? x : static_cast<float>(std::log1p(std::exp(static_cast<double>(x))));
}

inline float elu(float x, float alpha) {
    return x > 0 ? x : static_cast<float>(alpha * std::expm1(static_cast<double>(x)));
}

inline float elu_grad(float x, float alpha) {
    return x > 0 ? 1.0f : static_cast<float>(alpha * std::exp(static_cast<double>(x)));
}

}  // namespace g4::reference_math

#endif
