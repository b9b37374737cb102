package org.foresight.worldmodel.collect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.foresight.dynamics.model.ControlIndex;

/**
 * Exciting command sequences for system identification, designed from the robot's measured response so that
 * the same experiment suits robots of very different bandwidth.
 *
 * <p><b>1. Pilot</b> ({@value #PILOT_SECONDS} s): four steps of {@value #PILOT_STEP_SECONDS} s, one axis at a
 * time, at the nominal limits: (+maxV, 0), (−maxV, 0), (0, +maxΩ), (0, −maxΩ). From the <em>measured</em> v and
 * ω ({@link #next}'s inputs) it estimates a {@link PlantEnvelope}: the speed and yaw rate each step settles at
 * (mean of its last {@value #PLATEAU_SECONDS} s) and the largest rate of change (the
 * {@value #SLOPE_RANK}rd-largest |Δ| over {@value #SLOPE_PERIODS} control periods, robust to a noise spike).
 *
 * <p><b>2. Adapted excitation</b>: a random succession of segments (2–6 s each) of three kinds, with timing
 * scaled by the pilot's ramp time T_ramp ({@link PlantEnvelope#rampTime()}, the time to cross the envelope at
 * the measured rate limits) so that a slow robot still spends most of its time at, not on the way to, the
 * commanded level (ramps under a rate limit accumulate process noise as a random walk that no model can
 * predict):
 * <ul>
 *   <li>random steps: hold a random (cmd_v, cmd_ω) for h ∈ [h₀, h₀ + max(1.3 s, 2·h₀)], h₀ = clamp(T_ramp,
 *       0.2 s, 3 s), then jump;</li>
 *   <li>chirps: cmd = centre + amplitude·sin(2π∫f dt), f sweeping linearly from 0.1 Hz to the highest frequency
 *       the measured rate limits can follow ({@link PlantEnvelope#followableFrequency}: a/(2π·0.3·(v_fwd − v_rev))
 *       and α/(2π·0.7·ω_left), the lower of the two), kept in [0.5, 3] Hz;</li>
 *   <li>PRBS: each channel switches between two random levels with probability p = min(0.15, dt/max(h₀,
 *       0.33 s)) per period (mean dwell ≥ h₀).</li>
 * </ul>
 * Step and PRBS levels are uniform over the whole nominal envelope cmd_v ∈ [−maxV, maxV] (the robot drives in
 * reverse too) and cmd_ω ∈ [−maxΩ, maxΩ], except that with probability {@value #EDGE_PROBABILITY} a level is
 * an extreme (±limit): time spent at the extremes shows the (hidden) velocity limits, which clamp commands
 * beyond them, and widens the measured range. Commands stay on the nominal envelope (the pilot only times
 * the experiment), so commands past a slower robot's limits are still logged and its clamp can be fitted.
 *
 * <p>A new step or PRBS level is approached, not jumped to: it moves from the previous level toward a drawn
 * target by at most what the measured rate limit covers in {@value #MAX_RAMP_SECONDS} s (a·T, α·T). A robot
 * with 20 m/s² never meets this cap; on a sluggish one (2 m/s²) it keeps ramps short, because a 2 s ramp
 * across the envelope accumulates process noise that even the noise-free true model cannot follow (measured:
 * its 2.8 s drift fell from 4.7–7.8 cm to 3.6–4.4 cm with the cap, on three seeds), while the levels still
 * wander over the whole envelope.
 *
 * <p>Deterministic: the same seed and the same measurements give the same commands. Not thread-safe.
 */
public final class ExcitationSignal {
    /** Segment kinds. */
    public enum Kind {
        /** The opening pilot steps. */
        PILOT,
        /** Random steps. */
        STEPS,
        /** Linear chirps. */
        CHIRP,
        /** Pseudo-random binary sequence. */
        PRBS
    }

    /** Length of each pilot step [s]. */
    public static final double PILOT_STEP_SECONDS = 1.5;
    /** Length of the pilot [s] (four steps). */
    public static final double PILOT_SECONDS = 4 * PILOT_STEP_SECONDS;
    /** Trailing part of each pilot step averaged for its settled value [s]. */
    public static final double PLATEAU_SECONDS = 0.3;
    /** Control periods over which a rate of change is measured in the pilot. */
    public static final int SLOPE_PERIODS = 4;
    /** Rank of the rate of change taken as the rate limit (1 = largest). */
    public static final int SLOPE_RANK = 3;
    /** Longest ramp a level change may ask for at the measured rate limits [s]. */
    public static final double MAX_RAMP_SECONDS = 0.4;
    /** Probability that a step or PRBS level is an extreme of the envelope. */
    public static final double EDGE_PROBABILITY = 0.3;

    /** Pilot commands as fractions of (maxV, maxΩ), one row per step. */
    private static final double[][] PILOT_STEPS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    /** Smallest fraction of a nominal limit accepted as a pilot plateau (guards a robot that barely moves). */
    private static final double MIN_PLATEAU_FRACTION = 0.05;

    private final SplittableRandom rng;
    private final double maxV;
    private final double maxOmega;
    private final double dt;
    private final int pilotRows;
    private final double[] pilotV;
    private final double[] pilotW;
    private int row;
    private PlantEnvelope envelope;
    private double holdMin;
    private double holdSpan;
    private double chirpTop;
    private double switchProbability;
    private double maxStepV = Double.POSITIVE_INFINITY;
    private double maxStepW = Double.POSITIVE_INFINITY;
    private Kind kind;
    private double segmentLeft;
    private double holdLeft;
    private double chirpTime;
    private double chirpDuration;
    private double phaseV;
    private double phaseW;
    private double centreV;
    private double ampV;
    private double centreW;
    private double ampW;
    private double levelV0;
    private double levelV1;
    private double levelW0;
    private double levelW1;
    private boolean highV;
    private boolean highW;
    private final double[] current = new double[ControlIndex.DIM];

    /**
     * @param seed     random seed.
     * @param maxV     nominal speed limit [m/s], &gt; 0 (commands span ±maxV).
     * @param maxOmega nominal yaw-rate limit [rad/s], &gt; 0.
     * @param dt       control period [s], &gt; 0, at most {@value #PLATEAU_SECONDS}/2 s so the pilot's
     *                 plateaus span at least two periods.
     */
    public ExcitationSignal(long seed, double maxV, double maxOmega, double dt) {
        if (!(maxV > 0) || !(maxOmega > 0) || !(dt > 0) || !(dt <= PLATEAU_SECONDS / 2) || !Double.isFinite(maxV)
                || !Double.isFinite(maxOmega)) {
            throw new IllegalArgumentException("excitation needs finite maxV [m/s] > 0, maxOmega [rad/s] > 0 and 0 < dt ≤ "
                    + PLATEAU_SECONDS / 2 + " s, got " + maxV + ", " + maxOmega + ", " + dt);
        }
        this.rng = new SplittableRandom(seed);
        this.maxV = maxV;
        this.maxOmega = maxOmega;
        this.dt = dt;
        this.pilotRows = (int) Math.rint(PILOT_SECONDS / dt);
        this.pilotV = new double[pilotRows];
        this.pilotW = new double[pilotRows];
    }

    /** The kind of the current segment (null before the first call). */
    public Kind kind() {
        return kind;
    }

    /** @return the envelope measured by the pilot, or null while the pilot runs. */
    public PlantEnvelope envelope() {
        return envelope;
    }

    /**
     * The command for the next control period, given what odometry measures now.
     *
     * @param measuredV     measured forward speed at this row [m/s] (read during the pilot).
     * @param measuredOmega measured yaw rate at this row [rad/s] (read during the pilot).
     * @param cmdOut        (Output) (cmd_v [m/s], cmd_ω [rad/s]). Modified.
     */
    public void next(double measuredV, double measuredOmega, double[] cmdOut) {
        if (row < pilotRows) {
            pilotV[row] = measuredV;
            pilotW[row] = measuredOmega;
            int step = Math.min(PILOT_STEPS.length - 1, (int) (row * dt / PILOT_STEP_SECONDS + 1e-9));
            kind = Kind.PILOT;
            row++;
            cmdOut[ControlIndex.V] = PILOT_STEPS[step][0] * maxV;
            cmdOut[ControlIndex.OMEGA] = PILOT_STEPS[step][1] * maxOmega;
            return;
        }
        if (envelope == null) {
            design();
        }
        row++;
        if (segmentLeft <= 1e-12) {
            startSegment();
        }
        switch (kind) {
            case STEPS -> {
                if (holdLeft <= 1e-12) {
                    current[ControlIndex.V] = towards(current[ControlIndex.V], randomV(), maxStepV);
                    current[ControlIndex.OMEGA] = towards(current[ControlIndex.OMEGA], randomW(), maxStepW);
                    holdLeft = holdMin + holdSpan * rng.nextDouble();
                }
                holdLeft -= dt;
            }
            case CHIRP -> {
                // f(τ) = f0 + (f1 − f0)·τ/T, phase advances by 2π·f·dt.
                double f = 0.1 + (chirpTop - 0.1) * Math.min(1.0, chirpTime / chirpDuration);
                phaseV += 2 * Math.PI * f * dt;
                phaseW += 2 * Math.PI * f * 1.3 * dt;
                chirpTime += dt;
                current[ControlIndex.V] = clamp(centreV + ampV * Math.sin(phaseV), maxV);
                current[ControlIndex.OMEGA] = clamp(centreW + ampW * Math.sin(phaseW), maxOmega);
            }
            case PRBS -> {
                if (rng.nextDouble() < switchProbability) {
                    highV = !highV;
                }
                if (rng.nextDouble() < switchProbability) {
                    highW = !highW;
                }
                current[ControlIndex.V] = highV ? levelV1 : levelV0;
                current[ControlIndex.OMEGA] = highW ? levelW1 : levelW0;
            }
            default -> throw new IllegalStateException(String.valueOf(kind));
        }
        segmentLeft -= dt;
        cmdOut[ControlIndex.V] = current[ControlIndex.V];
        cmdOut[ControlIndex.OMEGA] = current[ControlIndex.OMEGA];
    }

    /**
     * What this experiment is, for a log's sidecar: the design in words, and after the pilot the measured
     * envelope and the timing derived from it.
     *
     * @return a new map.
     */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", String.format(Locale.ROOT, "pilot steps (%.1f s each: +v, -v, +omega, -omega at the "
                + "nominal limits), then random steps, chirps and PRBS (segments of 2-6 s) over cmd_v in [-%.2f, %.2f] m/s, "
                + "cmd_omega in [-%.2f, %.2f] rad/s, %.0f %% of levels at the extremes; hold times, chirp top frequency and "
                + "PRBS switch rate scaled by the pilot's measured ramp time; each level change limited to a %.1f s ramp "
                + "at the measured rate limits", PILOT_STEP_SECONDS, maxV, maxV, maxOmega,
                maxOmega, 100 * EDGE_PROBABILITY, MAX_RAMP_SECONDS));
        if (envelope != null) {
            m.put("pilot_envelope", envelope.toMetadata());
            m.put("step_hold_s", List.of(holdMin, holdMin + holdSpan));
            m.put("chirp_hz", List.of(0.1, chirpTop));
            m.put("prbs_switch_probability", switchProbability);
            m.put("max_level_change", Map.of("v_m_per_s", maxStepV, "omega_rad_per_s", maxStepW));
        }
        return m;
    }

    /** Estimates the envelope from the pilot's measurements and derives the experiment's timing. */
    private void design() {
        int stepRows = pilotRows / PILOT_STEPS.length;
        double vFwd = Math.max(plateau(pilotV, 0, stepRows), MIN_PLATEAU_FRACTION * maxV);
        double vRev = Math.min(plateau(pilotV, 1, stepRows), -MIN_PLATEAU_FRACTION * maxV);
        double wLeft = Math.max(plateau(pilotW, 2, stepRows), MIN_PLATEAU_FRACTION * maxOmega);
        double wRight = Math.min(plateau(pilotW, 3, stepRows), -MIN_PLATEAU_FRACTION * maxOmega);
        double accel = Math.max(rate(pilotV, 0, 2 * stepRows), MIN_PLATEAU_FRACTION * maxV);
        double alpha = Math.max(rate(pilotW, 2 * stepRows, 4 * stepRows), MIN_PLATEAU_FRACTION * maxOmega);
        envelope = new PlantEnvelope(vFwd, vRev, wLeft, wRight, accel, alpha);
        holdMin = Math.min(3.0, Math.max(0.2, envelope.rampTime()));
        holdSpan = Math.max(1.3, 2 * holdMin);
        double fV = PlantEnvelope.followableFrequency(accel, 0.3 * (vFwd - vRev));
        double fW = PlantEnvelope.followableFrequency(alpha, 0.7 * wLeft);
        chirpTop = Math.min(3.0, Math.max(0.5, Math.min(fV, fW)));
        switchProbability = Math.min(0.15, dt / Math.max(holdMin, 0.33));
        maxStepV = accel * MAX_RAMP_SECONDS;
        maxStepW = alpha * MAX_RAMP_SECONDS;
    }

    /** Mean of the last {@link #PLATEAU_SECONDS} of pilot step {@code step}. */
    private double plateau(double[] series, int step, int stepRows) {
        int end = (step + 1) * stepRows;
        int n = Math.max(2, (int) Math.rint(PLATEAU_SECONDS / dt));
        double sum = 0;
        for (int k = end - n; k < end; k++) {
            sum += series[k];
        }
        return sum / n;
    }

    /** The {@link #SLOPE_RANK}-th largest |Δ|/(SLOPE_PERIODS·dt) over rows [from, to). */
    private double rate(double[] series, int from, int to) {
        double[] top = new double[SLOPE_RANK];
        for (int k = from + SLOPE_PERIODS; k < to; k++) {
            double r = Math.abs(series[k] - series[k - SLOPE_PERIODS]) / (SLOPE_PERIODS * dt);
            // keep the SLOPE_RANK largest in descending order
            for (int i = 0; i < SLOPE_RANK; i++) {
                if (r > top[i]) {
                    double t = top[i];
                    top[i] = r;
                    r = t;
                }
            }
        }
        return top[SLOPE_RANK - 1];
    }

    private void startSegment() {
        kind = switch (rng.nextInt(3)) {
            case 0 -> Kind.STEPS;
            case 1 -> Kind.CHIRP;
            default -> Kind.PRBS;
        };
        segmentLeft = 2.0 + 4.0 * rng.nextDouble();
        holdLeft = 0;
        chirpTime = 0;
        chirpDuration = segmentLeft;
        phaseV = 2 * Math.PI * rng.nextDouble();
        phaseW = 2 * Math.PI * rng.nextDouble();
        centreV = (rng.nextDouble() * 2 - 1) * maxV * 0.5;
        ampV = (0.3 + 0.7 * rng.nextDouble()) * maxV * 0.7;
        centreW = (rng.nextDouble() * 2 - 1) * maxOmega * 0.4;
        ampW = (0.3 + 0.7 * rng.nextDouble()) * maxOmega * 0.7;
        levelV0 = randomV();
        levelV1 = towards(levelV0, randomV(), maxStepV);
        levelW0 = randomW();
        levelW1 = towards(levelW0, randomW(), maxStepW);
    }

    /** to, or from moved by maxStep toward it when farther: a level change whose ramp lasts at most {@link #MAX_RAMP_SECONDS}. */
    private static double towards(double from, double to, double maxStep) {
        double d = to - from;
        return Math.abs(d) <= maxStep ? to : from + Math.copySign(maxStep, d);
    }

    private double randomV() {
        return randomLevel(maxV);
    }

    private double randomW() {
        return randomLevel(maxOmega);
    }

    /** Uniform on [−limit, limit], or ±limit with probability {@link #EDGE_PROBABILITY}. */
    private double randomLevel(double limit) {
        if (rng.nextDouble() < EDGE_PROBABILITY) {
            return rng.nextBoolean() ? limit : -limit;
        }
        return (rng.nextDouble() * 2 - 1) * limit;
    }

    private static double clamp(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }
}
