package org.grad4j.benchmarks;

import org.grad4j.nn.GRU;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.tensor.Tensor;

/** The rnn example's network: a GRU reads an image [B, 1, 28, 28] row by row; a linear layer on its last state. */
final class RowReader extends Module {
    private final GRU gru = registerModule("gru", new GRU(28, 64, 1, true, true, 0, false));
    private final Linear head = registerModule("head", new Linear(64, 10));

    @Override
    public Tensor forward(Tensor images) {
        return head.forward(gru.forward(images.reshape(-1, 28, 28), null).h().select(0, 0));
    }
}
