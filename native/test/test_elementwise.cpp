// Every unary and binary op, on every instruction set the CPU has, against double references; and
// lookup_rows, which must be exact.
#include <cmath>
#include <cstring>
#include <functional>
#include <random>

#include "check.h"
#include "g4/kernels.h"

using g4test::close;
using g4test::random;

namespace {

double reference_unary(int op, double x, double alpha, double beta) {
    const double cdf = 0.5 * (1 + std::erf(x / std::sqrt(2.0)));
    switch (op) {
        case G4_UNARY_NEG:
            return -x;
        case G4_UNARY_EXP:
            return std::exp(x);
        case G4_UNARY_LOG:
            return std::log(x);
        case G4_UNARY_SQRT:
            return std::sqrt(x);
        case G4_UNARY_ABS:
            return std::fabs(x);
        case G4_UNARY_SIGN:
            return x > 0 ? 1 : x < 0 ? -1 : 0;
        case G4_UNARY_TANH:
            return std::tanh(x);
        case G4_UNARY_SIGMOID:
            return 1 / (1 + std::exp(-x));
        case G4_UNARY_LEAKY_RELU:
            return x > 0 ? x : alpha * x;
        case G4_UNARY_SOFTPLUS:
            return x > 20 ? x : std::log1p(std::exp(x));
        case G4_UNARY_GELU:
            return x * cdf;
        case G4_UNARY_ERF:
            return std::erf(x);
        case G4_UNARY_FLOOR:
            return std::floor(x);
        case G4_UNARY_CEIL:
            return std::ceil(x);
        case G4_UNARY_TRUNC:
            return std::trunc(x);
        case G4_UNARY_ELU:
            return x > 0 ? x : alpha * (std::exp(x) - 1);
        case G4_UNARY_CLAMP:
            return x < alpha ? alpha : x > beta ? beta : x;
        case G4_UNARY_POW:
            return std::pow(x, alpha);
        case G4_UNARY_LEAKY_RELU_GRAD:
            return x > 0 ? 1 : alpha;
        case G4_UNARY_GELU_GRAD:
            return cdf + x * std::exp(-0.5 * x * x) / std::sqrt(2 * M_PI);
        case G4_UNARY_ELU_GRAD:
            return x > 0 ? 1 : alpha * std::exp(x);
        case G4_UNARY_CLAMP_GRAD:
            return x >= alpha && x <= beta ? 1 : 0;
        default:
            return NAN;
    }
}

double reference_binary(int op, double x, double y) {
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
            return std::pow(x, y);
        case G4_BINARY_GT:
            return x > y;
        case G4_BINARY_GE:
            return x >= y;
        case G4_BINARY_LT:
            return x < y;
        case G4_BINARY_LE:
            return x <= y;
        case G4_BINARY_EQ:
            return x == y;
        case G4_BINARY_NE:
            return x != y;
        case G4_BINARY_RELU_BACKWARD:
            return x > 0 ? y : 0;
        default:
            return NAN;
    }
}

void unary_ops(const char* isa) {
    const int64_t sizes[] = {1, 7, 13, 16, 17, 64, 1031};
    for (int op = 0; op < G4_UNARY_COUNT; op++) {
        for (int64_t n : sizes) {
            const bool positive = op == G4_UNARY_LOG || op == G4_UNARY_SQRT || op == G4_UNARY_POW;
            auto x = random(static_cast<size_t>(n) + 3, 17 + op, positive ? 0.1f : -25.0f, 25.0f);
            std::vector<float> y(x.size(), -7.0f);
            const float alpha = op == G4_UNARY_CLAMP || op == G4_UNARY_CLAMP_GRAD ? -2.0f : 0.3f;
            const float beta = 3.0f;
            g4_f32_unary(op, alpha, beta, x.data(), 3, y.data(), 1, n);
            std::vector<double> ref(n);
            for (int64_t i = 0; i < n; i++) ref[i] = reference_unary(op, x[3 + i], alpha, beta);
            close(std::string(isa) + " unary op " + std::to_string(op) + " n=" + std::to_string(n), y.data() + 1,
                  ref.data(), n, 2e-6, 1e-6);
            g4test::expect(y[0] == -7.0f && y[n + 1] == -7.0f, std::string(isa) + " unary writes only its range");
        }
    }
}

// Rounding, bit for bit (signed zeros included), on the values where it is easy to get wrong: halves,
// values just below an integer, tiny ones, -0, values from 2^23 on (already integers), NaN and
// infinities; repeated over a length that runs the vector loops and their tail.
void rounding_edges(const char* isa) {
    const float edges[] = {-2.5f,      -1.5f,       -0.5f,       -0.0f,        0.0f,   0.5f,    1.5f,       2.5f,
                           -1.0f,      1.0f,        0.49999997f, -0.49999997f, 1e-30f, -1e-30f, 8388607.5f, -8388607.5f,
                           8388608.0f, -8388609.0f, 3e9f,        -1e30f,       NAN,    -NAN,    INFINITY,   -INFINITY};
    const int n_edges = sizeof(edges) / sizeof(edges[0]);
    const int64_t n = 3 * n_edges + 5;
    std::vector<float> x(n);
    for (int64_t i = 0; i < n; i++) x[i] = edges[i % n_edges];
    const struct {
        int op;
        float (*ref)(float);
    } ops[] = {{G4_UNARY_FLOOR, [](float v) { return std::floor(v); }},
               {G4_UNARY_CEIL, [](float v) { return std::ceil(v); }},
               {G4_UNARY_TRUNC, [](float v) { return std::trunc(v); }}};
    for (const auto& o : ops) {
        std::vector<float> y(n, -7.0f);
        g4_f32_unary(o.op, 0.0f, 0.0f, x.data(), 0, y.data(), 0, n);
        for (int64_t i = 0; i < n; i++) {
            const float want = o.ref(x[i]);
            const bool same = std::isnan(want) ? std::isnan(y[i]) : std::memcmp(&want, &y[i], sizeof want) == 0;
            char what[160];
            std::snprintf(what, sizeof what, "%s unary op %d of %.9g at index %lld: got %.9g, want %.9g", isa, o.op,
                          x[i], static_cast<long long>(i), y[i], want);
            if (!g4test::expect(same, what)) break;
        }
    }
}

void binary_ops(const char* isa) {
    // [rows, cols] op b, with b broadcast as a row, a column, a scalar, or transposed.
    const int32_t rows = 5, cols = 13;
    const int32_t shape[] = {rows, cols};
    auto a = random(rows * cols, 3, 0.5f, 2.0f);
    auto b = random(rows * cols, 4, 0.5f, 2.0f);
    b[2] = a[2];
    struct Case {
        const char* name;
        int32_t strides[2];
    };
    const Case cases[] = {
        {"same", {cols, 1}}, {"row", {0, 1}}, {"column", {1, 0}}, {"scalar", {0, 0}}, {"transposed", {1, rows}}};
    const int32_t a_strides[] = {cols, 1};
    for (int op = 0; op < G4_BINARY_COUNT; op++) {
        for (const auto& c : cases) {
            std::vector<float> out(rows * cols);
            g4_f32_binary(op, 2, shape, a.data(), 0, a_strides, b.data(), 0, c.strides, out.data(), 0);
            std::vector<double> ref(rows * cols);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    ref[i * cols + j] = reference_binary(op, a[i * cols + j], b[i * c.strides[0] + j * c.strides[1]]);
                }
            }
            close(std::string(isa) + " binary op " + std::to_string(op) + " b " + c.name, out.data(), ref.data(),
                  ref.size(), 2e-6, 1e-6);
        }
    }
}

void where_copy_fill() {
    const int32_t shape[] = {3, 4};
    auto cond = random(12, 5);
    auto a = random(12, 6);
    auto b = random(4, 7);
    const int32_t cs[] = {4, 1}, as[] = {1, 3}, bs[] = {0, 1};
    std::vector<float> out(12);
    g4_f32_where(2, shape, cond.data(), 0, cs, a.data(), 0, as, b.data(), 0, bs, out.data(), 0);
    std::vector<double> ref(12);
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 4; j++) ref[i * 4 + j] = cond[i * 4 + j] != 0 ? a[i + 3 * j] : b[j];
    }
    close("where", out.data(), ref.data(), 12);
    std::vector<float> dst(20, 0.0f);
    const int32_t ds[] = {5, 1};
    g4_f32_copy(2, shape, a.data(), 0, as, dst.data(), 1, ds);
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 4; j++) g4test::expect(dst[1 + i * 5 + j] == a[i + 3 * j], "copy transposed into strided");
    }
    g4_f32_fill(dst.data(), 2, 3, 9.0f);
    g4test::expect(dst[1] != 9.0f && dst[2] == 9.0f && dst[4] == 9.0f && dst[5] != 9.0f, "fill range");
}

// Rows of bytes through a table: exact for lengths around every vector width and outputs at every
// alignment, nothing written outside the output, and a row out of range refused before any write.
void lookup_rows(const char* isa) {
    std::mt19937 gen(7);
    const std::vector<float> table = random(256, 8, -3.0f, 3.0f);
    const std::vector<int32_t> rows = {3, 0, 8, 3, 5};
    const int64_t src_rows = 9;
    for (int64_t length : {0, 1, 7, 8, 15, 16, 17, 33, 784, 1000}) {
        std::vector<uint8_t> src(src_rows * length);
        for (auto& b : src) b = static_cast<uint8_t>(gen());
        for (int64_t off = 0; off < 20; off += 3) {
            const std::string what =
                std::string(isa) + " lookup_rows length=" + std::to_string(length) + " off=" + std::to_string(off);
            std::vector<float> out(off + rows.size() * length + 1, -7.0f);
            const int status = g4_u8_lookup_rows(src.data(), src_rows, length, rows.data(), rows.size(), table.data(),
                                                 out.data(), off);
            bool same = status == G4_OK && out.back() == -7.0f;
            for (int64_t i = 0; i < off; i++) same = same && out[i] == -7.0f;
            for (size_t k = 0; k < rows.size(); k++) {
                for (int64_t j = 0; j < length; j++) {
                    same = same && out[off + k * length + j] == table[src[rows[k] * length + j]];
                }
            }
            g4test::expect(same, what);
        }
    }
    std::vector<uint8_t> src(src_rows * 4, 1);
    std::vector<float> out(2 * 4, -7.0f);
    for (int32_t bad : {-1, 9}) {
        const int32_t picked[] = {0, bad};
        const int status = g4_u8_lookup_rows(src.data(), src_rows, 4, picked, 2, table.data(), out.data(), 0);
        g4test::expect(status == G4_INVALID_ARGUMENT && out[0] == -7.0f,
                       std::string(isa) + " lookup_rows refuses row " + std::to_string(bad));
    }
}

}  // namespace

int main() {
    g4test::for_each_isa("elementwise", [&](const char* isa) {
        unary_ops(isa);
        rounding_edges(isa);
        binary_ops(isa);
        lookup_rows(isa);
    });
    where_copy_fill();
    return g4test::finish("elementwise");
}
