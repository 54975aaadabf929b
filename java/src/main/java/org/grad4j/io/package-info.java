/**
 * Saving and loading tensors in the safetensors format that Hugging Face and PyTorch use:
 * {@link org.grad4j.io.Safetensors} reads and writes named tensors with string metadata, and
 * {@link org.grad4j.io.Checkpoint} keeps a model's state dict, an optimizer's state and values
 * such as the epoch in one file, as {@code torch.save} and {@code torch.load} are used for
 * training checkpoints. Writes are atomic, and files are checked fully when read.
 */
package org.grad4j.io;
