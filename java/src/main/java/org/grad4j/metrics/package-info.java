/**
 * Evaluation metrics with the names of torchmetrics and scikit-learn: {@link
 * org.grad4j.metrics.Classification} (accuracy, precision, recall, F1) computed from a {@link
 * org.grad4j.metrics.ConfusionMatrix} that can also accumulate over batches, and {@link
 * org.grad4j.metrics.Regression} (mean squared and absolute error, R²). Metrics read tensor
 * values and return plain numbers; they record nothing for autograd.
 */
package org.grad4j.metrics;
