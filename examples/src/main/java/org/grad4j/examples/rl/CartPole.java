package org.grad4j.examples.rl;

import org.grad4j.tensor.Generator;

/**
 * The classic cart-pole balancing task (Barto, Sutton and Anderson, 1983), with the equations and
 * constants of OpenAI Gym's CartPole-v1: a pole hinged on a cart; push the cart left or right
 * (force ±10 N) to keep the pole within 12° of upright and the cart within 2.4 m of the centre.
 * Reward 1 per step; an episode ends on failure or after {@value #MAX_STEPS} steps.
 */
public final class CartPole {
    public static final int MAX_STEPS = 500;
    static final double GRAVITY = 9.8;
    static final double CART_MASS = 1.0;
    static final double POLE_MASS = 0.1;
    static final double TOTAL_MASS = CART_MASS + POLE_MASS;
    static final double HALF_LENGTH = 0.5;
    static final double POLE_MOMENT = POLE_MASS * HALF_LENGTH;
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double THETA_LIMIT = 12 * 2 * Math.PI / 360;
    static final double X_LIMIT = 2.4;

    private final Generator gen;
    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;
    private int steps;
    private boolean done = true;

    public CartPole(Generator gen) {
        this.gen = gen;
    }

    /** Starts an episode from a small random state; returns the observation [x, ẋ, θ, θ̇]. */
    public float[] reset() {
        x = uniform();
        xDot = uniform();
        theta = uniform();
        thetaDot = uniform();
        steps = 0;
        done = false;
        return observation();
    }

    private double uniform() {
        return gen.nextDouble() * 0.1 - 0.05;
    }

    /** Applies action 0 (push left) or 1 (push right) for one 20 ms step (semi-implicit Euler, as Gym). */
    public float[] step(int action) {
        if (done) {
            throw new IllegalStateException("CartPole: the episode is over; call reset()");
        }
        if (action != 0 && action != 1) {
            throw new IllegalArgumentException("CartPole: action must be 0 or 1, got " + action);
        }
        double force = action == 1 ? FORCE : -FORCE;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MOMENT * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc =
                (GRAVITY * sin - cos * temp) / (HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MOMENT * thetaAcc * cos / TOTAL_MASS;
        x += TAU * xDot;
        xDot += TAU * xAcc;
        theta += TAU * thetaDot;
        thetaDot += TAU * thetaAcc;
        steps++;
        done = Math.abs(x) > X_LIMIT || Math.abs(theta) > THETA_LIMIT || steps >= MAX_STEPS;
        return observation();
    }

    /** Whether the last step ended the episode. */
    public boolean done() {
        return done;
    }

    /** Whether the episode ended by failure (not by reaching the step limit). */
    public boolean failed() {
        return done && steps < MAX_STEPS;
    }

    public int steps() {
        return steps;
    }

    private float[] observation() {
        return new float[] {(float) x, (float) xDot, (float) theta, (float) thetaDot};
    }
}
