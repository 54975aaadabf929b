// Lane masks for AVX-512 loops over a tail shorter than a vector; for files compiled with AVX-512.
#ifndef G4_LANES_AVX512_H
#define G4_LANES_AVX512_H

#include <immintrin.h>

#include <cstdint>

namespace g4 {

// The first n of 16 lanes (all for n ≥ 16, none for n ≤ 0).
inline __mmask16 first_lanes(int64_t n) {
    return n >= 16 ? 0xFFFF : n <= 0 ? 0 : static_cast<__mmask16>((1u << n) - 1);
}

}  // namespace g4

#endif
