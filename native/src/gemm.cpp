// GEMM: our packed GEMM where the CPU has AVX2 or AVX-512 and the product suits it, else OpenBLAS.
// Either way a product large enough for several threads is cut into parts, one per thread of the
// pool, each a single-threaded product of its own: OpenBLAS stays at one thread, and its threaded
// driver (whose jobs wait for each other, and whose idle threads spin beside the pool's) never runs.
#include <cblas.h>

#include <algorithm>

#include "internal.h"
#include "packed_gemm.h"
#include "parallel.h"

namespace g4 {
namespace {

// Multiply-adds per thread below which a product takes fewer threads: several times what handing a
// part to a worker costs (more when the worker has gone to sleep). OpenBLAS's own rule, a quarter
// of this, splits products whose parts are done before a sleeping worker has started.
constexpr int64_t kMacsPerThread = int64_t{1} << 20;

void blas(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
          const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
    cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
                static_cast<blasint>(m), static_cast<blasint>(n), static_cast<blasint>(k), alpha, a,
                static_cast<blasint>(lda), b, static_cast<blasint>(ldb), beta, c, static_cast<blasint>(ldc));
}

// How a product is cut into parts: along n, where each part packs all of op(A), into columns of the
// packed GEMM's narrow edge kernel (half a micro-tile: 400 columns split 208 + 192, not 224 + 176),
// or along m, where each packs all of op(B), into whole micro-tiles; whichever packs less twice, as
// long as it has a tile for every part. In the packed GEMM every element of C sums over k in the
// same order however the product is cut, so its result does not depend on the number of parts.
constexpr int64_t kSplitNr = kPackedNr / 2;

struct ProductSplit {
    bool along_n;
    int64_t tiles;
    int parts;

    // At most max_parts parts, each with a tile and kMacsPerThread multiply-adds.
    ProductSplit(int64_t m, int64_t n, int64_t k, int max_parts) {
        const int64_t n_tiles = (n + kSplitNr - 1) / kSplitNr, m_tiles = (m + kPackedMr - 1) / kPackedMr;
        const int wanted = std::min(max_parts, parallel_parts(m * n * k, kMacsPerThread));
        along_n = m <= n ? n_tiles >= wanted || n_tiles >= m_tiles : m_tiles < wanted && n_tiles > m_tiles;
        tiles = along_n ? n_tiles : m_tiles;
        parts = static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(wanted, tiles)));
    }

    // Floats of packing buffer one part needs.
    int64_t part_floats(int64_t n) const {
        return packed_gemm_floats(along_n ? (tiles + parts - 1) / parts * kSplitNr : n);
    }

    int64_t floats(int64_t n) const { return parts * part_floats(n); }

    // part(p, i0, rows, j0, cols) for each part p: the block of C it computes, on the pool.
    template <typename Part>
    void run(int64_t m, int64_t n, const Part& part) const {
        run_parts(tiles, parts, [&](int p, int64_t first, int64_t last) {
            if (along_n) {
                const int64_t j0 = first * kSplitNr;
                part(p, int64_t{0}, m, j0, std::min(n, last * kSplitNr) - j0);
            } else {
                const int64_t i0 = first * kPackedMr;
                part(p, i0, std::min(m, last * kPackedMr) - i0, int64_t{0}, n);
            }
        });
    }
};

// Rows from i0 of op(A) and columns from j0 of op(B), for a part's product.
inline const float* a_rows(bool trans, const float* a, int64_t lda, int64_t i0) {
    return trans ? a + i0 : a + i0 * lda;
}
inline const float* b_columns(bool trans, const float* b, int64_t ldb, int64_t j0) {
    return trans ? b + j0 * ldb : b + j0;
}

// Whether our packed GEMM runs this product rather than OpenBLAS.
bool packed_product(int64_t n, int64_t k) {
    return packed_gemm_available() && k > 0 && packed_gemm_pays(n);
}

void packed_parts(const ProductSplit& split, bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha,
                  const float* a, int64_t lda, const float* b, int64_t ldb, float beta, float* c, int64_t ldc,
                  float* workspace) {
    const int64_t part_floats = split.part_floats(n);
    split.run(m, n, [&](int p, int64_t i0, int64_t rows, int64_t j0, int64_t cols) {
        packed_sgemm(trans_a, trans_b, rows, cols, k, alpha, a_rows(trans_a, a, lda, i0), lda,
                     b_columns(trans_b, b, ldb, j0), ldb, beta, c + i0 * ldc + j0, ldc, nullptr,
                     workspace + p * part_floats);
    });
}

}  // namespace

void sgemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
           const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
    if (m == 0 || n == 0) return;
    if (k == 0 || alpha == 0.0f) {
        // cblas with k = 0 would scale C by beta, reading it even for beta = 0 (NaN * 0 = NaN).
        for (int64_t i = 0; i < m; i++) {
            for (int64_t j = 0; j < n; j++) c[i * ldc + j] = beta == 0.0f ? 0.0f : beta * c[i * ldc + j];
        }
        return;
    }
    const ProductSplit split(m, n, k, in_parallel_part() ? 1 : pool_threads());
    if (split.parts == 1) {
        blas(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
    split.run(m, n, [&](int, int64_t i0, int64_t rows, int64_t j0, int64_t cols) {
        blas(trans_a, trans_b, rows, cols, k, alpha, a_rows(trans_a, a, lda, i0), lda, b_columns(trans_b, b, ldb, j0),
             ldb, beta, c + i0 * ldc + j0, ldc);
    });
}

int64_t gemm_workspace_floats(int64_t m, int64_t n, int64_t k) {
    if (m <= 0 || n <= 0 || !packed_product(n, k)) return 0;
    return ProductSplit(m, n, k, pool_threads()).floats(n);
}

}  // namespace g4

extern "C" int64_t g4_f32_gemm_workspace_size(int64_t m, int64_t n, int64_t k) {
    if (m < 0 || n < 0 || k < 0) return -1;
    return g4::gemm_workspace_floats(m, n, k);
}

extern "C" int g4_f32_gemm(int trans_a, int trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a,
                           int64_t a_off, int64_t lda, const float* b, int64_t b_off, int64_t ldb, float beta, float* c,
                           int64_t c_off, int64_t ldc, float* workspace, int64_t workspace_floats) {
    if (m < 0 || n < 0 || k < 0 || workspace_floats < 0) return G4_INVALID_ARGUMENT;
    a += a_off;
    b += b_off;
    c += c_off;
    if (m > 0 && n > 0 && alpha != 0.0f && g4::packed_product(n, k)) {
        // fewer parts where the work space holds fewer (the pool grew since it was sized); one inside
        // a part, whose thread runs them all: cut or not, the product sums in the same order
        int parts = g4::in_parallel_part() ? 1 : g4::pool_threads();
        while (parts > 1 && g4::ProductSplit(m, n, k, parts).floats(n) > workspace_floats) parts--;
        const g4::ProductSplit split(m, n, k, parts);
        if (workspace == nullptr || split.floats(n) > workspace_floats) return G4_INVALID_ARGUMENT;
        g4::packed_parts(split, trans_a != 0, trans_b != 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, workspace);
    } else {
        g4::sgemm(trans_a != 0, trans_b != 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
    return G4_OK;
}

extern "C" void g4_set_num_threads(int threads) {
    g4::set_pool_threads(threads);
}

extern "C" int g4_get_num_threads(void) {
    return g4::pool_threads();
}

extern "C" int g4_run_parts(int parts, g4_part_fn fn, int64_t region) {
    if (parts < 1 || fn == nullptr) return G4_INVALID_ARGUMENT;
    struct Call {
        g4_part_fn fn;
        int64_t region;
    } call{fn, region};
    g4::run_parts(
        parts, parts,
        [](const void* c, int part, int64_t, int64_t) {
            const Call& k = *static_cast<const Call*>(c);
            k.fn(k.region, part);
        },
        &call);
    return G4_OK;
}
