package org.foresight.viz;

import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.log.MapSnapshot;

/**
 * The per-cycle geometry of a live run as it grows ({@link ReplayData#live}): plans, guides, rollouts and their
 * weights, scans, moving obstacles, tracks, state estimates and the snapshots of the robot's own map, in the
 * compact form of {@link CycleSnapshot}. A recorded run reads the same from its {@code RunLog} instead. Not
 * thread-safe: appended to on the JavaFX thread only.
 */
final class LiveGeometry {
    private final List<float[]> plans = new ArrayList<>();
    /** Per cycle the guide in force (shared arrays), or null entries before the first. */
    private final List<float[]> guides = new ArrayList<>();
    private final List<float[][]> rollouts = new ArrayList<>();
    private final List<float[]> weights = new ArrayList<>();
    private final List<float[]> scans = new ArrayList<>();
    private final List<double[]> obstacles = new ArrayList<>();
    private final List<double[]> tracks = new ArrayList<>();
    private final List<double[]> estimates = new ArrayList<>();
    /** Cycles that carry a map snapshot, ascending, and the snapshots. */
    private final List<Integer> mapCycles = new ArrayList<>();
    private final List<MapSnapshot> maps = new ArrayList<>();
    private boolean hasEstimates;

    /**
     * Adds cycle {@code c} (the next one).
     *
     * @param c the cycle's index.
     * @param s the cycle. Its arrays are kept, not copied.
     */
    void add(int c, CycleSnapshot s) {
        plans.add(s.plan);
        guides.add(s.guide != null ? s.guide : guides.isEmpty() ? null : guides.get(guides.size() - 1));
        rollouts.add(s.rollouts);
        weights.add(s.weights);
        scans.add(s.scan);
        obstacles.add(s.obstacles);
        tracks.add(s.tracks);
        estimates.add(s.estimate);
        hasEstimates |= s.estimate != null;
        if (s.knownMap != null) {
            mapCycles.add(c);
            maps.add(s.knownMap);
        }
    }

    /** See {@link ReplayData#plan}; null when the cycle had none. */
    float[] plan(int c) {
        return plans.get(c);
    }

    /** See {@link ReplayData#guide}. */
    float[] guide(int c) {
        return guides.get(c);
    }

    /** See {@link ReplayData#rollouts}; null when the cycle had none. */
    float[][] rollouts(int c) {
        return rollouts.get(c);
    }

    /** See {@link ReplayData#rolloutWeights}; null when the cycle had none. */
    float[] weights(int c) {
        return weights.get(c);
    }

    /** See {@link ReplayData#scan}. */
    float[] scan(int c) {
        return scans.get(c);
    }

    /** See {@link ReplayData#obstacles}; null when the cycle had none. */
    double[] obstacles(int c) {
        return obstacles.get(c);
    }

    /** See {@link ReplayData#tracks}; null when the cycle had none. */
    double[] tracks(int c) {
        return tracks.get(c);
    }

    /** See {@link ReplayData#estimate}. */
    double[] estimate(int c) {
        return estimates.get(c);
    }

    /** See {@link ReplayData#hasEstimates}. */
    boolean hasEstimates() {
        return hasEstimates;
    }

    /** See {@link ReplayData#hasKnownMap}. */
    boolean hasKnownMap() {
        return !maps.isEmpty();
    }

    /** See {@link ReplayData#knownMapAt}: the latest snapshot at or before cycle c, or null. */
    MapSnapshot knownMapAt(int c) {
        int lo = 0;
        int hi = mapCycles.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (mapCycles.get(mid) <= c) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : maps.get(found);
    }
}
