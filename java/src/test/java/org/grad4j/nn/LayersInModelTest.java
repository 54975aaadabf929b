package org.grad4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.grad4j.tensor.Generator;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The layers together in a small CNN: names, the printed tree, a training step and a state round trip. */
class LayersInModelTest {
    private static Sequential cnn(long seed) {
        Generator gen = new Generator(seed);
        return new Sequential(
                new Conv2d(1, 4, 3, 1, 1, 1, 1, true, gen),
                new BatchNorm2d(4),
                new ReLU(),
                new MaxPool2d(2),
                new Dropout(0.25, gen),
                new Flatten(),
                new Linear(4 * 3 * 3, 5, true, gen),
                new LogSoftmax(1));
    }

    @Test
    void namesAndTreeFollowPyTorch() {
        Sequential net = cnn(1);
        assertEquals(
                List.of(
                        "0.weight",
                        "0.bias",
                        "1.weight",
                        "1.bias",
                        "1.running_mean",
                        "1.running_var",
                        "1.num_batches_tracked",
                        "6.weight",
                        "6.bias"),
                List.copyOf(net.stateDict().keySet()));
        assertEquals(
                List.of("0.weight", "0.bias", "1.weight", "1.bias", "6.weight", "6.bias"),
                List.copyOf(net.namedParameters().keySet()));
        assertEquals(
                "Sequential(\n"
                        + "  (0): Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n"
                        + "  (1): BatchNorm2d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n"
                        + "  (2): ReLU()\n"
                        + "  (3): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\n"
                        + "  (4): Dropout(p=0.25, inplace=False)\n"
                        + "  (5): Flatten(start_dim=1, end_dim=-1)\n"
                        + "  (6): Linear(in_features=36, out_features=5, bias=True)\n"
                        + "  (7): LogSoftmax(dim=1)\n"
                        + ")",
                net.toString());
    }

    @Test
    void aTrainingStepReachesEveryParameterAndEvalIsDeterministic() {
        Sequential net = cnn(2);
        Tensor x = Tensor.randn(new Generator(3), 6, 1, 6, 6);
        Tensor out = net.forward(x);
        assertArrayEquals(new int[] {6, 5}, out.shape());
        out.sum().backward();
        for (Parameter p : net.parameters()) {
            assertNotNull(p.grad());
        }
        net.eval();
        assertArrayEquals(net.forward(x).toArray(), net.forward(x).toArray());
        Sequential copy = cnn(9);
        copy.loadStateDict(net.stateDict());
        copy.eval();
        assertArrayEquals(net.forward(x).toArray(), copy.forward(x).toArray());
        assertEquals(1f, ((BatchNorm2d) copy.get(1)).numBatchesTracked.item());
    }
}
