package org.foresight.viz;

import java.util.List;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.log.MapSnapshot;
import org.foresight.dynamics.world.MovingDisc;

/**
 * A cycle copied into compact form on the thread that produced it, so that the producer may reuse
 * its arrays and the JavaFX thread only appends ({@link ReplayData#append(CycleSnapshot)}).
 */
final class CycleSnapshot {
    private static final float[] NO_FLOATS = new float[0];
    private static final double[] NO_DOUBLES = new double[0];

    final double t;
    final double[] state;
    final double[] cmd;
    final double planMs;
    final double latencyMs;
    final boolean overrun;
    final String mode;
    final String status;
    final float[] plan;
    final float[] guide;
    final float[][] rollouts;
    final float[] weights;
    final float[] scan;
    final double[] obstacles;
    final double[] tracks;
    final double[] estimate;
    final MapSnapshot knownMap;

    private CycleSnapshot(CycleRecord r) {
        this.t = r.t();
        this.state = r.state().clone();
        this.cmd = r.cmd().clone();
        this.planMs = r.planMs();
        this.latencyMs = r.latencyMs();
        this.overrun = r.overrun();
        this.mode = r.mode();
        this.status = r.status();
        this.plan = toFloat(r.planXY());
        this.guide = r.guideXY() == null ? null : toFloat(r.guideXY());
        double[][] ro = r.rolloutsXY();
        this.rollouts = new float[ro == null ? 0 : ro.length][];
        for (int k = 0; k < rollouts.length; k++) {
            rollouts[k] = toFloat(ro[k]);
        }
        this.weights = toFloat(r.rolloutWeights());
        this.scan = r.scan() == null ? null : toFloat(r.scan());
        List<? extends MovingDisc> obs = r.obstacles();
        int m = obs == null ? 0 : obs.size();
        this.obstacles = new double[3 * m];
        for (int i = 0; i < m; i++) {
            MovingDisc o = obs.get(i);
            obstacles[3 * i] = o.x();
            obstacles[3 * i + 1] = o.y();
            obstacles[3 * i + 2] = o.radius();
        }
        this.tracks = r.tracks() == null ? NO_DOUBLES : r.tracks().clone();
        this.estimate = r.estimate() == null ? null : r.estimate().clone();
        // a snapshot is made for the log and not changed afterwards; its cell array is shared, not copied
        this.knownMap = r.knownMap();
    }

    static CycleSnapshot of(CycleRecord r) {
        return new CycleSnapshot(r);
    }

    private static float[] toFloat(double[] a) {
        if (a == null) {
            return NO_FLOATS;
        }
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
