/**
 * Neural-network building blocks with PyTorch's names and defaults: {@link org.grad4j.nn.Module}
 * (parameters, buffers, sub-modules, train/eval, state dicts), {@link org.grad4j.nn.Parameter},
 * {@link org.grad4j.nn.Sequential}, layers, activation modules and initializers.
 */
package org.grad4j.nn;
