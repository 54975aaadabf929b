// The element-wise loops compiled for the avx512 instruction set (flags set in CMakeLists.txt), with
// the float32 transcendental functions so that those loops vectorize too.
#include "float_math.h"

namespace math = g4::float_math;

#include "elementwise_impl.h"
#include "fma_chains_impl.h"

namespace g4 {
const ElementwiseKernels elementwise_avx512 = {unary, binary,           bias_activation, accumulate, col2im_plane,  sgd,
                                               adam,  max_pool_row_2x2, lookup_row,      fma_chains, kFmaChainFlops};
}  // namespace g4
