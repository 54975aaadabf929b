/**
 * Loss functions with PyTorch's names, defaults and formulas: each {@link org.grad4j.nn.loss.Loss}
 * is a module whose {@code forward(input, target)} returns the loss, reduced by a
 * {@link org.grad4j.nn.loss.Reduction} (mean, sum or none) as PyTorch's {@code reduction}
 * argument. Regression: {@link org.grad4j.nn.loss.MSELoss}, {@link org.grad4j.nn.loss.L1Loss},
 * {@link org.grad4j.nn.loss.HuberLoss}; classification: {@link org.grad4j.nn.loss.CrossEntropyLoss}
 * (logits), {@link org.grad4j.nn.loss.NLLLoss} (log-probabilities) and
 * {@link org.grad4j.nn.loss.BCEWithLogitsLoss} (binary, on logits).
 */
package org.grad4j.nn.loss;
