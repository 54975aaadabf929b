package org.grad4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.grad4j.nn.Module;
import org.grad4j.optim.Optimizer;

/**
 * What a training mode's steps work with: the context, the recipes, the cached data, and the
 * driver's model and optimizer.
 *
 * @param sc the Spark context
 * @param spec the recipes the tasks build replicas from
 * @param data the cached, checked training blocks
 * @param model the driver's model, the one trained
 * @param optimizer the driver's optimizer
 * @param depth treeAggregate's depth
 */
record Run(JavaSparkContext sc, RunSpec spec, TrainingData data, Module model, Optimizer optimizer, int depth) {}
