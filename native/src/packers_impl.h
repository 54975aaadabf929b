// The packed GEMM's packers (packed_gemm.h), written once over a vector type. Included inside an
// anonymous namespace by gemm_avx2.cpp and gemm_avx512.cpp, each compiled with its own flags,
// after the including file defines `Lanes`:
//   Vec, Mask, kCount (floats per vector), first(n) (the mask of the first n lanes), load(mask, p)
//   (zeros in the other lanes), store(p, mask, v), zero(), and transpose(Vec r[kCount]), after
//   which r[j] holds column j of the rows r held.

// Copies `Width` floats per step of k; a full panel without masks.
template <int64_t Width>
void pack_steps(const float* const* steps, int64_t items, int64_t kc, float* out) {
    constexpr int64_t n = Lanes::kCount;
    const bool full = items == Width && Width % n == 0;
    for (int64_t p = 0; p < kc; p++, out += Width) {
        for (int64_t i0 = 0; i0 < Width; i0 += n) {
            if (full) {
                Lanes::store_all(out + i0, Lanes::load_all(steps[p] + i0));
                continue;
            }
            Lanes::store(out + i0, Lanes::first(Width - i0), Lanes::load(Lanes::first(items - i0), steps[p] + i0));
        }
    }
}

// kCount items at a time, kCount steps of k at a time, transposed in registers; the rows of items
// past `items` are zeros, so the panel's padding is written with the rest.
template <int64_t Width>
void pack_rows(const float* const* rows, int64_t items, int64_t kc, float* out) {
    constexpr int64_t n = Lanes::kCount;
    for (int64_t k0 = 0; k0 < kc; k0 += n) {
        const typename Lanes::Mask load = Lanes::first(kc - k0);
        for (int64_t i0 = 0; i0 < Width; i0 += n) {
            const typename Lanes::Mask store = Lanes::first(Width - i0);
            typename Lanes::Vec r[n];
            for (int64_t i = 0; i < n; i++)
                r[i] = i0 + i < items ? Lanes::load(load, rows[i0 + i] + k0) : Lanes::zero();
            Lanes::transpose(r);
            const int64_t steps = std::min<int64_t>(n, kc - k0);
            for (int64_t k = 0; k < steps; k++) Lanes::store(out + (k0 + k) * Width + i0, store, r[k]);
        }
    }
}

// The packers of a panel kPackedMr or kPackedNr items wide, as PackedKernels takes them.
void pack_steps(const float* const* steps, int64_t items, int64_t kc, int64_t width, float* out) {
    (width == kPackedMr ? pack_steps<kPackedMr> : pack_steps<kPackedNr>)(steps, items, kc, out);
}

void pack_rows(const float* const* rows, int64_t items, int64_t kc, int64_t width, float* out) {
    (width == kPackedMr ? pack_rows<kPackedMr> : pack_rows<kPackedNr>)(rows, items, kc, out);
}
