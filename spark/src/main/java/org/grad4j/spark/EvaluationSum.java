package org.grad4j.spark;

import java.io.Serializable;

/** A partition's loss sum and count of correct predictions; sums of them add. */
record EvaluationSum(double lossSum, long correct, long samples) implements Serializable {
    EvaluationSum add(EvaluationSum other) {
        return new EvaluationSum(lossSum + other.lossSum, correct + other.correct, samples + other.samples);
    }
}
