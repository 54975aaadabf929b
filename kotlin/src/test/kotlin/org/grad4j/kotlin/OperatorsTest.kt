package org.grad4j.kotlin

import org.grad4j.tensor.Tensor
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Test

class OperatorsTest {
    private val a = Tensor.of(floatArrayOf(1f, 2f, 4f), 3)
    private val b = Tensor.of(floatArrayOf(2f, 2f, 8f), 3)

    @Test
    fun `tensor with tensor`() {
        assertArrayEquals(floatArrayOf(3f, 4f, 12f), (a + b).toArray())
        assertArrayEquals(floatArrayOf(-1f, 0f, -4f), (a - b).toArray())
        assertArrayEquals(floatArrayOf(2f, 4f, 32f), (a * b).toArray())
        assertArrayEquals(floatArrayOf(0.5f, 1f, 0.5f), (a / b).toArray())
        assertArrayEquals(floatArrayOf(-1f, -2f, -4f), (-a).toArray())
    }

    @Test
    fun `scalars on either side`() {
        assertArrayEquals(floatArrayOf(3f, 4f, 6f), (a + 2f).toArray())
        assertArrayEquals(floatArrayOf(3f, 4f, 6f), (2f + a).toArray())
        assertArrayEquals(floatArrayOf(0f, 1f, 3f), (a - 1f).toArray())
        assertArrayEquals(floatArrayOf(0f, -1f, -3f), (1f - a).toArray())
        assertArrayEquals(floatArrayOf(3f, 6f, 12f), (a * 3f).toArray())
        assertArrayEquals(floatArrayOf(3f, 6f, 12f), (3f * a).toArray())
        assertArrayEquals(floatArrayOf(4f, 2f, 1f), (4f / a).toArray())
    }

    @Test
    fun `int, long and double scalars as Kotlin writes them`() {
        assertArrayEquals(floatArrayOf(2f, 4f, 8f), (2 * a).toArray())
        assertArrayEquals(floatArrayOf(0.5f, 1f, 2f), (0.5 * a).toArray())
        assertArrayEquals(floatArrayOf(2f, 3f, 5f), (a + 1).toArray())
        assertArrayEquals(floatArrayOf(0f, -1f, -3f), (1.0 - a).toArray())
        assertArrayEquals(floatArrayOf(0.5f, 1f, 2f), (a / 2).toArray())
        assertArrayEquals(floatArrayOf(3f, 6f, 12f), (3L * a).toArray())
        assertArrayEquals(floatArrayOf(4f, 2f, 1f), (4 / a).toArray())
        assertArrayEquals(floatArrayOf(-1f, 0f, 2f), (a - 2.0).toArray())
    }

    @Test
    fun `operators are differentiable`() {
        val x = Tensor.of(floatArrayOf(2f), 1).requiresGrad(true)
        val y = (x + 2f) * (3f * x + 4f) - x / Tensor.scalar(2f)
        y.sum().backward()
        // d/dx [(x + 2)(3x + 4) - x / 2] = 6x + 10 - 0.5 = 21.5 at x = 2
        assertArrayEquals(floatArrayOf(21.5f), x.grad().toArray())
    }

    @Test
    fun `infix matrix product`() {
        val m = Tensor.of(floatArrayOf(1f, 2f, 3f, 4f), 2, 2)
        assertArrayEquals(floatArrayOf(7f, 10f, 15f, 22f), (m mm m).toArray())
    }
}
