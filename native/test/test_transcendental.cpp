// The transcendental unary kernels (exp, log, tanh, sigmoid, softplus, elu, elu_grad) on every
// instruction set the CPU has, against double references: a sweep of [-100, 100], tiny magnitudes,
// exp's overflow and underflow bounds, log's whole positive range and the special values, at edge
// sizes. Prints the worst relative error and ulp error each op reached.
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "check.h"
#include "g4/kernels.h"

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr double kAlpha = 0.7f;

struct Op {
    int op;
    const char* name;
    double (*ref)(double);
    double max_rel;  // over results in the normal float range
};

const Op kOps[] = {
    {G4_UNARY_EXP, "exp", [](double x) { return std::exp(x); }, 4e-7},
    {G4_UNARY_LOG, "log", [](double x) { return std::log(x); }, 4e-7},
    {G4_UNARY_TANH, "tanh", [](double x) { return std::tanh(x); }, 4e-7},
    {G4_UNARY_SIGMOID, "sigmoid", [](double x) { return 1 / (1 + std::exp(-x)); }, 4e-7},
    {G4_UNARY_SOFTPLUS, "softplus", [](double x) { return x > 20 ? x : std::log1p(std::exp(x)); }, 4e-7},
    {G4_UNARY_ELU, "elu", [](double x) { return x > 0 ? x : kAlpha * std::expm1(x); }, 4e-7},
    {G4_UNARY_ELU_GRAD, "elu_grad", [](double x) { return x > 0 ? 1 : kAlpha * std::exp(x); }, 4e-7},
};

void push_neighbours(std::vector<float>& v, float at, int ulps) {
    float down = at, up = at;
    v.push_back(at);
    for (int k = 0; k < ulps; k++) {
        down = std::nextafter(down, -kInf);
        up = std::nextafter(up, kInf);
        v.push_back(down);
        v.push_back(up);
    }
}

// Special values and boundaries first: the small-size passes run over the first values only.
std::vector<float> inputs() {
    std::vector<float> v = {NAN,
                            -NAN,
                            kInf,
                            -kInf,
                            0.0f,
                            -0.0f,
                            FLT_MAX,
                            -FLT_MAX,
                            FLT_MIN,
                            -FLT_MIN,
                            std::numeric_limits<float>::denorm_min(),
                            -std::numeric_limits<float>::denorm_min(),
                            1.0f,
                            -1.0f};
    // exp overflow (88.72), exp(x) leaving the normal range (-87.34), the smallest subnormal (-103.28),
    // the round values near them, tanh's polynomial switch, tanh's saturation, softplus's linear part.
    const float bounds[] = {88.7228391f, 88.7f, 87.3365479f, 87.3f, 103.278929f, 103.0f, 104.0f, 0.625f, 9.0f, 20.0f};
    for (float b : bounds) {
        push_neighbours(v, b, 64);
        push_neighbours(v, -b, 64);
        for (int k = -50; k <= 50; k++) {
            v.push_back(b + k * 1e-3f);
            v.push_back(-b + k * 1e-3f);
        }
    }
    push_neighbours(v, 1.0f, 256);  // log near 1
    for (double m = 1e-30; m <= 1e-3; m *= 1.05) {
        v.push_back(static_cast<float>(m));
        v.push_back(static_cast<float>(-m));
    }
    for (double m = 1e-45; m <= 3e38; m *= 1.07) v.push_back(static_cast<float>(m));  // log's domain
    for (int i = -100 * 512; i <= 100 * 512; i++) v.push_back(i / 512.0f);
    auto r = g4test::random(100000, 11, -100.0f, 100.0f);
    v.insert(v.end(), r.begin(), r.end());
    return v;
}

double ulp(float r) {
    const float a = std::fabs(r);
    return a < FLT_MIN ? std::ldexp(1.0, -149) : std::ldexp(1.0, std::ilogb(a) - 23);
}

struct Worst {
    double rel = 0, ulps = 0;
    float rel_at = 0, ulps_at = 0;
};

// NaN stays NaN, overflow is inf, subnormal results may flush to 0; elsewhere rel error <= max_rel.
bool accurate(const Op& op, float x, float got, Worst& worst) {
    const double r = op.ref(x);
    const float rf = static_cast<float>(r);
    if (std::isnan(r)) return std::isnan(got);
    if (std::isinf(rf)) return got == rf;
    if (std::fabs(r) < FLT_MIN) return std::fabs(got - r) <= FLT_MIN;
    const double err = std::fabs(got - r);
    if (err / std::fabs(r) > worst.rel) worst.rel = err / std::fabs(r), worst.rel_at = x;
    if (err / ulp(rf) > worst.ulps) worst.ulps = err / ulp(rf), worst.ulps_at = x;
    return err <= op.max_rel * std::fabs(r);
}

// Runs op over xs in consecutive calls of n elements each, checking every result.
void run(const char* isa, const Op& op, const std::vector<float>& xs, int64_t n, Worst& worst) {
    std::vector<float> y(xs.size(), -7.0f);
    for (size_t from = 0; from + n <= xs.size(); from += n) {
        g4_f32_unary(op.op, static_cast<float>(kAlpha), 0.0f, xs.data(), from, y.data(), from, n);
    }
    const size_t covered = xs.size() / n * n;
    for (size_t i = 0; i < covered; i++) {
        if (!accurate(op, xs[i], y[i], worst)) {
            char what[200];
            std::snprintf(what, sizeof what, "%s %s: index %zu of n=%lld, input %.9g, ref %.9g, got %.9g", isa, op.name,
                          i % n, static_cast<long long>(n), xs[i], op.ref(xs[i]), y[i]);
            g4test::expect(false, what);
            return;
        }
    }
    g4test::expect(true, "");
}

}  // namespace

int main() {
    const std::vector<float> xs = inputs();
    const std::vector<float> head(xs.begin(), xs.begin() + 6000);
    const int64_t small_sizes[] = {1, 2, 3, 5, 7, 8, 13, 15, 16, 17, 31, 33, 64, 97, 1031};
    g4test::for_each_isa("transcendental", [&](const char* isa) {
        for (const Op& op : kOps) {
            Worst worst;
            for (int64_t n : small_sizes) run(isa, op, head, n, worst);
            run(isa, op, xs, static_cast<int64_t>(xs.size()), worst);
            std::printf("transcendental: %-6s %-8s max rel error %.3g (at %.9g), max %.2f ulp (at %.9g)\n", isa,
                        op.name, worst.rel, worst.rel_at, worst.ulps, worst.ulps_at);
        }
    });
    return g4test::finish("transcendental");
}
