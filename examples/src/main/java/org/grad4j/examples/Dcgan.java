package org.grad4j.examples;

import org.grad4j.nn.BatchNorm;
import org.grad4j.nn.BatchNorm1d;
import org.grad4j.nn.BatchNorm2d;
import org.grad4j.nn.Conv2d;
import org.grad4j.nn.ConvTranspose2d;
import org.grad4j.nn.Flatten;
import org.grad4j.nn.Init;
import org.grad4j.nn.LeakyReLU;
import org.grad4j.nn.Linear;
import org.grad4j.nn.Module;
import org.grad4j.nn.ReLU;
import org.grad4j.nn.Sequential;
import org.grad4j.nn.Tanh;
import org.grad4j.nn.Unflatten;
import org.grad4j.tensor.Generator;

/**
 * The two networks of a DCGAN (Radford, Metz and Chintala, 2015) sized for 28×28 grey images:
 * transposed convolutions with batch norm and ReLU up from a latent vector, strided convolutions
 * with LeakyReLU(0.2) down to one logit, no pooling, weights drawn from N(0, 0.02) as in the
 * paper. {@code width} is the channel count next to the 7×7 layer (the paper's DCGAN has more
 * layers and 1024 there; 64 is enough for Fashion-MNIST).
 */
public final class Dcgan {
    private Dcgan() {}

    /**
     * latent → Linear → BN → ReLU → [width, 7, 7] → ConvT 4×4 stride 2 → [width/2, 14, 14] → BN →
     * ReLU → ConvT 4×4 stride 2 → [1, 28, 28] → Tanh.
     *
     * <p>Shape: input [B, latent]; output [B, 1, 28, 28] in (−1, 1).
     */
    public static Module generator(int latent, int width, Generator gen) {
        Module g = new Sequential(
                new Linear(latent, width * 7 * 7),
                new BatchNorm1d(width * 7 * 7),
                new ReLU(),
                new Unflatten(1, width, 7, 7),
                new ConvTranspose2d(width, width / 2, 4, 2, 1),
                new BatchNorm2d(width / 2),
                new ReLU(),
                new ConvTranspose2d(width / 2, 1, 4, 2, 1),
                new Tanh());
        return initialize(g, gen);
    }

    /**
     * [1, 28, 28] → Conv 4×4 stride 2 → [width/2, 14, 14] → LeakyReLU → Conv 4×4 stride 2 →
     * [width, 7, 7] → BN → LeakyReLU → Linear → one logit (real vs generated).
     *
     * <p>Shape: input [B, 1, 28, 28] in [−1, 1]; output [B, 1].
     */
    public static Module discriminator(int width, Generator gen) {
        Module d = new Sequential(
                new Conv2d(1, width / 2, 4, 2, 1),
                new LeakyReLU(0.2),
                new Conv2d(width / 2, width, 4, 2, 1),
                new BatchNorm2d(width),
                new LeakyReLU(0.2),
                new Flatten(),
                new Linear(width * 7 * 7, 1));
        return initialize(d, gen);
    }

    /** The paper's initialization: conv and linear weights N(0, 0.02), batch-norm scales N(1, 0.02), biases 0. */
    private static Module initialize(Module model, Generator gen) {
        for (Module m : model.modules()) {
            if (m instanceof Conv2d c) {
                Init.normal_(c.weight, 0, 0.02, gen);
                Init.zeros_(c.bias);
            } else if (m instanceof ConvTranspose2d c) {
                Init.normal_(c.weight, 0, 0.02, gen);
                Init.zeros_(c.bias);
            } else if (m instanceof Linear l) {
                Init.normal_(l.weight, 0, 0.02, gen);
                Init.zeros_(l.bias);
            } else if (m instanceof BatchNorm b) {
                Init.normal_(b.weight, 1, 0.02, gen);
                Init.zeros_(b.bias);
            }
        }
        return model;
    }
}
