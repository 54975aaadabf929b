/**
 * Kotlin operators for [Tensor]: `a + b`, `a - b`, `a * b`, `-a`, and scalars on either side (`2f *
 * a`, `1f - a`). Division needs nothing here: `a / b` already calls [Tensor.div]. Every operator is
 * the differentiable Tensor method of the same meaning.
 */
package org.grad4j.kotlin

import org.grad4j.tensor.Tensor

operator fun Tensor.plus(other: Tensor): Tensor = add(other)

operator fun Tensor.plus(value: Float): Tensor = add(value)

operator fun Float.plus(tensor: Tensor): Tensor = tensor.add(this)

operator fun Tensor.minus(other: Tensor): Tensor = sub(other)

operator fun Tensor.minus(value: Float): Tensor = sub(value)

operator fun Float.minus(tensor: Tensor): Tensor = tensor.neg().add(this)

operator fun Tensor.times(other: Tensor): Tensor = mul(other)

operator fun Tensor.times(value: Float): Tensor = mul(value)

operator fun Float.times(tensor: Tensor): Tensor = tensor.mul(this)

operator fun Float.div(tensor: Tensor): Tensor = tensor.reciprocal().mul(this)

operator fun Tensor.unaryMinus(): Tensor = neg()

/** Matrix product as an infix call: `x mm w`. */
infix fun Tensor.mm(other: Tensor): Tensor = matmul(other)
