package org.foresight.worldmodel.adapt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;

import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.sim.RobotPhysics;
import org.foresight.worldmodel.collect.DataCollector;
import org.foresight.worldmodel.collect.ExcitationSignal;
import org.foresight.worldmodel.fit.PhysicsFitter;
import org.foresight.worldmodel.model.BodyFrameModel;
import org.foresight.worldmodel.model.PhysicsModel;
import org.foresight.worldmodel.testutil.JackalData;
import org.junit.jupiter.api.Test;

/**
 * The adaptation target: after a mid-run change of the robot (a payload and a slippery floor:
 * maxAccel 20 → 2 m/s², maxAlpha 25 → 4 rad/s², yawSlip 0.15 → 0.5), the adapting model's one-step error
 * returns within 2 s to within 20 % of a model fitted offline to the changed robot: from 2 s after the change on,
 * the adapted model's pooled RMS one-step error of v and of ω must be at most 1.2× the offline fit's (measured:
 * 1.12× and 1.10×, against 15× for the frozen model). It prints the table of the README.
 *
 * <p>Met on these 12 episodes only: on other episode sets ({@code -Dforesight.adaptSeedBase=2000}, 3000, 4000)
 * the same adapter reaches 1.16–2.37× (v) and 1.09–1.82× (ω), because the change detector finds the change late
 * (or a false alarm earlier delays it) in one or two episodes of a set; restarted exactly at the change it reaches
 * 1.11–1.39× and 1.08–1.16× there (README).
 *
 * <p>Both offline models are physics fits on {@code collect}-style logs (8 × 30 s) of the robot before and of
 * the robot after the change. The test episodes drive the robot with the collector's excitation (its pilot of
 * steps, then random steps, chirps and PRBS; the same measurement noise), the change at {@link #CHANGE} s. The
 * adapting model starts from the fit before the change and sees each transition once, after predicting it. Its
 * a-priori one-step errors of v and ω are pooled over {@link #EPISODES} episodes in 0.5 s bins after the change,
 * beside those of the frozen model and of the offline fit of the changed robot on the same transitions.
 */
class AdaptationRecoveryTest {
    static final double CHANGE = 8.0;
    static final double SECONDS = 16.0;
    static final int EPISODES = 12;
    static final double BIN = 0.5;
    static final int BINS = (int) Math.round((SECONDS - CHANGE) / BIN);
    /** Seed of the first episode (1000; other sets with {@code -Dforesight.adaptSeedBase=N}, see the class note). */
    static final long SEED_BASE = Long.getLong("foresight.adaptSeedBase", 1000);

    static final JackalParams BEFORE = JackalParams.defaults();
    static final JackalParams AFTER = BEFORE.withMaxAccel(2).withMaxAlpha(4).withYawSlip(0.5);

    @Test
    void oneStepErrorAfterAChangeApproachesAnOfflineFitOfTheChangedRobot() {
        PhysicsModel before = PhysicsFitter.fit(JackalData.episodes(8, 30, 1, BEFORE), 1e-8, 1).model();
        PhysicsModel after = PhysicsFitter.fit(JackalData.episodes(8, 30, 2, AFTER), 1e-8, 1).model();
        // sums of squared errors per bin: [model][channel][bin], models adapted, frozen, offline-after
        double[][][] sse = new double[3][2][BINS];
        int[] count = new int[BINS];
        for (int e = 0; e < EPISODES; e++) {
            run(e, before, after, sse, count, AdaptConfig.defaults());
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-10s %-22s %-22s %-22s %s%n", "after [s]", "adapted v / omega", "frozen v / omega",
                "offline-after v / omega", "adapted/offline"));
        double[][] late = new double[3][2];
        int lateCount = 0;
        double frozenEarly = Double.POSITIVE_INFINITY;
        for (int b = 0; b < BINS; b++) {
            double[] r = new double[6];
            for (int m = 0; m < 3; m++) {
                for (int c = 0; c < 2; c++) {
                    r[2 * m + c] = Math.sqrt(sse[m][c][b] / count[b]);
                }
            }
            double ratio = Math.max(r[0] / r[4], r[1] / r[5]);
            if (b * BIN >= 2.0 - 1e-9) {
                for (int m = 0; m < 3; m++) {
                    for (int c = 0; c < 2; c++) {
                        late[m][c] += sse[m][c][b];
                    }
                }
                lateCount += count[b];
            }
            if (b < 2) {
                frozenEarly = Math.min(frozenEarly, Math.max(r[2] / r[4], r[3] / r[5]));
            }
            table.append(String.format(Locale.ROOT, "%-10s %.4f / %.4f        %.4f / %.4f        %.4f / %.4f        %.2f%n",
                    String.format(Locale.ROOT, "%.1f-%.1f", b * BIN, (b + 1) * BIN), r[0], r[1], r[2], r[3], r[4], r[5],
                    ratio));
        }
        double lateV = Math.sqrt(late[0][0] / late[2][0]);
        double lateOmega = Math.sqrt(late[0][1] / late[2][1]);
        table.append(String.format(Locale.ROOT, "from 2 s on (%d transitions): adapted/offline RMS v %.2f, omega %.2f; "
                + "frozen/offline v %.2f, omega %.2f%n", lateCount, lateV, lateOmega,
                Math.sqrt(late[1][0] / late[2][0]), Math.sqrt(late[1][1] / late[2][1])));
        System.out.print(table);
        String msg = "\n" + table;
        double early = frozenEarly;
        double frozenLate = Math.min(Math.sqrt(late[1][0] / late[2][0]), Math.sqrt(late[1][1] / late[2][1]));
        assertAll(
                () -> assertTrue(early > 1.5, "the change must matter: the frozen model's error should be well above "
                        + "the offline fit's right after it" + msg),
                () -> assertTrue(frozenLate > 5, "the frozen model stays wrong" + msg),
                // The target: within 20 % from 2 s after the change on. Measured: v 1.12, omega 1.10 pooled
                // (the frozen model: 15x). Episode sets other than the default miss it (class note).
                () -> assertTrue(lateV <= 1.2 && lateOmega <= 1.2, "from 2 s after the change on, the adapted model's "
                        + "pooled RMS one-step error must be within 20 % (1.2x) of the offline fit's, v and omega"
                        + msg));
    }

    /** One episode: excitation, the change at CHANGE, adaptation, errors binned after the change. */
    private static void run(int episode, PhysicsModel before, PhysicsModel after, double[][][] sse, int[] count,
                            AdaptConfig config) {
        SplittableRandom root = new SplittableRandom(SEED_BASE + episode);
        SplittableRandom processNoise = root.split();
        SplittableRandom measurementNoise = root.split();
        ExcitationSignal signal = new ExcitationSignal(root.nextLong(), DataCollector.NOMINAL_MAX_V,
                DataCollector.NOMINAL_MAX_OMEGA, 0.05);
        RobotPhysics p0 = new RobotPhysics(new JackalDiffDrive(BEFORE), 0.005, 10, true, processNoise);
        RobotPhysics p1 = new RobotPhysics(new JackalDiffDrive(AFTER), 0.005, 10, true, processNoise);
        OnlineAdapter adapter = OnlineAdapter.of(before, config);
        int rows = (int) Math.round(SECONDS / 0.05);
        double[] x = new double[StateIndex.FULL_DIM];
        double[] cmd = new double[ControlIndex.DIM];
        double[] prev = new double[StateIndex.FULL_DIM];
        double[] prevCmd = new double[ControlIndex.DIM];
        double[] meas = new double[StateIndex.FULL_DIM];
        double[] pred = new double[StateIndex.FULL_DIM];
        DynamicsModel[] models = new DynamicsModel[3];
        for (int r = 0; r < rows; r++) {
            double t = r * 0.05;
            System.arraycopy(x, 0, meas, 0, StateIndex.FULL_DIM);
            meas[StateIndex.V] += DataCollector.MEASUREMENT_NOISE_V * measurementNoise.nextGaussian();
            meas[StateIndex.OMEGA] += DataCollector.MEASUREMENT_NOISE_OMEGA * measurementNoise.nextGaussian();
            if (r > 0) {
                double since = t - CHANGE;
                int bin = (int) Math.floor((since - 1e-9) / BIN);
                if (since > 1e-9 && bin < BINS) {
                    models[0] = adapter.model();
                    models[1] = before;
                    models[2] = after;
                    for (int m = 0; m < 3; m++) {
                        ((BodyFrameModel) models[m]).step(prev, prevCmd, 0.05, pred);
                        double ev = pred[StateIndex.V] - meas[StateIndex.V];
                        double ew = pred[StateIndex.OMEGA] - meas[StateIndex.OMEGA];
                        sse[m][0][bin] += ev * ev;
                        sse[m][1][bin] += ew * ew;
                    }
                    count[bin]++;
                }
                adapter.observe(prev, prevCmd, meas);
            }
            signal.next(meas[StateIndex.V], meas[StateIndex.OMEGA], cmd);
            System.arraycopy(meas, 0, prev, 0, StateIndex.FULL_DIM);
            System.arraycopy(cmd, 0, prevCmd, 0, ControlIndex.DIM);
            (t < CHANGE - 1e-9 ? p0 : p1).controlPeriod(x, cmd);
        }
    }
}
