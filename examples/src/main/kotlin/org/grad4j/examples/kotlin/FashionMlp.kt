package org.grad4j.examples.kotlin

import kotlin.math.sqrt
import org.grad4j.kotlin.mm
import org.grad4j.kotlin.plus
import org.grad4j.kotlin.times
import org.grad4j.kotlin.unaryMinus
import org.grad4j.nn.Module
import org.grad4j.nn.Parameter
import org.grad4j.tensor.Generator
import org.grad4j.tensor.Tensor

/**
 * A fully connected layer written out with grad4j-kotlin's operators: `(x mm weight) + bias`, the
 * weight stored [in, out] so that the product needs no transpose. Both start uniform in
 * ±1/sqrt(in), as `torch.nn.Linear` (and grad4j's `Linear`) do.
 *
 * Shape: input [B, in]; output [B, out].
 */
class Dense(private val inFeatures: Int, private val outFeatures: Int, gen: Generator) : Module() {
    private val bound = (1.0 / sqrt(inFeatures.toDouble())).toFloat()
    val weight: Parameter =
        registerParameter(
            "weight",
            Parameter(Tensor.uniform(gen, -bound, bound, inFeatures, outFeatures)),
        )
    val bias: Parameter =
        registerParameter("bias", Parameter(Tensor.uniform(gen, -bound, bound, outFeatures)))

    override fun forward(input: Tensor): Tensor = (input mm weight) + bias

    override fun extraRepr(): String = "in_features=$inFeatures, out_features=$outFeatures"
}

/**
 * The Fashion-MNIST MLP of the `mlp` example, 784 → 400 → ReLU → 100 → ReLU → 10, as a Kotlin
 * module.
 *
 * Shape: input [B, 1, 28, 28] (or [B, 784]); output logits [B, 10].
 */
class FashionMlp(gen: Generator) : Module() {
    private val fc1 = registerModule("fc1", Dense(28 * 28, 400, gen))
    private val fc2 = registerModule("fc2", Dense(400, 100, gen))
    private val fc3 = registerModule("fc3", Dense(100, 10, gen))

    override fun forward(input: Tensor): Tensor {
        val x = input.reshape(input.size(0), 28 * 28)
        val hidden = fc2.forward(fc1.forward(x).relu()).relu()
        return fc3.forward(hidden)
    }
}

/**
 * Mean cross-entropy of logits [B, K] against class indices [B], written with the operators: −mean
 * over the batch of Σ_k onehot_k · log softmax_k.
 */
fun crossEntropy(logits: Tensor, labels: Tensor): Tensor {
    val oneHot = Tensor.eye(logits.size(1)).indexSelect(0, labels)
    return -(oneHot * logits.logSoftmax(1)).sum(1).mean()
}
