// The element-wise loops compiled for the avx2 instruction set (flags set in CMakeLists.txt).
#include "elementwise_impl.h"

namespace g4 {
const ElementwiseKernels elementwise_avx2 = {unary, binary, bias_activation, sgd, adam};
}  // namespace g4
