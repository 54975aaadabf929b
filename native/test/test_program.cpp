// Element-wise programs on every instruction set the CPU has and on one and three threads,
// against double references: contiguous, broadcast and strided inputs, constants, wheres, rows
// longer than a tile, a result that is one broadcast value, and writing in place of an input.
#include <cmath>
#include <string>
#include <vector>

#include "check.h"
#include "g4/kernels.h"

using g4test::close;
using g4test::random;

namespace {

enum { U = G4_PROGRAM_UNARY, B = G4_PROGRAM_BINARY, W = G4_PROGRAM_WHERE };
constexpr int32_t kImm = -1;

// g · σ(x) · (1 − σ(x)) over [rows, cols], both inputs contiguous.
void sigmoid_backward(const std::string& isa, int32_t rows, int32_t cols) {
    const int32_t code[] = {U, G4_UNARY_SIGMOID, 2, 0,    kImm, kImm,   // r2 = σ(x)
                            B, G4_BINARY_SUB,    3, kImm, 2,    kImm,   // r3 = 1 − r2
                            B, G4_BINARY_MUL,    0, 2,    3,    kImm,   // r0 = r2 · r3
                            B, G4_BINARY_MUL,    2, 0,    1,    kImm};  // r2 = r0 · g
    const float params[] = {0, 0, 1, 0, 0, 0, 0, 0};
    const int32_t shape[] = {rows, cols}, strides[] = {cols, 1};
    const int64_t n = int64_t{rows} * cols;
    auto x = random(n + 3, 70, -4, 4), g = random(n, 71);
    std::vector<float> y(n + 2, -7.0f);
    g4_f32_program(4, code, params, 2, 2, shape, x.data(), 3, strides, g.data(), 0, strides, nullptr, 0, nullptr,
                   nullptr, 0, nullptr, y.data(), 1);
    std::vector<double> ref(n);
    for (int64_t i = 0; i < n; i++) {
        const double s = 1 / (1 + std::exp(-static_cast<double>(x[i + 3])));
        ref[i] = g[i] * s * (1 - s);
    }
    const std::string what = isa + " sigmoid backward [" + std::to_string(rows) + ", " + std::to_string(cols) + "]";
    close(what, y.data() + 1, ref.data(), n, 1e-5, 1e-6);
    g4test::expect(y[0] == -7.0f && y[n + 1] == -7.0f, what + " writes only its range");
}

// leaky_relu(x + bias, 0.1) with bias [cols] broadcast over the rows.
void bias_leaky_relu(const std::string& isa) {
    const int32_t code[] = {B, G4_BINARY_ADD, 2, 0, 1, kImm, U, G4_UNARY_LEAKY_RELU, 0, 2, kImm, kImm};
    const float params[] = {0, 0, 0.1f, 0};
    const int32_t rows = 9, cols = 700;
    const int32_t shape[] = {rows, cols}, xs[] = {cols, 1}, bs[] = {0, 1};
    auto x = random(rows * cols, 72), bias = random(cols, 73);
    std::vector<float> y(rows * cols);
    g4_f32_program(2, code, params, 2, 2, shape, x.data(), 0, xs, bias.data(), 0, bs, nullptr, 0, nullptr, nullptr, 0,
                   nullptr, y.data(), 0);
    std::vector<double> ref(y.size());
    for (int32_t r = 0; r < rows; r++) {
        for (int32_t c = 0; c < cols; c++) {
            const double v = static_cast<double>(x[r * cols + c]) + bias[c];
            ref[r * cols + c] = v > 0 ? v : 0.1 * v;
        }
    }
    close(isa + " bias + leaky relu", y.data(), ref.data(), ref.size());
}

// where(x > 0, t, 2.5) with t read transposed (strides {1, rows}), and x in place of the output.
void where_transposed_in_place(const std::string& isa) {
    const int32_t code[] = {B, G4_BINARY_GT, 2, 0, kImm, kImm, W, 0, 3, 1, kImm, 2};
    const float params[] = {0, 0, 0, 2.5f};
    const int32_t rows = 33, cols = 17;
    const int32_t shape[] = {rows, cols}, xs[] = {cols, 1}, ts[] = {1, rows};
    auto x = random(rows * cols, 74), t = random(rows * cols, 75);
    std::vector<double> ref(x.size());
    for (int32_t r = 0; r < rows; r++) {
        for (int32_t c = 0; c < cols; c++) ref[r * cols + c] = x[r * cols + c] > 0 ? t[c * rows + r] : 2.5;
    }
    g4_f32_program(2, code, params, 2, 2, shape, x.data(), 0, xs, t.data(), 0, ts, nullptr, 0, nullptr, nullptr, 0,
                   nullptr, x.data(), 0);
    close(isa + " where, transposed input, in place", x.data(), ref.data(), ref.size());
}

// exp(s) + 1 with s one broadcast value: computed once, filled in.
void broadcast_result(const std::string& isa) {
    const int32_t code[] = {U, G4_UNARY_EXP, 1, 0, kImm, kImm, B, G4_BINARY_ADD, 0, 1, kImm, kImm};
    const float params[] = {0, 0, 0, 1};
    const int32_t shape[] = {3, 1000}, zero[] = {0, 0};
    const float s = 0.5f;
    std::vector<float> y(3000);
    g4_f32_program(2, code, params, 1, 2, shape, &s, 0, zero, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, 0,
                   nullptr, y.data(), 0);
    std::vector<double> ref(y.size(), std::exp(0.5) + 1);
    close(isa + " broadcast result", y.data(), ref.data(), ref.size());
}

void invalid_programs() {
    const int32_t shape[] = {4}, strides[] = {1};
    float x[4] = {}, y[4] = {};
    const float params[] = {0, 0};
    const int32_t unknown_op[] = {U, G4_UNARY_COUNT, 1, 0, kImm, kImm};
    const int32_t register_out_of_range[] = {U, G4_UNARY_NEG, G4_PROGRAM_MAX_REGISTERS, 0, kImm, kImm};
    const int32_t only_constants[] = {B, G4_BINARY_ADD, 1, kImm, kImm, kImm};
    const int32_t where_without_condition[] = {W, 0, 1, 0, 0, kImm};
    for (const int32_t* code : {unknown_op, register_out_of_range, only_constants, where_without_condition}) {
        g4test::expect(g4_f32_program(1, code, params, 1, 1, shape, x, 0, strides, nullptr, 0, nullptr, nullptr, 0,
                                      nullptr, nullptr, 0, nullptr, y, 0) == G4_INVALID_ARGUMENT,
                       "program rejects an invalid instruction");
    }
    const int32_t neg[] = {U, G4_UNARY_NEG, 1, 0, kImm, kImm};
    g4test::expect(g4_f32_program(1, neg, params, 2, 1, shape, x, 0, strides, nullptr, 0, nullptr, nullptr, 0, nullptr,
                                  nullptr, 0, nullptr, y, 0) == G4_INVALID_ARGUMENT,
                   "program rejects a missing input");
    g4test::expect(g4_f32_program(0, neg, params, 1, 1, shape, x, 0, strides, nullptr, 0, nullptr, nullptr, 0, nullptr,
                                  nullptr, 0, nullptr, y, 0) == G4_INVALID_ARGUMENT,
                   "program rejects an empty program");
}

}  // namespace

int main() {
    g4test::for_each_isa("program", [&](const char* isa) {
        g4test::for_each_thread_count(g4_set_num_threads, [&] {
            sigmoid_backward(isa, 1, 7);
            sigmoid_backward(isa, 5, 1500);
            sigmoid_backward(isa, 300, 130);
            bias_leaky_relu(isa);
            where_transposed_in_place(isa);
            broadcast_result(isa);
        });
    });
    invalid_programs();
    return g4test::finish("program");
}
