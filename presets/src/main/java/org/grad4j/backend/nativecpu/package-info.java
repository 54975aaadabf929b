/**
 * The native backend: {@link org.grad4j.backend.nativecpu.NativeBackend} runs GEMM on our own
 * packed kernel (AVX2 or AVX-512) or in OpenBLAS, convolution as im2col with that GEMM, and the
 * other kernels in our C++ library (native/), through the JavaCPP bindings in
 * {@code org.grad4j.jni.global}. Found by {@link java.util.ServiceLoader} through
 * {@link org.grad4j.backend.nativecpu.NativeBackendProvider}; used when its libraries load.
 */
package org.grad4j.backend.nativecpu;
