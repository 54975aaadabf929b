/**
 * Data loading in the style of {@code torch.utils.data} and {@code torchvision.datasets}:
 * a {@link org.grad4j.data.Dataset} is a list of samples (one tensor per field, e.g. image and
 * label); {@link org.grad4j.data.TensorDataset} wraps tensors, {@link org.grad4j.data.Subset} and
 * {@link org.grad4j.data.Datasets#randomSplit} cut them; a {@link org.grad4j.data.DataLoader}
 * yields shuffled, stacked {@link org.grad4j.data.Batch}es, preparing the next ones on a
 * background thread. {@link org.grad4j.data.IdxReader} reads the IDX format of MNIST, and
 * {@link org.grad4j.data.MNIST} and {@link org.grad4j.data.FashionMNIST} find their files in a
 * given directory, a cache or a system directory, or download them with SHA-256 verification.
 *
 * <p>Only the JDK is used (HttpClient, GZIPInputStream, MessageDigest): grad4j-core has no
 * third-party runtime dependency.
 */
package org.grad4j.data;
