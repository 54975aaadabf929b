/**
 * Kotlin operators for [Tensor]: `a + b`, `a - b`, `a * b`, `a / b`, `-a`, and scalars of any
 * Kotlin number type on either side (`2 * a`, `0.5 * a`, `1f - a`, `a / 2`), taken as float32.
 * Every operator is the differentiable Tensor method of the same meaning.
 */
package org.grad4j.kotlin

import org.grad4j.tensor.Tensor

operator fun Tensor.plus(other: Tensor): Tensor = add(other)

operator fun Tensor.plus(value: Number): Tensor = add(value.toFloat())

operator fun Number.plus(tensor: Tensor): Tensor = tensor.add(toFloat())

operator fun Tensor.minus(other: Tensor): Tensor = sub(other)

operator fun Tensor.minus(value: Number): Tensor = sub(value.toFloat())

operator fun Number.minus(tensor: Tensor): Tensor = tensor.neg().add(toFloat())

operator fun Tensor.times(other: Tensor): Tensor = mul(other)

operator fun Tensor.times(value: Number): Tensor = mul(value.toFloat())

operator fun Number.times(tensor: Tensor): Tensor = tensor.mul(toFloat())

operator fun Tensor.div(value: Number): Tensor = div(value.toFloat())

operator fun Number.div(tensor: Tensor): Tensor = tensor.reciprocal().mul(toFloat())

operator fun Tensor.unaryMinus(): Tensor = neg()

/** Matrix product as an infix call: `x mm w`. */
infix fun Tensor.mm(other: Tensor): Tensor = matmul(other)
