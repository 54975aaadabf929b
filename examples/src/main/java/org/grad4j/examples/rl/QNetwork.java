package org.grad4j.examples.rl;

import org.grad4j.autograd.GradMode;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.tensor.Scope;
import org.grad4j.tensor.Tensor;

/**
 * The action-value function Q(s, ·) of DQN as an MLP: state → hidden → ReLU → hidden → ReLU →
 * one value per action.
 *
 * <p>Shape: input [B, stateSize]; output [B, actions].
 */
public final class QNetwork extends Module {
    private final Sequential layers;
    private final int stateSize;

    public QNetwork(int stateSize, int hidden, int actions) {
        this.stateSize = stateSize;
        this.layers = registerModule(
                "layers",
                new Sequential(
                        new Linear(stateSize, hidden),
                        new ReLU(),
                        new Linear(hidden, hidden),
                        new ReLU(),
                        new Linear(hidden, actions)));
    }

    @Override
    public Tensor forward(Tensor states) {
        return layers.forward(states);
    }

    /** The action of highest value in one state (no graph recorded). */
    public int greedyAction(float[] state) {
        try (Scope ignored = GradMode.noGrad()) {
            return (int) forward(Tensor.of(state, 1, stateSize)).argmax(1).item();
        }
    }

    /** Makes this network a copy of {@code other} (the target network's sync). */
    public void copyFrom(QNetwork other) {
        loadStateDict(other.stateDict());
    }
}
