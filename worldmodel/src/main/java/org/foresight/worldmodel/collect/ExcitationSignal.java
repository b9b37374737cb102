package org.foresight.worldmodel.collect;

import java.util.SplittableRandom;
import org.foresight.dynamics.model.ControlIndex;

/**
 * Exciting command sequences for system identification: a random succession of segments (2–6 s each)
 * of three kinds, so that the logs cover the robot's lag, acceleration limits, saturation and slip:
 * <ul>
 *   <li>random steps: hold a random (cmd_v, cmd_ω) for 0.2–1.5 s, then jump;</li>
 *   <li>chirps: cmd = centre + amplitude·sin(2π∫f dt), f sweeping linearly from 0.1 to 3 Hz;</li>
 *   <li>PRBS: each channel switches between two random levels with probability 0.15 per period.</li>
 * </ul>
 * Commands span cmd_v ∈ [−0.5, maxV] m/s and cmd_ω ∈ [−maxOmega, maxOmega] rad/s (nominal limits, not
 * the hidden ones). Deterministic for a given seed. Not thread-safe.
 */
public final class ExcitationSignal {
    /** Segment kinds. */
    public enum Kind {
        /** Random steps. */
        STEPS,
        /** Linear chirps. */
        CHIRP,
        /** Pseudo-random binary sequence. */
        PRBS
    }

    private static final double MIN_V = -0.5;
    private final SplittableRandom rng;
    private final double maxV;
    private final double maxOmega;
    private final double dt;
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
     * @param maxV     nominal forward speed limit [m/s], &gt; 0.
     * @param maxOmega nominal yaw-rate limit [rad/s], &gt; 0.
     * @param dt       control period [s], &gt; 0.
     */
    public ExcitationSignal(long seed, double maxV, double maxOmega, double dt) {
        if (!(maxV > 0) || !(maxOmega > 0) || !(dt > 0)) {
            throw new IllegalArgumentException("maxV [m/s], maxOmega [rad/s] and dt [s] must be > 0");
        }
        this.rng = new SplittableRandom(seed);
        this.maxV = maxV;
        this.maxOmega = maxOmega;
        this.dt = dt;
    }

    /** The kind of the current segment (null before the first call). */
    public Kind kind() {
        return kind;
    }

    /**
     * The command for the next control period.
     *
     * @param cmdOut (Output) (cmd_v [m/s], cmd_ω [rad/s]). Modified.
     */
    public void next(double[] cmdOut) {
        if (segmentLeft <= 1e-12) {
            startSegment();
        }
        switch (kind) {
            case STEPS -> {
                if (holdLeft <= 1e-12) {
                    current[ControlIndex.V] = randomV();
                    current[ControlIndex.OMEGA] = randomW();
                    holdLeft = 0.2 + 1.3 * rng.nextDouble();
                }
                holdLeft -= dt;
            }
            case CHIRP -> {
                // f(τ) = f0 + (f1 − f0)·τ/T, phase advances by 2π·f·dt.
                double f = 0.1 + (3.0 - 0.1) * Math.min(1.0, chirpTime / chirpDuration);
                phaseV += 2 * Math.PI * f * dt;
                phaseW += 2 * Math.PI * f * 1.3 * dt;
                chirpTime += dt;
                current[ControlIndex.V] = clampV(centreV + ampV * Math.sin(phaseV));
                current[ControlIndex.OMEGA] = clampW(centreW + ampW * Math.sin(phaseW));
            }
            case PRBS -> {
                if (rng.nextDouble() < 0.15) {
                    highV = !highV;
                }
                if (rng.nextDouble() < 0.15) {
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

    private void startSegment() {
        kind = Kind.values()[rng.nextInt(Kind.values().length)];
        segmentLeft = 2.0 + 4.0 * rng.nextDouble();
        holdLeft = 0;
        chirpTime = 0;
        chirpDuration = segmentLeft;
        phaseV = 2 * Math.PI * rng.nextDouble();
        phaseW = 2 * Math.PI * rng.nextDouble();
        centreV = 0.2 + (maxV - 0.2) * rng.nextDouble() * 0.7;
        ampV = 0.3 + 0.7 * rng.nextDouble() * maxV * 0.6;
        centreW = (rng.nextDouble() * 2 - 1) * maxOmega * 0.4;
        ampW = (0.3 + 0.7 * rng.nextDouble()) * maxOmega * 0.7;
        levelV0 = randomV();
        levelV1 = randomV();
        levelW0 = randomW();
        levelW1 = randomW();
    }

    private double randomV() {
        return MIN_V + (maxV - MIN_V) * rng.nextDouble();
    }

    private double randomW() {
        return (rng.nextDouble() * 2 - 1) * maxOmega;
    }

    private double clampV(double v) {
        return Math.max(MIN_V, Math.min(maxV, v));
    }

    private double clampW(double w) {
        return Math.max(-maxOmega, Math.min(maxOmega, w));
    }
}
