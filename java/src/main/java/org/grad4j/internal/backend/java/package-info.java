/**
 * The pure-Java backend: always present and the reference other backends are tested against.
 * Kernels split work over {@link org.grad4j.backend.Threads#get()} threads (or the count a
 * {@link org.grad4j.internal.backend.java.JavaBackend} was made with); GEMM is cache-blocked and convolution is
 * im2col + GEMM.
 */
package org.grad4j.internal.backend.java;
