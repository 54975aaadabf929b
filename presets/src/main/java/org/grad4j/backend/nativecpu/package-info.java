/**
 * The native backend: {@link org.grad4j.backend.nativecpu.NativeBackend} runs GEMM in OpenBLAS,
 * convolution as im2col with that GEMM (or our own AVX-512 one), and the other kernels in our C++
 * library (native/), through the JavaCPP bindings in
 * {@code org.grad4j.jni.global}. Found by {@link java.util.ServiceLoader} through
 * {@link org.grad4j.backend.nativecpu.NativeBackendProvider}; used when its libraries load.
 */
package org.grad4j.backend.nativecpu;
