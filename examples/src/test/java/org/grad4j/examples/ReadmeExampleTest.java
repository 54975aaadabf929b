package org.grad4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.autograd.GradMode;
import org.grad4j.data.Batch;
import org.grad4j.data.DataLoader;
import org.grad4j.data.DatasetOptions;
import org.grad4j.data.FashionMNIST;
import org.grad4j.nn.Flatten;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The README's examples, verbatim, must train. */
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

    @Test
    void readmeTrainingLoopRuns() {
        Module model = new Sequential(
                new Flatten(), new Linear(784, 400), new ReLU(), new Linear(400, 100), new ReLU(), new Linear(100, 10));
        Optimizer optimizer = new Adam(model.parameters(), 1e-3);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        DatasetOptions subset =
                new DatasetOptions().root(FashionData.extractSubset()).download(false);
        float first = Float.NaN;
        float last = Float.NaN;
        for (Batch batch : new DataLoader(new FashionMNIST(subset), 128, true, new Generator(0))) {
            Tensor loss = criterion.forward(model.forward(batch.input()), batch.target());
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
            first = Float.isNaN(first) ? loss.item() : first;
            last = loss.item();
        }
        assertTrue(last < first * 0.5f, "loss " + first + " -> " + last);
    }
}
