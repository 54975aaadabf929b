/**
 * The kernel interface ({@link org.grad4j.backend.Backend}) the ops run on, a service-provider
 * interface: raw arrays, offsets, sizes and strides. {@link org.grad4j.backend.Threads} is the one
 * thread setting every backend follows. Providers are found with {@link java.util.ServiceLoader}
 * and one is chosen per JVM ({@code -Dgrad4j.backend}, {@code GRAD4J_BACKEND}, else the best available).
 */
package org.grad4j.backend;
