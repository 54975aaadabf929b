// The element-wise loops compiled for AArch64's Advanced SIMD (NEON, part of every ARMv8-A CPU; flags
// set in CMakeLists.txt), with the float32 transcendental functions so that those loops vectorize too.
// G4_NEON_VARIANT picks the NEON paths of the shared sources: NEON is in every AArch64 build, the
// scalar variant's too, so its predefined macro cannot tell the variants apart.
#define G4_NEON_VARIANT
#include "float_math.h"

namespace math = g4::float_math;

#include "elementwise_impl.h"
#include "fma_chains_impl.h"

namespace g4 {
const ElementwiseKernels elementwise_neon = {unary, binary,           bias_activation, accumulate, col2im_plane,  sgd,
                                             adam,  max_pool_row_2x2, lookup_row,      fma_chains, kFmaChainFlops};
}  // namespace g4
