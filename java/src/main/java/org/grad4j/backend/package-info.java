/**
 * The kernel interface ({@link org.grad4j.backend.Backend}) the ops run on: raw arrays, offsets,
 * sizes and strides, never validated again. Providers are found with {@link java.util.ServiceLoader}
 * and one is chosen per JVM ({@code -Dgrad4j.backend}, {@code GRAD4J_BACKEND}, else the best available).
 */
package org.grad4j.backend;
