package org.foresight.mpc.switching;

/**
 * Parameters of {@link SwitchingPlanner}, immutable and validated in the constructor (one-line
 * {@link IllegalArgumentException} naming the field and its unit). The optimiser underneath is MPPI with the
 * {@code mppi} and {@code critics} settings of the planner configuration; each mode overrides only its
 * {@link ModeLimits}.
 *
 * <p>Mode choice per cycle ({@link ModeSelector}): clearance c = the least signed distance to a known obstacle
 * over the guide path from the robot's nearest path point to {@code lookahead} metres ahead (and at the robot);
 * c ≥ openClearance → open, c ≥ obstacleClearance → obstacle, else careful. A mode with a higher speed is
 * entered only after the clearance has allowed it for {@code upshiftCycles} cycles in a row (a lower one at
 * once). Reverse when more than {@code reverseFraction} of the path's headings over {@code reverseLookahead}
 * metres point more than 90° away from the robot's heading and the robot has no room to turn in place (the
 * clearance at its centre is below the footprint's half-diagonal plus 5 cm, see {@link ModeSelector}); a
 * reverse lasts at most {@code reverseTime} seconds and is then barred for as long, so that the robot never
 * drives blind (the lidar looks forward) for long. Recovery when the robot's net displacement over the last
 * {@code stallTime} seconds is below {@code stallProgress}: back straight up at {@code recoverySpeed} for
 * {@code recoveryTime} seconds while the footprint behind stays clear, then plan from a fresh warm start.
 *
 * @param open              limits in open space (default: cruise 0.8 m/s, v ∈ [0, 0.8]).
 * @param obstacle          limits near obstacles (0.5 m/s, v ∈ [0, 0.7]).
 * @param careful           limits in a tight gap (0.3 m/s, v ∈ [−0.4, 0.4], reversing cheap).
 * @param reverse           limits when driving the path backwards (0 m/s cruise, v ∈ [−0.4, 0.2], reversing free).
 * @param openClearance     clearance at and above which the mode is open [m], &gt; obstacleClearance.
 * @param obstacleClearance clearance at and above which the mode is obstacle (below: careful) [m], &gt; 0.
 * @param lookahead         length of path ahead whose clearance is checked [m], &gt; 0.
 * @param reverseLookahead  length of path ahead whose headings are checked for reverse [m], &gt; 0.
 * @param reverseFraction   share of those headings behind the robot that selects reverse, in (0, 1].
 * @param reverseTime       longest continuous reverse, and the pause after it [s], &gt; 0.
 * @param upshiftCycles     consecutive cycles a faster mode must be allowed before it is entered, ≥ 1.
 * @param stallTime         window over which progress is judged [s], &gt; 0.
 * @param stallProgress     least net displacement over stallTime that is not a stall [m], &gt; 0.
 * @param recoveryTime      how long a recovery backs up [s], &gt; 0.
 * @param recoverySpeed     backing speed during recovery [m/s], &gt; 0.
 */
public record SwitchingConfig(ModeLimits open, ModeLimits obstacle, ModeLimits careful, ModeLimits reverse,
                              double openClearance, double obstacleClearance, double lookahead,
                              double reverseLookahead, double reverseFraction, double reverseTime, int upshiftCycles,
                              double stallTime, double stallProgress, double recoveryTime, double recoverySpeed) {

    /** Validates every field; see the record Javadoc. */
    public SwitchingConfig {
        if (open == null || obstacle == null || careful == null || reverse == null) {
            throw new IllegalArgumentException("every mode's limits (open, obstacle, careful, reverse) must be present");
        }
        positive("obstacleClearance", "m", obstacleClearance);
        if (!(openClearance > obstacleClearance) || !Double.isFinite(openClearance)) {
            throw new IllegalArgumentException("openClearance must be finite and > obstacleClearance = "
                    + obstacleClearance + " m, got " + openClearance);
        }
        positive("lookahead", "m", lookahead);
        positive("reverseLookahead", "m", reverseLookahead);
        if (!(reverseFraction > 0 && reverseFraction <= 1)) {
            throw new IllegalArgumentException("reverseFraction must be in (0, 1], got " + reverseFraction);
        }
        positive("reverseTime", "s", reverseTime);
        if (upshiftCycles < 1) {
            throw new IllegalArgumentException("upshiftCycles must be >= 1, got " + upshiftCycles);
        }
        positive("stallTime", "s", stallTime);
        positive("stallProgress", "m", stallProgress);
        positive("recoveryTime", "s", recoveryTime);
        positive("recoverySpeed", "m/s", recoverySpeed);
    }

    /**
     * MLDA's modes (open 0.8 / obstacle 0.5 / careful 0.3 m/s with |v| ≤ 0.8 / 0.7 / 0.4), clearance thresholds
     * 0.6 and 0.3 m over 1.5 m of path (BARN's gaps leave a path 0.3–0.5 m from the nearest obstacle; the
     * Jackal's half-width is 0.165 m), reverse when over half of the next 1 m of path lies behind (for at most
     * 2 s), upshift after 5 cycles, recovery after 3 s with under 0.2 m of progress: back up at 0.3 m/s for 1 s.
     *
     * @return the defaults.
     */
    public static SwitchingConfig defaults() {
        return new SwitchingConfig(
                new ModeLimits(0.8, 0.0, 0.8, 5.0),
                new ModeLimits(0.5, 0.0, 0.7, 5.0),
                new ModeLimits(0.3, -0.4, 0.4, 1.0),
                new ModeLimits(0.0, -0.4, 0.2, 0.0),
                0.6, 0.3, 1.5, 1.0, 0.5, 2.0, 5, 3.0, 0.2, 1.0, 0.3);
    }

    /**
     * @param mode a mode that drives through the optimiser (not recovery).
     * @return its limits.
     */
    public ModeLimits limits(DrivingMode mode) {
        return switch (mode) {
            case OPEN -> open;
            case OBSTACLE -> obstacle;
            case CAREFUL -> careful;
            case REVERSE -> reverse;
            case RECOVERY -> throw new IllegalArgumentException("recovery is scripted, it has no optimiser limits");
        };
    }

    private static void positive(String name, String unit, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0 " + unit + ", got " + v);
        }
    }
}
