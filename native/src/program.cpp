// Element-wise programs: a fused chain of unary ops, binary ops and wheres run tile by tile, so
// that intermediate values stay in registers' tiles in the cache. Each instruction runs the
// chosen instruction set's contiguous loops (g4::elementwise(): scalar, AVX2, AVX-512 or NEON) over
// one tile; matches org.grad4j.internal.backend.java.ElementwiseInterpreter.
#include <algorithm>

#include "internal.h"
#include "parallel.h"

namespace {

constexpr int64_t kTile = 512;

// Where a register's value is: a tile of `len` elements (stride 1) or one broadcast value (stride 0).
struct Register {
    const float* data;
    int64_t stride;
};

bool valid(int32_t instructions, const int32_t* code, int32_t inputs) {
    if (instructions < 1 || instructions > G4_PROGRAM_MAX_INSTRUCTIONS || inputs < 1 ||
        inputs > G4_PROGRAM_MAX_INPUTS) {
        return false;
    }
    for (int32_t k = 0; k < instructions; k++) {
        const int32_t* f = code + 6 * k;
        const int32_t kind = f[0], op = f[1];
        if (kind == G4_PROGRAM_UNARY    ? op < 0 || op >= G4_UNARY_COUNT
            : kind == G4_PROGRAM_BINARY ? op < 0 || op >= G4_BINARY_COUNT
                                        : kind != G4_PROGRAM_WHERE) {
            return false;
        }
        if (f[2] < 0 || f[2] >= G4_PROGRAM_MAX_REGISTERS) return false;
        for (int j = 3; j < 6; j++) {
            if (f[j] < -1 || f[j] >= G4_PROGRAM_MAX_REGISTERS) return false;
        }
        if (f[3] < 0 && (kind == G4_PROGRAM_UNARY || f[4] < 0)) return false;
        if (kind == G4_PROGRAM_WHERE && f[5] < 0) return false;
    }
    return true;
}

// Runs the program over one tile of `len` elements whose inputs are already in regs; the last
// instruction writes to out (a broadcast result is filled in).
void run_tile(int32_t instructions, const int32_t* code, const float* params, Register* regs, float (*tiles)[kTile],
              int64_t len, float* out) {
    const auto& kernels = g4::elementwise();
    for (int32_t k = 0; k < instructions; k++) {
        const int32_t* f = code + 6 * k;
        const int32_t kind = f[0], op = f[1], dst = f[2];
        const float* imm = params + 2 * k;
        const Register a = f[3] < 0 ? Register{imm, 0} : regs[f[3]];
        const Register b = kind == G4_PROGRAM_UNARY ? Register{imm, 0} : f[4] < 0 ? Register{imm + 1, 0} : regs[f[4]];
        const Register c = kind == G4_PROGRAM_WHERE ? regs[f[5]] : Register{imm, 0};
        const bool broadcast = a.stride == 0 && (kind == G4_PROGRAM_UNARY || b.stride == 0) && c.stride == 0;
        const int64_t n = broadcast ? 1 : len;
        float* y = k == instructions - 1 && !broadcast ? out : tiles[dst];
        if (kind == G4_PROGRAM_UNARY) {
            kernels.unary(op, imm[0], imm[1], a.data, y, n);
        } else if (kind == G4_PROGRAM_BINARY) {
            kernels.binary(op, a.data, a.stride, b.data, b.stride, y, n);
        } else {
            for (int64_t i = 0; i < n; i++) {
                y[i] = c.data[i * c.stride] != 0.0f ? a.data[i * a.stride] : b.data[i * b.stride];
            }
        }
        regs[dst] = Register{y, broadcast ? 0 : 1};
    }
    const Register result = regs[code[6 * (instructions - 1) + 2]];
    if (result.stride == 0) std::fill(out, out + len, result.data[0]);
}

}  // namespace

using g4::StridedLoop;

extern "C" int g4_f32_program(int32_t instructions, const int32_t* code, const float* params, int32_t inputs,
                              int32_t rank, const int32_t* shape, const float* x0, int64_t x0_off,
                              const int32_t* x0_strides, const float* x1, int64_t x1_off, const int32_t* x1_strides,
                              const float* x2, int64_t x2_off, const int32_t* x2_strides, const float* x3,
                              int64_t x3_off, const int32_t* x3_strides, float* out, int64_t out_off) {
    if (!valid(instructions, code, inputs) || rank < 0 || rank > StridedLoop::kMaxRank) return G4_INVALID_ARGUMENT;
    const float* x[] = {x0, x1, x2, x3};
    const int64_t x_off[] = {x0_off, x1_off, x2_off, x3_off};
    const int32_t* x_strides[] = {x0_strides, x1_strides, x2_strides, x3_strides};
    for (int32_t i = 0; i < inputs; i++) {
        if (x[i] == nullptr || x_strides[i] == nullptr) return G4_INVALID_ARGUMENT;
    }
    int32_t out_strides[StridedLoop::kMaxRank];
    int32_t s = 1;
    for (int d = rank - 1; d >= 0; d--) {
        out_strides[d] = s;
        s *= shape[d] > 1 ? shape[d] : 1;
    }
    const int32_t* strides[StridedLoop::kMaxOperands];
    for (int32_t i = 0; i < inputs; i++) strides[i] = x_strides[i];
    strides[inputs] = out_strides;
    StridedLoop loop(rank, shape, inputs + 1, strides);
    const int64_t inner = loop.inner();
    const int64_t tiles = (inner + kTile - 1) / kTile;
    const int64_t work = std::min(inner, kTile) * instructions;
    g4::parallel_for(loop.rows() * tiles, g4::items_grain(work), [&](int, int64_t first, int64_t last) {
        alignas(64) float buffers[G4_PROGRAM_MAX_REGISTERS][kTile];
        Register regs[G4_PROGRAM_MAX_REGISTERS];
        for (int64_t item = first; item < last; item++) {
            const int64_t row = item / tiles;
            const int64_t start = (item % tiles) * kTile;
            const int64_t len = std::min(kTile, inner - start);
            int64_t off[StridedLoop::kMaxOperands] = {};
            for (int32_t i = 0; i < inputs; i++) off[i] = x_off[i];
            off[inputs] = out_off;
            loop.row_offsets(row, off);
            for (int32_t i = 0; i < inputs; i++) {
                const int64_t stride = loop.inner_stride(i);
                const float* at = x[i] + off[i] + start * stride;
                if (stride == 0 || stride == 1) {
                    regs[i] = Register{at, stride};
                } else {
                    for (int64_t e = 0; e < len; e++) buffers[i][e] = at[e * stride];
                    regs[i] = Register{buffers[i], 1};
                }
            }
            run_tile(instructions, code, params, regs, buffers, len, out + off[inputs] + start);
        }
    });
    return G4_OK;
}
