package org.foresight.worldmodel.collect;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.foresight.dynamics.log.TrajectoryLog;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.JackalParams;
import org.junit.jupiter.api.Test;

/**
 * The collector's experiment: the pilot measures the hidden envelope from logged odometry alone, the rest of
 * the experiment adapts its timing to it, and commands cover the whole nominal envelope, reverse included.
 */
class ExcitationSignalTest {
    private static final double DT = 0.05;
    private static final JackalParams EXTREME = JackalParams.defaults().withTauV(0.2).withMaxV(1.5).withMaxOmega(3)
            .withMaxAccel(3).withMaxAlpha(8);

    private static TrajectoryLog episode(JackalParams robot, long seed) {
        return DataCollector.episode(new DataCollector.Plan(1, 30, seed, robot, DT, 0.005), 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> excitation(TrajectoryLog log) {
        return (Map<String, Object>) log.metadata().get("excitation");
    }

    @SuppressWarnings("unchecked")
    private static double envelope(TrajectoryLog log, String key) {
        return ((Number) ((Map<String, Object>) excitation(log).get("pilot_envelope")).get(key)).doubleValue();
    }

    @Test
    void pilotMeasuresTheHiddenLimitsOfARobotItWasNotToldAbout() {
        TrajectoryLog log = episode(EXTREME, 4);
        // plateaus: the velocity limits up to noise; rates: the acceleration limits (the 3rd-largest 0.2 s slope)
        assertAll(
                () -> assertEquals(1.5, envelope(log, "v_forward_m_per_s"), 0.1),
                () -> assertEquals(-1.5, envelope(log, "v_reverse_m_per_s"), 0.1),
                () -> assertEquals(3.0, envelope(log, "omega_left_rad_per_s"), 0.2),
                () -> assertEquals(-3.0, envelope(log, "omega_right_rad_per_s"), 0.2),
                () -> assertEquals(3.0, envelope(log, "accel_m_per_s2"), 0.6),
                () -> assertEquals(8.0, envelope(log, "alpha_rad_per_s2"), 1.6));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSlowerRobotGetsLongerHoldsAndSlowerChirps() {
        Map<String, Object> fast = excitation(episode(JackalParams.defaults(), 4));
        Map<String, Object> slow = excitation(episode(EXTREME, 4));
        double holdFast = ((List<Number>) fast.get("step_hold_s")).get(0).doubleValue();
        double holdSlow = ((List<Number>) slow.get("step_hold_s")).get(0).doubleValue();
        double chirpFast = ((List<Number>) fast.get("chirp_hz")).get(1).doubleValue();
        double chirpSlow = ((List<Number>) slow.get("chirp_hz")).get(1).doubleValue();
        assertTrue(holdSlow > 1.5 * holdFast, "hold " + holdSlow + " s vs " + holdFast + " s");
        assertTrue(chirpSlow < chirpFast, "chirp top " + chirpSlow + " Hz vs " + chirpFast + " Hz");
    }

    @Test
    void commandsCoverTheWholeNominalEnvelopeIncludingReverse() {
        TrajectoryLog log = episode(JackalParams.defaults(), 5);
        double[] cmdV = log.column("cmd_v");
        double[] cmdW = log.column("cmd_omega");
        int atEdgeV = 0;
        double minV = 0;
        double maxW = 0;
        for (int r = 0; r < cmdV.length; r++) {
            minV = Math.min(minV, cmdV[r]);
            maxW = Math.max(maxW, Math.abs(cmdW[r]));
            assertTrue(Math.abs(cmdV[r]) <= DataCollector.NOMINAL_MAX_V, "cmd_v " + cmdV[r] + " at row " + r);
            assertTrue(Math.abs(cmdW[r]) <= DataCollector.NOMINAL_MAX_OMEGA, "cmd_omega " + cmdW[r] + " at row " + r);
            if (Math.abs(cmdV[r]) == DataCollector.NOMINAL_MAX_V) {
                atEdgeV++;
            }
        }
        assertEquals(-DataCollector.NOMINAL_MAX_V, minV, 1e-12);
        assertEquals(DataCollector.NOMINAL_MAX_OMEGA, maxW, 1e-12);
        assertTrue(atEdgeV > cmdV.length / 10, "rows at ±maxV: " + atEdgeV + " of " + cmdV.length);
    }

    @Test
    void sameSeedAndMeasurementsGiveTheSameCommands() {
        ExcitationSignal a = new ExcitationSignal(9, 2, 4, DT);
        ExcitationSignal b = new ExcitationSignal(9, 2, 4, DT);
        double[] ca = new double[ControlIndex.DIM];
        double[] cb = new double[ControlIndex.DIM];
        double v = 0;
        double w = 0;
        for (int r = 0; r < 600; r++) {
            a.next(v, w, ca);
            b.next(v, w, cb);
            assertArrayEquals(ca, cb, 0.0, "row " + r);
            // a crude lagging plant, so the pilot sees motion
            v += 0.3 * (ca[ControlIndex.V] - v);
            w += 0.3 * (ca[ControlIndex.OMEGA] - w);
        }
        assertEquals(a.kind(), b.kind());
        assertTrue(a.envelope() != null, "the pilot ended and an envelope was measured");
    }

    @Test
    void aPeriodTooLongForThePilotIsRejectedNamingTheUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExcitationSignal(1, 2, 4, 0.5));
        assertTrue(e.getMessage().contains("dt"), e.getMessage());
    }
    @Test
    void stepLevelsOfASluggishPlantChangeByNoMoreThanAShortRampAtItsMeasuredRate() {
        // A rate-limited plant written out here (2 m/s², 4 rad/s², no lag, no noise): what the pilot measures.
        double a = 2.0;
        double alpha = 4.0;
        ExcitationSignal sig = new ExcitationSignal(8, DataCollector.NOMINAL_MAX_V, DataCollector.NOMINAL_MAX_OMEGA, DT);
        double v = 0;
        double w = 0;
        double[] cmd = new double[ControlIndex.DIM];
        double prevV = Double.NaN;
        double prevW = Double.NaN;
        int capped = 0;
        int changes = 0;
        for (int r = 0; r < 10_000; r++) {
            sig.next(v, w, cmd);
            boolean steps = sig.kind() == ExcitationSignal.Kind.STEPS;
            if (steps && prevV == prevV && (cmd[ControlIndex.V] != prevV || cmd[ControlIndex.OMEGA] != prevW)) {
                double capV = sig.envelope().accel() * ExcitationSignal.MAX_RAMP_SECONDS;
                double capW = sig.envelope().alpha() * ExcitationSignal.MAX_RAMP_SECONDS;
                double dv = Math.abs(cmd[ControlIndex.V] - prevV);
                double dw = Math.abs(cmd[ControlIndex.OMEGA] - prevW);
                assertTrue(dv <= capV + 1e-12 && dw <= capW + 1e-12, "row " + r + ": step of " + dv + " m/s, " + dw
                        + " rad/s; caps " + capV + ", " + capW);
                changes++;
                if (dv > capV - 1e-9 || dw > capW - 1e-9) {
                    capped++;
                }
            }
            prevV = steps ? cmd[ControlIndex.V] : Double.NaN;
            prevW = cmd[ControlIndex.OMEGA];
            v += Math.max(-a * DT, Math.min(a * DT, cmd[ControlIndex.V] - v));
            w += Math.max(-alpha * DT, Math.min(alpha * DT, cmd[ControlIndex.OMEGA] - w));
        }
        assertEquals(a, sig.envelope().accel(), 0.1, "measured rate limit");
        int c = capped;
        assertTrue(changes > 20 && c > 5, changes + " level changes in steps, " + c + " of them capped");
    }
}
