package org.grad4j.examples.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.grad4j.tensor.Generator;
import org.junit.jupiter.api.Test;

class CartPoleTest {
    @Test
    void oneStepFollowsTheClassicEquations() {
        CartPole env = new CartPole(new Generator(0));
        float[] s = env.reset();
        double x = s[0], xDot = s[1], theta = s[2], thetaDot = s[3];
        double sin = Math.sin(theta), cos = Math.cos(theta);
        double temp = (10 + 0.05 * thetaDot * thetaDot * sin) / 1.1;
        double thetaAcc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3 - 0.1 * cos * cos / 1.1));
        double xAcc = temp - 0.05 * thetaAcc * cos / 1.1;
        float[] next = env.step(1);
        assertArrayEquals(
                new float[] {
                    (float) (x + 0.02 * xDot),
                    (float) (xDot + 0.02 * xAcc),
                    (float) (theta + 0.02 * thetaDot),
                    (float) (thetaDot + 0.02 * thetaAcc)
                },
                next,
                1e-6f);
    }

    @Test
    void alwaysPushingOneWayFailsQuickly() {
        CartPole env = new CartPole(new Generator(1));
        env.reset();
        while (!env.done()) {
            env.step(1);
        }
        assertTrue(env.failed());
        assertTrue(env.steps() < 30, "steps " + env.steps());
        assertThrows(IllegalStateException.class, () -> env.step(0));
    }

    @Test
    void randomPolicyLastsAboutTwentyStepsOnAverage() {
        CartPole env = new CartPole(new Generator(2));
        Generator policy = new Generator(3);
        int total = 0;
        for (int episode = 0; episode < 200; episode++) {
            env.reset();
            while (!env.done()) {
                env.step(policy.nextInt(2));
            }
            total += env.steps();
        }
        double mean = total / 200.0;
        assertTrue(mean > 15 && mean < 30, "mean episode length " + mean);
        assertThrows(IllegalArgumentException.class, () -> {
            env.reset();
            env.step(2);
        });
        assertEquals(500, CartPole.MAX_STEPS);
    }
}
