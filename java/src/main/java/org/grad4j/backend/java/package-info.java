/**
 * The pure-Java backend: always present and the reference other backends are tested against.
 * Kernels split work over {@code grad4j.threads} threads; GEMM is cache-blocked and convolution is
 * im2col + GEMM.
 */
package org.grad4j.backend.java;
