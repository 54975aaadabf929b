/**
 * Neural-network building blocks with PyTorch's names and defaults: {@link org.grad4j.nn.Module}
 * (parameters, buffers, sub-modules, train/eval, state dicts), {@link org.grad4j.nn.Parameter},
 * {@link org.grad4j.nn.Sequential}, layers ({@link org.grad4j.nn.Linear}, {@link org.grad4j.nn.Conv2d},
 * {@link org.grad4j.nn.ConvTranspose2d}, pooling, {@link org.grad4j.nn.Dropout}, batch and layer
 * normalization, {@link org.grad4j.nn.Embedding}, {@link org.grad4j.nn.Flatten}), activation
 * modules and initializers ({@link org.grad4j.nn.Init}). Layers compose Tensor ops, so autograd
 * differentiates them; their {@code toString} prints PyTorch's repr, e.g.
 * {@code Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))}.
 */
package org.grad4j.nn;
