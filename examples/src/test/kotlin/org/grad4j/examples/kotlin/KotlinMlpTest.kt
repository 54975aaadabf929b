package org.grad4j.examples.kotlin

import org.grad4j.data.FashionMNIST
import org.grad4j.examples.FashionData
import org.grad4j.nn.loss.CrossEntropyLoss
import org.grad4j.optim.Adam
import org.grad4j.tensor.Generator
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class KotlinMlpTest {
    private val train = FashionMNIST(FashionData.extractSubset(), true)
    private val images = train.images().narrow(0, 0, 512)
    private val labels = train.labels().narrow(0, 0, 512)

    @Test
    fun `the loss written with operators is the cross-entropy`() {
        val logits = FashionMlp(Generator(1)).forward(images)
        assertEquals(
            CrossEntropyLoss().forward(logits, labels).item(),
            crossEntropy(logits, labels).item(),
            1e-5f,
        )
    }

    @Test
    fun `twenty steps on real images make the loss fall`() {
        val model = FashionMlp(Generator(0))
        val optimizer = Adam(model.parameters(), 1e-3)
        val losses =
            (0 until 20).map { step ->
                val batch = (step % 4) * 128
                trainStep(
                    model,
                    optimizer,
                    images.narrow(0, batch, 128),
                    labels.narrow(0, batch, 128),
                )
            }
        assertTrue(
            losses.first() > 2.0f && losses.first() < 2.6f,
            "first loss ${losses.first()}, about ln 10",
        )
        val lastPass = losses.takeLast(4).average()
        assertTrue(lastPass < 0.5 * losses.first(), "losses $losses")
    }
}
