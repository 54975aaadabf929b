package org.grad4j.spark;

/**
 * A model's loss and accuracy over a dataset, computed by the executors.
 *
 * @param loss the mean loss per sample
 * @param accuracy the share of samples whose largest output is their label
 * @param samples the samples evaluated
 */
public record Evaluation(double loss, double accuracy, long samples) {}
