// Strided element-wise kernels: broadcasting binary ops, where, copies and fills.
#include <algorithm>
#include <cstring>

#include "internal.h"
#include "parallel.h"

namespace g4 {

StridedLoop::StridedLoop(int32_t rank, const int32_t* shape, int operands, const int32_t* const* strides)
    : operands_(operands) {
    for (int d = 0; d < rank; d++) {
        if (shape[d] == 0) {  // nothing to walk
            shape_[0] = 0;
            for (int k = 0; k < operands; k++) strides_[k][0] = 0;
            rank_ = 1;
            rows_ = 0;
            return;
        }
    }
    for (int d = 0; d < rank; d++) {
        if (shape[d] == 1) continue;
        bool merge = rank_ > 0;
        for (int k = 0; k < operands && merge; k++) {
            merge = strides_[k][rank_ - 1] == static_cast<int64_t>(strides[k][d]) * shape[d];
        }
        if (merge) {
            shape_[rank_ - 1] *= shape[d];
            for (int k = 0; k < operands; k++) strides_[k][rank_ - 1] = strides[k][d];
        } else {
            shape_[rank_] = shape[d];
            for (int k = 0; k < operands; k++) strides_[k][rank_] = strides[k][d];
            rank_++;
        }
    }
    if (rank_ == 0) {
        shape_[0] = 1;
        for (int k = 0; k < operands; k++) strides_[k][0] = 0;
        rank_ = 1;
    }
    for (int d = 0; d < rank_ - 1; d++) rows_ *= shape_[d];
}

void StridedLoop::row_offsets(int64_t row, int64_t* offsets) const {
    for (int d = rank_ - 2; d >= 0; d--) {
        int64_t i = row % shape_[d];
        row /= shape_[d];
        for (int k = 0; k < operands_; k++) offsets[k] += i * strides_[k][d];
    }
}

}  // namespace g4

using g4::StridedLoop;

extern "C" int g4_f32_binary(int op, int32_t rank, const int32_t* shape, const float* a, int64_t a_off,
                             const int32_t* a_strides, const float* b, int64_t b_off, const int32_t* b_strides,
                             float* out, int64_t out_off) {
    if (op < 0 || op >= G4_BINARY_COUNT || rank < 0 || rank > StridedLoop::kMaxRank) return G4_INVALID_ARGUMENT;
    int32_t out_strides[StridedLoop::kMaxRank];
    int32_t s = 1;
    for (int d = rank - 1; d >= 0; d--) {
        out_strides[d] = s;
        s *= shape[d] > 1 ? shape[d] : 1;
    }
    const int32_t* strides[] = {a_strides, b_strides, out_strides};
    StridedLoop loop(rank, shape, 3, strides);
    const auto& kernels = g4::elementwise();
    const int64_t inner = loop.inner(), sa = loop.inner_stride(0), sb = loop.inner_stride(1);
    if (loop.rows() == 1) {
        g4::parallel_for(inner, g4::kElementwiseGrain, [&](int, int64_t begin, int64_t end) {
            kernels.binary(op, a + a_off + begin * sa, sa, b + b_off + begin * sb, sb, out + out_off + begin,
                           end - begin);
        });
        return G4_OK;
    }
    g4::parallel_for(loop.rows(), g4::items_grain(inner), [&](int, int64_t first, int64_t last) {
        for (int64_t row = first; row < last; row++) {
            int64_t off[3] = {a_off, b_off, out_off};
            loop.row_offsets(row, off);
            kernels.binary(op, a + off[0], sa, b + off[1], sb, out + off[2], inner);
        }
    });
    return G4_OK;
}

extern "C" int g4_f32_where(int32_t rank, const int32_t* shape, const float* cond, int64_t cond_off,
                            const int32_t* cond_strides, const float* a, int64_t a_off, const int32_t* a_strides,
                            const float* b, int64_t b_off, const int32_t* b_strides, float* out, int64_t out_off) {
    if (rank < 0 || rank > StridedLoop::kMaxRank) return G4_INVALID_ARGUMENT;
    int32_t out_strides[StridedLoop::kMaxRank];
    int32_t s = 1;
    for (int d = rank - 1; d >= 0; d--) {
        out_strides[d] = s;
        s *= shape[d] > 1 ? shape[d] : 1;
    }
    const int32_t* strides[] = {cond_strides, a_strides, b_strides, out_strides};
    StridedLoop loop(rank, shape, 4, strides);
    const int64_t n = loop.inner();
    const int64_t sc = loop.inner_stride(0), sa = loop.inner_stride(1), sb = loop.inner_stride(2);
    for (int64_t row = 0; row < loop.rows(); row++) {
        int64_t off[4] = {cond_off, a_off, b_off, out_off};
        loop.row_offsets(row, off);
        for (int64_t i = 0; i < n; i++) {
            out[off[3] + i] = cond[off[0] + i * sc] != 0.0f ? a[off[1] + i * sa] : b[off[2] + i * sb];
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_copy(int32_t rank, const int32_t* shape, const float* src, int64_t src_off,
                           const int32_t* src_strides, float* dst, int64_t dst_off, const int32_t* dst_strides) {
    if (rank < 0 || rank > StridedLoop::kMaxRank) return G4_INVALID_ARGUMENT;
    const int32_t* strides[] = {src_strides, dst_strides};
    StridedLoop loop(rank, shape, 2, strides);
    const int64_t n = loop.inner();
    const int64_t ss = loop.inner_stride(0), ds = loop.inner_stride(1);
    for (int64_t row = 0; row < loop.rows(); row++) {
        int64_t off[2] = {src_off, dst_off};
        loop.row_offsets(row, off);
        if (ss == 1 && ds == 1) {
            std::memmove(dst + off[1], src + off[0], static_cast<size_t>(n) * sizeof(float));
        } else {
            for (int64_t i = 0; i < n; i++) dst[off[1] + i * ds] = src[off[0] + i * ss];
        }
    }
    return G4_OK;
}

extern "C" int g4_f32_fill(float* dst, int64_t dst_off, int64_t n, float value) {
    float* p = dst + dst_off;
    g4::parallel_for(n, g4::kElementwiseGrain, [&](int, int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; i++) p[i] = value;
    });
    return G4_OK;
}

extern "C" int g4_f32_unary(int op, float alpha, float beta, const float* x, int64_t x_off, float* y, int64_t y_off,
                            int64_t n) {
    if (op < 0 || op >= G4_UNARY_COUNT || n < 0) return G4_INVALID_ARGUMENT;
    const auto& kernels = g4::elementwise();
    g4::parallel_for(n, g4::kElementwiseGrain, [&](int, int64_t begin, int64_t end) {
        kernels.unary(op, alpha, beta, x + x_off + begin, y + y_off + begin, end - begin);
    });
    return G4_OK;
}
