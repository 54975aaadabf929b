// Reductions over the middle axis of [outer, size, inner], and gather / scatter-add along it.
#include <algorithm>
#include <cmath>

#include "internal.h"
#include "parallel.h"

namespace {

// A row's sum in double, as eight partial sums of every eighth element added pairwise at the end
// (the Java backend's Reductions.rowSum): independent adds rather than one chain of dependent ones.
double row_sum(const float* x, int64_t n) {
    double part[8] = {};
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int k = 0; k < 8; k++) part[k] += x[i + k];
    }
    for (int k = 0; i + k < n; k++) part[k] += x[i + k];
    return ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
}

bool better(int op, float v, float best) {
    return std::isnan(v) || ((op == G4_REDUCE_MAX || op == G4_REDUCE_ARGMAX) ? v > best : v < best);
}

}  // namespace

extern "C" int g4_f32_reduce(int op, const float* x, int64_t x_off, int64_t outer, int64_t size, int64_t inner,
                             float* out, int64_t out_off) {
    if (op < 0 || op >= G4_REDUCE_COUNT || outer < 0 || size < 0 || inner < 0) return G4_INVALID_ARGUMENT;
    if (op != G4_REDUCE_SUM && size == 0) return G4_INVALID_ARGUMENT;
    const bool arg = op == G4_REDUCE_ARGMAX || op == G4_REDUCE_ARGMIN;
    const g4::ElementwiseKernels& kernels = g4::elementwise();
    // Outputs [o0, o1) x [j0, j1), each reduced in the same order whatever the blocks.
    const auto block = [&](int64_t o0, int64_t o1, int64_t j0, int64_t j1) {
        for (int64_t o = o0; o < o1; o++) {
            const float* base = x + x_off + o * size * inner;
            float* dst = out + out_off + o * inner;
            if (op == G4_REDUCE_SUM && inner == 1) {
                dst[0] = static_cast<float>(row_sum(base, size));
            } else if (op == G4_REDUCE_SUM) {
                for (int64_t j = j0; j < j1; j++) dst[j] = 0.0f;
                for (int64_t i = 0; i < size; i++) kernels.accumulate(dst + j0, base + i * inner + j0, j1 - j0);
            } else {
                for (int64_t j = j0; j < j1; j++) {
                    float best = base[j];
                    int64_t at = 0;
                    for (int64_t i = 1; i < size && !std::isnan(best); i++) {
                        const float v = base[i * inner + j];
                        if (better(op, v, best)) {
                            best = v;
                            at = i;
                        }
                    }
                    dst[j] = arg ? static_cast<float>(at) : best;
                }
            }
        }
    };
    const int64_t per_output = std::max<int64_t>(1, size);
    if (outer >= g4::pool_threads() || inner == 1) {
        const int64_t grain = g4::items_grain(per_output * std::max<int64_t>(1, inner));
        g4::parallel_for(outer, grain, [&](int, int64_t o0, int64_t o1) { block(o0, o1, 0, inner); });
    } else {
        const int64_t grain = g4::items_grain(per_output);
        g4::parallel_for(inner, grain, [&](int, int64_t j0, int64_t j1) { block(0, outer, j0, j1); });
    }
    return G4_OK;
}

extern "C" int g4_f32_gather(const float* x, int64_t x_off, int64_t outer, int64_t size, int64_t inner,
                             const int32_t* index, int64_t count, int index_per_row, float* out) {
    for (int64_t o = 0; o < outer; o++) {
        for (int64_t c = 0; c < count; c++) {
            const int64_t dst = (o * count + c) * inner;
            for (int64_t j = 0; j < inner; j++) {
                const int64_t idx = index_per_row ? index[dst + j] : index[c];
                if (idx < 0 || idx >= size) return G4_INVALID_ARGUMENT;
                out[dst + j] = x[x_off + (o * size + idx) * inner + j];
            }
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_scatter_add(const float* src, int64_t src_off, int64_t outer, int64_t size, int64_t inner,
                                  const int32_t* index, int64_t count, int index_per_row, float* dst) {
    for (int64_t o = 0; o < outer; o++) {
        for (int64_t c = 0; c < count; c++) {
            const int64_t s = (o * count + c) * inner;
            for (int64_t j = 0; j < inner; j++) {
                const int64_t idx = index_per_row ? index[s + j] : index[c];
                if (idx < 0 || idx >= size) return G4_INVALID_ARGUMENT;
                dst[(o * size + idx) * inner + j] += src[src_off + s + j];
            }
        }
    }
    return G4_OK;
}
