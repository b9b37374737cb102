package org.foresight.examples.custom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.ProcessNoise;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user classes in {@code examples/user-classes/my/} are not part of the build: users compile them
 * against the CLI jar. This test compiles them the same way (with the JDK's compiler, against the test
 * classpath), loads them in their own class loader, and checks the physical properties they promise.
 * Skipped when the JVM has no system compiler (a JRE).
 */
class UserClassesTest {
    /** Tolerance for results that are equal up to rounding. */
    private static final double ROUNDING = 1e-12;
    /** Agreement of one 50 ms step with ten 5 ms steps, which run the same substeps. */
    private static final double SUBSTEP_AGREEMENT = 1e-9;
    /** The simulator's physics step [s]. */
    private static final double PHYSICS_DT = 0.005;
    /** The planner's step [s]. */
    private static final double PLAN_DT = 0.05;

    @TempDir
    static Path classesDir;

    private static URLClassLoader loader;
    private static Class<?> wheelClass;
    private static Class<?> slowClass;

    @BeforeAll
    static void compileUserClasses() throws Exception {
        Assumptions.assumeTrue(UserClassCompiler.available(), "no system Java compiler (running on a JRE)");
        UserClassCompiler.compile(classesDir);
        loader = new URLClassLoader(new URL[] {classesDir.toUri().toURL()},
                UserClassesTest.class.getClassLoader());
        wheelClass = Class.forName("my.WheelDrivePlant", true, loader);
        slowClass = Class.forName("my.SlowModel", true, loader);
    }

    @AfterAll
    static void closeLoader() throws Exception {
        if (loader != null) {
            loader.close();
        }
    }

    private static DynamicsModel wheel() throws Exception {
        return (DynamicsModel) wheelClass.getConstructor().newInstance();
    }

    private static DynamicsModel slow() throws Exception {
        return (DynamicsModel) slowClass.getConstructor().newInstance();
    }

    private static double wheelConstant(String name) throws Exception {
        return wheelClass.getField(name).getDouble(null);
    }

    /** Runs {@code steps} steps of dt under a constant command, in place. */
    private static void drive(DynamicsModel m, double[] x, double[] u, double dt, int steps) {
        double[] next = new double[x.length];
        for (int i = 0; i < steps; i++) {
            m.step(x, u, dt, next);
            System.arraycopy(next, 0, x, 0, x.length);
        }
    }

    // ---------------------------------------------------------------- WheelDrivePlant

    @Test
    void wheelPlantAtRestWithZeroCommandStaysExactlyAtRest() throws Exception {
        DynamicsModel m = wheel();
        double[] start = {1.5, -2.0, 0.7, 0.0, 0.0};
        double[] x = start.clone();
        drive(m, x, new double[] {0.0, 0.0}, PHYSICS_DT, 200);
        drive(m, x, new double[] {0.0, 0.0}, PLAN_DT, 20);
        assertArrayEquals(start, x, 0.0);
    }

    @Test
    void wheelAccelerationsNeverExceedTheLimit() throws Exception {
        DynamicsModel m = wheel();
        double track = wheelConstant("TRACK");
        double aMax = wheelConstant("WHEEL_MAX_ACCEL");
        double wMax = wheelConstant("WHEEL_MAX_SPEED");
        double[] dts = {PHYSICS_DT, PLAN_DT, 0.0123, 0.2};
        SplittableRandom r = new SplittableRandom(7);
        double[] xn = new double[5];
        double largest = 0.0;
        for (int trial = 0; trial < 4000; trial++) {
            double vr = r.nextDouble(-wMax, wMax);
            double vl = r.nextDouble(-wMax, wMax);
            double[] x = {r.nextDouble(-5, 5), r.nextDouble(-5, 5), r.nextDouble(-Math.PI, Math.PI),
                0.5 * (vr + vl), (vr - vl) / track};
            double[] u = {r.nextDouble(-3, 3), r.nextDouble(-6, 6)};
            double dt = dts[trial % dts.length];
            m.step(x, u, dt, xn);
            double vrNext = xn[3] + xn[4] * track / 2;
            double vlNext = xn[3] - xn[4] * track / 2;
            double ar = Math.abs(vrNext - vr) / dt;
            double al = Math.abs(vlNext - vl) / dt;
            assertTrue(ar <= aMax + 1e-9 && al <= aMax + 1e-9,
                    "trial " + trial + ": wheel accelerations " + ar + ", " + al + " m/s² exceed " + aMax);
            assertTrue(Math.abs(vrNext) <= wMax + 1e-9 && Math.abs(vlNext) <= wMax + 1e-9,
                    "trial " + trial + ": wheel speeds " + vrNext + ", " + vlNext + " m/s exceed " + wMax);
            largest = Math.max(largest, Math.max(ar, al));
        }
        // Not vacuous: large commands do drive a wheel at the limit.
        assertTrue(largest > 0.99 * aMax, "largest wheel acceleration " + largest + " m/s²");
    }

    @Test
    void wheelPlantReachesAStraightCommandBelowTheWheelLimit() throws Exception {
        DynamicsModel m = wheel();
        double[] x = {0.0, 0.0, 0.0, 0.0, 0.0};
        drive(m, x, new double[] {1.2, 0.0}, PHYSICS_DT, 600); // 3 s
        assertEquals(1.2, x[3], 1e-3, "v after 3 s");
        assertEquals(0.0, x[4], 0.0, "ω stays zero on a straight command");
        assertEquals(0.0, x[1], 0.0, "y stays zero on a straight command");
        assertEquals(0.0, x[2], 0.0, "θ stays zero on a straight command");
    }

    @Test
    void turningHardWhileFastSaturatesTheOuterWheel() throws Exception {
        DynamicsModel m = wheel();
        double track = wheelConstant("TRACK");
        double wMax = wheelConstant("WHEEL_MAX_SPEED");
        double cmdV = 1.9;
        double cmdW = 3.0;
        double[] x = {0.0, 0.0, 0.0, 0.0, 0.0};
        drive(m, x, new double[] {cmdV, cmdW}, PHYSICS_DT, 600);
        // v_r* = sat(1.9 + 3.0·B/2, w_max) = w_max, v_l* = 1.9 − 3.0·B/2 (inside the limit).
        double vl = cmdV - cmdW * track / 2;
        assertEquals(0.5 * (wMax + vl), x[3], 1e-3, "v with the right wheel saturated");
        assertEquals((wMax - vl) / track, x[4], 1e-3, "ω with the right wheel saturated");
        assertTrue(x[3] < cmdV && x[4] < cmdW, "neither command is reached: v " + x[3] + ", ω " + x[4]);
    }

    @Test
    void wheelPlantIsMirrorSymmetric() throws Exception {
        DynamicsModel m = wheel();
        SplittableRandom r = new SplittableRandom(3);
        double[] xn = new double[5];
        double[] xmn = new double[5];
        for (int trial = 0; trial < 500; trial++) {
            double[] x = {r.nextDouble(-5, 5), r.nextDouble(-5, 5), r.nextDouble(-3, 3),
                r.nextDouble(-2, 2), r.nextDouble(-4, 4)};
            double[] u = {r.nextDouble(-2.5, 2.5), r.nextDouble(-5, 5)};
            double dt = trial % 2 == 0 ? PHYSICS_DT : PLAN_DT;
            m.step(x, u, dt, xn);
            m.step(new double[] {x[0], -x[1], -x[2], x[3], -x[4]}, new double[] {u[0], -u[1]}, dt, xmn);
            String at = "trial " + trial;
            assertEquals(xn[0], xmn[0], ROUNDING, at + " x");
            assertEquals(-xn[1], xmn[1], ROUNDING, at + " y");
            assertEquals(0.0, Angles.wrap(xn[2] + xmn[2]), ROUNDING, at + " θ");
            assertEquals(xn[3], xmn[3], ROUNDING, at + " v");
            assertEquals(-xn[4], xmn[4], ROUNDING, at + " ω");
        }
    }

    @Test
    void theBodyTurnsLessThanOdometrySays() throws Exception {
        DynamicsModel m = wheel();
        double k = wheelConstant("ICR_GAIN");
        double omegaRef = wheelConstant("ICR_REF_OMEGA");
        for (double cmdW : new double[] {1.5, -2.5, 0.4}) {
            double[] x = {0.0, 0.0, 0.0, 0.0, 0.0};
            drive(m, x, new double[] {0.8, cmdW}, PHYSICS_DT, 600); // steady state
            double[] xn = new double[5];
            m.step(x, new double[] {0.8, cmdW}, PHYSICS_DT, xn);
            double dTheta = Angles.wrap(xn[2] - x[2]);
            double odo = x[4] * PHYSICS_DT;
            assertTrue(Math.abs(dTheta) < Math.abs(odo) && Math.signum(dTheta) == Math.signum(odo),
                    "cmd_ω " + cmdW + ": Δθ " + dTheta + " vs odometry " + odo);
            // At steady state Δθ/(ω·dt) = 1/χ = 1/(1 + k·|ω|/ω_ref).
            assertEquals(1.0 / (1.0 + k * Math.abs(x[4]) / omegaRef), dTheta / odo, 1e-9, "1/χ at " + cmdW);
        }
    }

    @Test
    void oneLongStepEqualsTenPhysicsSteps() throws Exception {
        DynamicsModel m = wheel();
        // The last case crosses the acceleration clamp's kink mid-step (the wheel error falls below a_w·τ_w).
        double[][] starts = {{0, 0, 0, 0, 0}, {1.0, -0.5, 0.3, 1.0, 2.0}, {0, 0, 3.1, -0.4, -3.0},
            {0, 0, 0, 0.8, 0}};
        double[][] commands = {{1.0, 0.0}, {-0.5, -3.0}, {2.0, 4.0}, {1.5, 0.0}};
        for (int c = 0; c < starts.length; c++) {
            double[] big = new double[5];
            m.step(starts[c], commands[c], PLAN_DT, big);
            double[] small = starts[c].clone();
            drive(m, small, commands[c], PHYSICS_DT, 10);
            for (int i = 0; i < 5; i++) {
                double d = i == 2 ? Angles.wrap(big[i] - small[i]) : big[i] - small[i];
                assertEquals(0.0, d, 1e-3, "case " + c + " entry " + i);
                // Fixed internal substeps: the long step runs the same 5 ms substeps, equal up to rounding
                // (an integrator taking one 50 ms step, even RK4, misses this by ~1e-5).
                assertEquals(0.0, d, SUBSTEP_AGREEMENT, "case " + c + " entry " + i + " (substepping)");
            }
        }
    }

    @Test
    void wheelPlantBatchEqualsSingleStepPerSample() throws Exception {
        DynamicsModel m = wheel();
        int count = 9;
        SplittableRandom r = new SplittableRandom(11);
        double[] xs = new double[5 * count];
        double[] us = new double[2 * count];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.nextDouble(-2, 2);
        }
        for (int i = 0; i < us.length; i++) {
            us[i] = r.nextDouble(-3, 3);
        }
        double[] out = new double[5 * count];
        java.util.Arrays.fill(out, Double.NaN);
        m.stepBatch(xs, us, count, PLAN_DT, out);
        double[] xn = new double[5];
        for (int k = 0; k < count; k++) {
            double[] x = new double[5];
            for (int i = 0; i < 5; i++) {
                x[i] = xs[i * count + k];
            }
            m.step(x, new double[] {us[k], us[count + k]}, PLAN_DT, xn);
            for (int i = 0; i < 5; i++) {
                assertEquals(xn[i], out[i * count + k], 0.0, "sample " + k + " entry " + i);
            }
        }
    }

    @Test
    void processNoiseDrawsTwoGaussiansOnTheWheelsAndLeavesThePose() throws Exception {
        DynamicsModel m = wheel();
        ProcessNoise noise = (ProcessNoise) m;
        double track = wheelConstant("TRACK");
        double sigma = wheelConstant("WHEEL_NOISE");
        CountingRandom rng = new CountingRandom(new SplittableRandom(5));
        SplittableRandom replay = new SplittableRandom(5);
        for (int call = 0; call < 50; call++) {
            double dt = call == 0 ? 0.0 : PHYSICS_DT * call;
            double[] x = {1.0, 2.0, 0.5, 0.8, -0.3};
            double[] before = x.clone();
            long gaussiansBefore = rng.gaussians;
            noise.applyProcessNoise(x, dt, rng);
            assertEquals(2, rng.gaussians - gaussiansBefore, "Gaussians drawn per call");
            assertEquals(0, rng.otherDraws, "non-Gaussian draws");
            assertArrayEquals(new double[] {before[0], before[1], before[2]},
                    new double[] {x[0], x[1], x[2]}, 0.0, "pose must not change");
            // The same ξ₁, ξ₂ on the right and left wheel: Δv_r = σ√dt·ξ₁, Δv_l = σ√dt·ξ₂.
            double xi1 = replay.nextGaussian();
            double xi2 = replay.nextGaussian();
            double dvr = (x[3] - before[3]) + (x[4] - before[4]) * track / 2;
            double dvl = (x[3] - before[3]) - (x[4] - before[4]) * track / 2;
            assertEquals(sigma * Math.sqrt(dt) * xi1, dvr, ROUNDING, "right wheel, call " + call);
            assertEquals(sigma * Math.sqrt(dt) * xi2, dvl, ROUNDING, "left wheel, call " + call);
            if (dt > 0) {
                assertNotEquals(before[3], x[3], "v gets noise");
            }
        }
    }

    @Test
    void wheelStepDoesNotAllocate() throws Exception {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        DynamicsModel m = wheel();
        double[] x = {0.0, 0.0, 0.0, 0.5, 0.5};
        double[] xn = new double[5];
        double[] u = {1.0, 1.0};
        for (int i = 0; i < 2000; i++) {
            m.step(x, u, PLAN_DT, xn);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 20000; i++) {
            m.step(x, u, PLAN_DT, xn);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 20000, "20000 steps allocated " + allocated + " bytes");
    }

    // ---------------------------------------------------------------- SlowModel

    @Test
    void slowModelConvergesToTheCommand() throws Exception {
        DynamicsModel m = slow();
        double tau = slowClass.getField("TAU").getDouble(null);
        double h = slowClass.getField("SUBSTEP").getDouble(null);
        double[] x = {0.0, 0.0, 0.0, 0.0, 0.0};
        double[] xn = new double[5];
        // One 50 ms step from rest is n = dt/h Euler substeps of the lag: v = cmd·(1 − (1 − h/τ)ⁿ).
        m.step(x, new double[] {0.7, -1.1}, PLAN_DT, xn);
        double reached = 1.0 - Math.pow(1.0 - h / tau, Math.round(PLAN_DT / h));
        assertEquals(0.7 * reached, xn[3], 1e-9, "v after one step");
        assertEquals(-1.1 * reached, xn[4], 1e-9, "ω after one step");
        drive(m, x, new double[] {0.7, -1.1}, PLAN_DT, 40); // 2 s = 20 τ
        assertEquals(0.7, x[3], 1e-6, "v");
        assertEquals(-1.1, x[4], 1e-6, "ω");
        // At steady state it drives a circle of radius v/ω: one step turns by ω·dt and moves v·dt.
        m.step(x, new double[] {0.7, -1.1}, PLAN_DT, xn);
        assertEquals(-1.1 * PLAN_DT, Angles.wrap(xn[2] - x[2]), 1e-6, "Δθ");
        assertEquals(0.7 * PLAN_DT, Math.hypot(xn[0] - x[0], xn[1] - x[1]), 1e-4, "distance");
    }

    @Test
    void slowModelIsDeterministic() throws Exception {
        DynamicsModel a = slow();
        DynamicsModel b = slow();
        double[] xa = {0.3, -0.2, 2.9, 0.4, 1.0};
        double[] xb = xa.clone();
        double[] u = {1.5, 2.0};
        drive(a, xa, u, PLAN_DT, 60);
        drive(b, xb, u, PLAN_DT, 60);
        assertArrayEquals(xa, xb, 0.0);
        double[] again = {0.3, -0.2, 2.9, 0.4, 1.0};
        drive(a, again, u, PLAN_DT, 60);
        assertArrayEquals(xa, again, 0.0);
    }

    /** Counts Gaussian draws and any other draws, delegating to a real generator. */
    private static final class CountingRandom implements RandomGenerator {
        private final RandomGenerator delegate;
        long gaussians;
        long otherDraws;

        CountingRandom(RandomGenerator delegate) {
            this.delegate = delegate;
        }

        @Override
        public long nextLong() {
            otherDraws++;
            return delegate.nextLong();
        }

        @Override
        public int nextInt() {
            otherDraws++;
            return delegate.nextInt();
        }

        @Override
        public double nextDouble() {
            otherDraws++;
            return delegate.nextDouble();
        }

        @Override
        public double nextGaussian() {
            gaussians++;
            return delegate.nextGaussian();
        }
    }
}
