package org.foresight.mpc.perception;

/**
 * Settings of the {@link MovingReturnFilter}, validated here; defaults in {@link #defaults()}.
 *
 * @param holdMargin    a return within a held track's radius plus this of its centre is the track's [m], ≥ 0.
 * @param backoff       a held return frees the cells up to this short of its range [m], ≥ 0 (the disc's surface
 *                      and the cell it lies in are left alone).
 * @param moveDistance  a track whose filtered centre has been this far from where it was born is moving [m], &gt; 0.
 * @param staticAge     a track this old that has not moved is a static obstacle seen for the first time: its
 *                      returns go into the map [s], ≥ 0.
 * @param staticSpeed   a track whose filtered speed is at least this is not static, however little it has travelled
 *                      [m/s], &gt; 0 (a disc that starts slowly, or whose centre the filter still lags, would otherwise
 *                      be painted into the map and leave the planner's view).
 * @param clearFraction the cells within this fraction of a moving track's radius are cleared every scan, in
 *                      [0, 1) (0: none); below 1 so that a track's position error cannot reach a wall beside it.
 * @param settleAge     a map cell explains returns to the tracker only once it has been occupied this long [s], ≥ 0
 *                      (0: as soon as it is occupied); see {@link SettledCells}.
 */
public record MovingFilterConfig(double holdMargin, double backoff, double moveDistance, double staticAge,
                                 double staticSpeed, double clearFraction, double settleAge) {
    /** Validates every field. */
    public MovingFilterConfig {
        nonNegative("holdMargin", "m", holdMargin);
        nonNegative("backoff", "m", backoff);
        nonNegative("staticAge", "s", staticAge);
        nonNegative("settleAge", "s", settleAge);
        if (!(moveDistance > 0) || !Double.isFinite(moveDistance)) {
            throw new IllegalArgumentException("moving filter moveDistance must be finite and > 0 m, got " + moveDistance);
        }
        if (!(staticSpeed > 0) || !Double.isFinite(staticSpeed)) {
            throw new IllegalArgumentException("moving filter staticSpeed must be finite and > 0 m/s, got " + staticSpeed);
        }
        if (!(clearFraction >= 0 && clearFraction < 1)) {
            throw new IllegalArgumentException("moving filter clearFraction must be in [0, 1), got " + clearFraction);
        }
    }

    private static void nonNegative(String name, String unit, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("moving filter " + name + " must be finite and >= 0 " + unit + ", got " + v);
        }
    }

    /**
     * @return hold margin 0.15 m, backoff 0.1 m, moving after 0.3 m of travel, static after 0.5 s without it and
     *         below 0.25 m/s (DynaBARN's slowest cruise speed is 0.5 m/s), the inner 70 % of a moving track's radius
     *         cleared, map cells settled after 2 s (a DynaBARN disc, 1 m across, at 0.5 m/s passes a cell it covered
     *         in 2 s; the cells it leaves behind are freed by the beams that then pass through them).
     */
    public static MovingFilterConfig defaults() {
        return new MovingFilterConfig(0.15, 0.1, 0.3, 0.5, 0.25, 0.7, 2.0);
    }
}
