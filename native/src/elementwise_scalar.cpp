// The element-wise loops compiled for the scalar instruction set (flags set in CMakeLists.txt), with
// the double-precision reference formulas.
#include "reference_math.h"

namespace math = g4::reference_math;

#include "elementwise_impl.h"
#include "fma_chains_impl.h"

namespace g4 {
const ElementwiseKernels elementwise_scalar = {unary, binary,           bias_activation, accumulate, col2im_plane,  sgd,
                                               adam,  max_pool_row_2x2, lookup_row,      fma_chains, kFmaChainFlops};
}  // namespace g4
