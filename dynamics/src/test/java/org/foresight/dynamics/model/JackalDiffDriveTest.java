package org.foresight.dynamics.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JackalDiffDriveTest {
    /** Physics step used by the simulator [s]. */
    private static final double PHYSICS_DT = 0.005;
    /** Control / planning period [s]. */
    private static final double CONTROL_DT = 0.05;
    /** |analytic − finite difference| ≤ JACOBIAN_TOLERANCE·(1 + |fd|). */
    private static final double JACOBIAN_TOLERANCE = 1e-6;
    /** Round-off allowance for exact identities (mirror symmetry, limits) [SI]. */
    private static final double EPS = 1e-12;

    private static final int N = StateIndex.FULL_DIM;
    private final JackalParams defaults = JackalParams.defaults();

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void analyticJacobiansMatchFiniteDifferences(Integrator integrator) {
        JackalDiffDrive model = new JackalDiffDrive(defaults.withIntegrator(integrator));
        SplittableRandom rng = new SplittableRandom(42);
        double[] a = new double[N * N];
        double[] b = new double[N * 2];
        double[] fa = new double[N * N];
        double[] fb = new double[N * 2];
        for (int trial = 0; trial < 1000; trial++) {
            double dt = trial % 2 == 0 ? PHYSICS_DT : CONTROL_DT;
            double[] x = new double[N];
            double[] u = new double[2];
            x[StateIndex.X] = rng.nextDouble(-10, 10);
            x[StateIndex.Y] = rng.nextDouble(-10, 10);
            x[StateIndex.THETA] = rng.nextDouble(-Math.PI, Math.PI);
            sampleSmoothChannel(rng, defaults.maxV(), defaults.maxAccel(), defaults.tauV(), x, StateIndex.V, u,
                    ControlIndex.V);
            sampleSmoothChannel(rng, defaults.maxOmega(), defaults.maxAlpha(), defaults.tauOmega(), x,
                    StateIndex.OMEGA, u, ControlIndex.OMEGA);
            if (trial % 10 == 0) {
                x[StateIndex.OMEGA] = 0.0; // the |ω| in the yaw slip: C¹, so still differentiable
            }
            Arrays.fill(a, Double.NaN);
            Arrays.fill(b, Double.NaN);
            model.jacobians(x, u, dt, a, b);
            FiniteDifference.jacobians(model, x, u, dt, fa, fb);
            UnicycleTest.assertClose(fa, a, integrator + " A", trial);
            UnicycleTest.assertClose(fb, b, integrator + " B", trial);
        }
    }

    /**
     * Samples one actuator channel (state s, command c) away from its clamp kinks, so the step is smooth in
     * a neighbourhood and finite differences are a valid reference: either everything is inside its band
     * (|c| ≤ 0.95·limit, |lag acceleration| ≤ 0.5·accel limit; the lag only shrinks it within a step) or
     * the command and the acceleration are both saturated with a margin larger than any step's change
     * (|c| ≥ 1.05·limit, |lag acceleration| ≥ 1.7·accel limit). At the kinks themselves the Jacobian is
     * one-sided by design.
     */
    private static void sampleSmoothChannel(SplittableRandom rng, double limit, double accel, double tau,
                                            double[] x, int s, double[] u, int c) {
        boolean saturated = rng.nextBoolean();
        while (true) {
            double cmd;
            double state = rng.nextDouble(-1.1 * limit, 1.1 * limit);
            if (saturated) {
                cmd = (rng.nextBoolean() ? 1 : -1) * rng.nextDouble(1.05 * limit, 1.5 * limit);
            } else {
                cmd = rng.nextDouble(-0.95 * limit, 0.95 * limit);
            }
            double lag = Math.abs((Math.max(-limit, Math.min(limit, cmd)) - state) / tau);
            if (saturated ? lag >= 1.7 * accel : lag <= 0.5 * accel) {
                x[s] = state;
                u[c] = cmd;
                return;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void batchEqualsStepBitForBit(Integrator integrator) {
        JackalDiffDrive model = new JackalDiffDrive(defaults.withIntegrator(integrator));
        SplittableRandom rng = new SplittableRandom(7);
        int count = 61;
        double[] x = new double[N * count];
        double[] u = new double[2 * count];
        for (int k = 0; k < count; k++) {
            x[StateIndex.X * count + k] = rng.nextDouble(-10, 10);
            x[StateIndex.Y * count + k] = rng.nextDouble(-10, 10);
            x[StateIndex.THETA * count + k] = rng.nextDouble(-Math.PI, Math.PI);
            x[StateIndex.V * count + k] = rng.nextDouble(-2.2, 2.2);
            x[StateIndex.OMEGA * count + k] = rng.nextDouble(-4.4, 4.4);
            u[ControlIndex.V * count + k] = rng.nextDouble(-3, 3);
            u[ControlIndex.OMEGA * count + k] = rng.nextDouble(-5, 5);
        }
        double[] batch = UnicycleTest.nan(N * count);
        model.stepBatch(x, u, count, CONTROL_DT, batch);
        double[] xs = new double[N];
        double[] us = new double[2];
        double[] next = new double[N];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < N; i++) {
                xs[i] = x[i * count + k];
            }
            us[0] = u[k];
            us[1] = u[count + k];
            model.step(xs, us, CONTROL_DT, next);
            for (int i = 0; i < N; i++) {
                assertEquals(Double.doubleToRawLongBits(next[i]), Double.doubleToRawLongBits(batch[i * count + k]),
                        "sample " + k + " state " + i);
            }
        }
    }

    @Test
    void stepResponseReaches63PercentAfterOneTimeConstant() {
        JackalDiffDrive model = new JackalDiffDrive(defaults);
        double[] x = new double[N];
        double[] next = new double[N];
        double[] cmd = {1.0, 1.0}; // small enough that neither acceleration limit is reached
        int stepsV = (int) Math.round(defaults.tauV() / PHYSICS_DT);
        int stepsW = (int) Math.round(defaults.tauOmega() / PHYSICS_DT);
        double vAtTau = Double.NaN;
        double wAtTau = Double.NaN;
        for (int i = 1; i <= Math.max(stepsV, stepsW); i++) {
            model.step(x, cmd, PHYSICS_DT, next);
            System.arraycopy(next, 0, x, 0, N);
            if (i == stepsV) {
                vAtTau = x[StateIndex.V];
            }
            if (i == stepsW) {
                wAtTau = x[StateIndex.OMEGA];
            }
        }
        double expected = 1.0 - Math.exp(-1.0);
        assertEquals(expected, vAtTau, 1e-6, "v after τ_v");
        assertEquals(expected, wAtTau, 1e-6, "ω after τ_ω");
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void neverExceedsVelocityOrAccelerationLimits(Integrator integrator) {
        JackalDiffDrive model = new JackalDiffDrive(defaults.withIntegrator(integrator));
        SplittableRandom rng = new SplittableRandom(3);
        for (double dt : new double[] {PHYSICS_DT, CONTROL_DT}) {
            double[] x = new double[N];
            double[] next = new double[N];
            double[] cmd = new double[2];
            for (int i = 0; i < 4000; i++) {
                if (i % 20 == 0) { // a new random command (often beyond the limits) every 20 steps
                    cmd[0] = rng.nextDouble(-3 * defaults.maxV(), 3 * defaults.maxV());
                    cmd[1] = rng.nextDouble(-3 * defaults.maxOmega(), 3 * defaults.maxOmega());
                }
                model.step(x, cmd, dt, next);
                double dv = next[StateIndex.V] - x[StateIndex.V];
                double dw = next[StateIndex.OMEGA] - x[StateIndex.OMEGA];
                String at = integrator + " dt=" + dt + " step " + i;
                assertTrue(Math.abs(next[StateIndex.V]) <= defaults.maxV() + EPS, at + " |v|=" + next[StateIndex.V]);
                assertTrue(Math.abs(next[StateIndex.OMEGA]) <= defaults.maxOmega() + EPS, at + " |ω|");
                assertTrue(Math.abs(dv) <= defaults.maxAccel() * dt + EPS, at + " |Δv|/dt=" + dv / dt);
                assertTrue(Math.abs(dw) <= defaults.maxAlpha() * dt + EPS, at + " |Δω|/dt=" + dw / dt);
                System.arraycopy(next, 0, x, 0, N);
            }
        }
    }

    @Test
    void slipReducesTurning() {
        double[] cmd = {1.0, 2.0};
        double withSlip = headingChange(new JackalDiffDrive(defaults), cmd, 2.0);
        double noSlip = headingChange(new JackalDiffDrive(defaults.withoutSlip()), cmd, 2.0);
        assertTrue(withSlip < noSlip, "slip " + withSlip + " vs no slip " + noSlip);
        // in steady state the body turns at ω·(1 − yawSlip·|ω|/maxOmega) = 2·(1 − 0.15·0.5) = 1.85 rad/s
        JackalDiffDrive model = new JackalDiffDrive(defaults);
        double[] x = {0, 0, 0, 1.0, 2.0};
        double[] next = new double[N];
        model.step(x, cmd, PHYSICS_DT, next);
        assertEquals(1.85 * PHYSICS_DT, next[StateIndex.THETA], 1e-12);
    }

    @Test
    void lateralSlipDriftsOutwardOfTheTurn() {
        // steady left turn: compare the turning radius against the no-lateral-slip robot
        double[] cmd = {1.5, 2.0};
        JackalDiffDrive drift = new JackalDiffDrive(defaults.withYawSlip(0).withLongSlip(0));
        JackalDiffDrive none = new JackalDiffDrive(defaults.withoutSlip());
        double[] x = {0, 0, 0, 1.5, 2.0};
        double[] a = new double[N];
        double[] b = new double[N];
        drift.step(x, cmd, CONTROL_DT, a);
        none.step(x, cmd, CONTROL_DT, b);
        assertTrue(a[StateIndex.Y] < b[StateIndex.Y], "turning left, drift pushes toward −y (outward)");
    }

    private static double headingChange(JackalDiffDrive model, double[] cmd, double seconds) {
        double[] x = new double[N];
        double[] next = new double[N];
        double total = 0;
        for (int i = 0; i < Math.round(seconds / PHYSICS_DT); i++) {
            model.step(x, cmd, PHYSICS_DT, next);
            total += Angles.wrap(next[StateIndex.THETA] - x[StateIndex.THETA]);
            System.arraycopy(next, 0, x, 0, N);
        }
        return total;
    }

    @Test
    void mirrorSymmetry() {
        JackalDiffDrive model = new JackalDiffDrive(defaults);
        SplittableRandom rng = new SplittableRandom(19);
        double[] x = {1.0, 0.5, 0.3, 0.4, -1.0};
        double[] m = {x[0], -x[1], -x[2], x[3], -x[4]};
        double[] xn = new double[N];
        double[] mn = new double[N];
        double[] cmd = new double[2];
        double[] mcmd = new double[2];
        for (int i = 0; i < 2000; i++) {
            if (i % 10 == 0) {
                cmd[0] = rng.nextDouble(-3, 3);
                cmd[1] = rng.nextDouble(-5, 5);
                mcmd[0] = cmd[0];
                mcmd[1] = -cmd[1];
            }
            model.step(x, cmd, PHYSICS_DT, xn);
            model.step(m, mcmd, PHYSICS_DT, mn);
            int step = i;
            double[] xs = xn;
            double[] ms = mn;
            assertAll("step " + step,
                    () -> assertEquals(xs[StateIndex.X], ms[StateIndex.X], 1e-9),
                    () -> assertEquals(xs[StateIndex.Y], -ms[StateIndex.Y], 1e-9),
                    () -> assertEquals(0.0, Angles.wrap(xs[StateIndex.THETA] + ms[StateIndex.THETA]), 1e-9),
                    () -> assertEquals(xs[StateIndex.V], ms[StateIndex.V], EPS),
                    () -> assertEquals(xs[StateIndex.OMEGA], -ms[StateIndex.OMEGA], EPS));
            System.arraycopy(xn, 0, x, 0, N);
            System.arraycopy(mn, 0, m, 0, N);
        }
    }

    @Test
    void controlPeriodStepAgreesWithTenPhysicsSteps() {
        JackalDiffDrive model = new JackalDiffDrive(defaults);
        double[] start = {0, 0, 0.2, 0.5, 0.3};
        double[] cmd = {1.2, -0.8};
        double[] coarse = new double[N];
        model.step(start, cmd, CONTROL_DT, coarse);
        double[] x = start.clone();
        double[] next = new double[N];
        for (int i = 0; i < 10; i++) {
            model.step(x, cmd, PHYSICS_DT, next);
            System.arraycopy(next, 0, x, 0, N);
        }
        // RK4 amplification R(z) vs e^z at z = −dt/τ (−0.5 for v, −0.625 for ω): error ≈ |z|⁵/120 of the
        // gap |cmd − start|: 7.2e-4 of it for ω, 2.4e-4 for v; the pose integrates those velocities over 50 ms
        double gapV = Math.abs(cmd[ControlIndex.V] - start[StateIndex.V]);
        double gapW = Math.abs(cmd[ControlIndex.OMEGA] - start[StateIndex.OMEGA]);
        assertEquals(x[StateIndex.V], coarse[StateIndex.V], 1e-3 * gapV);
        assertEquals(x[StateIndex.OMEGA], coarse[StateIndex.OMEGA], 1e-3 * gapW);
        // the pose integrates the velocity error: measured 1.4e-5 m and 6.3e-5 rad here; allow about 3×
        assertEquals(x[StateIndex.X], coarse[StateIndex.X], 5e-5);
        assertEquals(x[StateIndex.Y], coarse[StateIndex.Y], 5e-5);
        assertEquals(x[StateIndex.THETA], coarse[StateIndex.THETA], 2e-4);
    }

    @Test
    void zeroNoiseIsDeterministicWhateverTheSeed() {
        JackalDiffDrive model = new JackalDiffDrive(defaults.withoutNoise());
        double[] a = simulate(model, 1L);
        double[] b = simulate(model, 2L);
        double[] clean = simulate(model, null);
        assertArrayEquals(clean, a, 0.0);
        assertArrayEquals(clean, b, 0.0);
    }

    @Test
    void noiseWithSameSeedIsIdenticalAndDifferentSeedsDiffer() {
        JackalDiffDrive model = new JackalDiffDrive(defaults);
        double[] a = simulate(model, 99L);
        double[] b = simulate(model, 99L);
        double[] c = simulate(model, 100L);
        assertArrayEquals(a, b, 0.0);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void noiseHasTheConfiguredVariancePerSecond() {
        JackalDiffDrive model = new JackalDiffDrive(defaults.withNoiseV(0.2).withNoiseOmega(0.4));
        SplittableRandom rng = new SplittableRandom(8);
        int samples = 20000;
        double sumV = 0;
        double sumW = 0;
        double[] x = new double[N];
        for (int i = 0; i < samples; i++) {
            Arrays.fill(x, 0.0);
            model.applyProcessNoise(x, PHYSICS_DT, rng);
            sumV += x[StateIndex.V] * x[StateIndex.V];
            sumW += x[StateIndex.OMEGA] * x[StateIndex.OMEGA];
            assertEquals(0.0, x[StateIndex.X]);
        }
        // E[Δv²] = σ²·dt; 20000 samples ⇒ relative standard error √(2/20000) = 1 %, allow 5 σ
        assertEquals(0.04 * PHYSICS_DT, sumV / samples, 0.05 * 0.04 * PHYSICS_DT);
        assertEquals(0.16 * PHYSICS_DT, sumW / samples, 0.05 * 0.16 * PHYSICS_DT);
    }

    /** 2 s of 50 ms control periods, 10 physics steps each with process noise; returns the final state. */
    private static double[] simulate(JackalDiffDrive model, Long seed) {
        SplittableRandom rng = seed == null ? null : new SplittableRandom(seed);
        SplittableRandom commands = new SplittableRandom(1234);
        double[] x = {0, 0, 0, 0, 0};
        double[] next = new double[N];
        double[] cmd = new double[2];
        for (int period = 0; period < 40; period++) {
            cmd[0] = commands.nextDouble(-2, 2);
            cmd[1] = commands.nextDouble(-4, 4);
            for (int i = 0; i < 10; i++) {
                model.step(x, cmd, PHYSICS_DT, next);
                System.arraycopy(next, 0, x, 0, N);
                if (rng != null) {
                    model.applyProcessNoise(x, PHYSICS_DT, rng);
                }
            }
        }
        return x;
    }

    @Test
    void badParamsNameTheField() {
        JackalParams p = defaults;
        assertNamed("tauV", q -> q.withTauV(-0.1));
        assertNamed("tauOmega", q -> q.withTauOmega(0.0));
        assertNamed("maxV", q -> q.withMaxV(Double.NaN));
        assertNamed("maxOmega", q -> q.withMaxOmega(-4));
        assertNamed("maxAccel", q -> q.withMaxAccel(0));
        assertNamed("maxAlpha", q -> q.withMaxAlpha(Double.POSITIVE_INFINITY));
        assertNamed("yawSlip", q -> q.withYawSlip(0.6));
        assertNamed("longSlip", q -> q.withLongSlip(1.0));
        assertNamed("lateralSlip", q -> q.withLateralSlip(-0.01));
        assertNamed("noiseV", q -> q.withNoiseV(-1));
        assertNamed("noiseOmega", q -> q.withNoiseOmega(Double.NaN));
        assertNamed("integrator", q -> q.withIntegrator(null));
        assertThrows(IllegalArgumentException.class, () -> new JackalDiffDrive(null));
        assertEquals(p, JackalParams.defaults(), "with... returns copies; the original is unchanged");
    }

    private void assertNamed(String field, Function<JackalParams, JackalParams> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(defaults));
        assertTrue(e.getMessage().contains("JackalParams." + field + " "), e.getMessage());
    }

    @Test
    void stepBatchIsThreadSafe() throws InterruptedException {
        JackalDiffDrive model = new JackalDiffDrive(defaults);
        int count = 400;
        SplittableRandom rng = new SplittableRandom(77);
        double[] x = new double[N * count];
        double[] u = new double[2 * count];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-2, 2);
        }
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextDouble(-4, 4);
        }
        double[] serial = new double[N * count];
        model.stepBatch(x, u, count, CONTROL_DT, serial);
        double[][] parallel = new double[4][N * count];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < 4; t++) {
            double[] out = parallel[t];
            threads[t] = new Thread(() -> {
                for (int r = 0; r < 50; r++) {
                    model.stepBatch(x, u, count, CONTROL_DT, out);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (double[] out : parallel) {
            assertArrayEquals(serial, out, 0.0);
        }
    }
}
