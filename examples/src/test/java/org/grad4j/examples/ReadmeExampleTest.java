package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.autograd.GradMode;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The README's example, verbatim, must train. */
class ReadmeExampleTest {
    @Test
    void readmeExampleLearnsTheCircle() {
        Tensor x = Tensor.randn(0, 256, 2);
        Tensor y = x.square().sum(1).lt(1f);
        Tensor w1 = Tensor.randn(1, 2, 16).requiresGrad(true);
        Tensor b1 = Tensor.zeros(16).requiresGrad(true);
        Tensor w2 = Tensor.randn(2, 16, 2).mul(0.25f).requiresGrad(true);
        Tensor[] params = {w1, b1, w2};
        Tensor logits = null;
        for (int step = 0; step < 500; step++) {
            logits = x.matmul(w1).add(b1).tanh().matmul(w2);
            Tensor loss = logits.logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg();
            for (Tensor p : params) {
                p.setGrad(null);
            }
            loss.backward();
            try (var scope = GradMode.noGrad()) {
                for (Tensor p : params) {
                    p.sub_(p.grad().mul(0.5f));
                }
            }
        }
        float accuracy = logits.argmax(1).eq(y).mean().item();
        assertTrue(accuracy > 0.95f, "accuracy " + accuracy);
    }
}
