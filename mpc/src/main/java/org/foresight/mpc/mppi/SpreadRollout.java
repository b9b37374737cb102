package org.foresight.mpc.mppi;

import java.util.Arrays;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.EnsembleDynamics;
import org.foresight.dynamics.model.StateIndex;

/**
 * Fills the {@link RolloutBuffers#spread} channel of a block of rollouts: every member m of the ensemble is run
 * from the start state along the rollout's own commands (each member keeps its own state, PETS' "TS∞"), and the
 * spread is the root-mean-square distance of the members' positions from the pose the planner rolled out
 * through the ensemble's mean model:
 * <pre>
 *   x_m,t+1 = f_m(x_m,t, u_k,t)                 x_m,0 = x₀            m = 1 … M
 *   σ_k,t   = √( (1/M) Σ_m ‖p_m,t − p̄_k,t‖² )   p̄_k,t = the batch's pose of sample k after step t
 * </pre>
 * (about the rolled-out pose rather than the members' mean, so that σ measures how far the truth may stray
 * from the very trajectory being scored, and needs no second pass). Cost: M more rollouts of the block.
 * Members run in a fixed order and each block is filled by one worker, so the result does not depend on the
 * thread count. Per-worker scratch is allocated in the constructor; {@link #fill} allocates nothing (beyond a
 * member's own first-call work space).
 */
public final class SpreadRollout {
    private final DynamicsModel[] members;
    private final int n;
    private final double[][] scratchA;
    private final double[][] scratchB;
    private final double[][] scratchU;

    /**
     * @param model   the ensemble (its members are read once).
     * @param workers number of worker threads that may call {@link #fill}, ≥ 1.
     * @param chunk   largest block of samples per call, ≥ 1.
     */
    public SpreadRollout(EnsembleDynamics model, int workers, int chunk) {
        int m = model.memberCount();
        if (m < 1) {
            throw new IllegalArgumentException("an ensemble needs members, got " + m);
        }
        this.members = new DynamicsModel[m];
        for (int i = 0; i < m; i++) {
            members[i] = model.member(i);
        }
        this.n = model.stateDim();
        scratchA = new double[workers][n * chunk];
        scratchB = new double[workers][n * chunk];
        scratchU = new double[workers][ControlIndex.DIM * chunk];
    }

    /** @return the number of members M rolled out per block. */
    public int memberCount() {
        return members.length;
    }

    /**
     * Fills {@code b.spread} for samples [k0, k0 + cnt) of one block, whose poses and commands the planner has
     * already written (block layout, see {@link RolloutBuffers}).
     *
     * @param worker the calling worker, selects the scratch.
     * @param b      the batch: reads x, y, cmdV, cmdOmega; writes spread. {@link RolloutBuffers#enableSpread} done.
     * @param k0     first sample of the block.
     * @param cnt    samples, 1 … chunk; [k0, k0 + cnt) within one block.
     * @param x0     start state, length n. Not modified.
     * @param dt     step [s].
     */
    public void fill(int worker, RolloutBuffers b, int k0, int cnt, double[] x0, double dt) {
        final int T = b.horizon;
        final int B = RolloutBuffers.BLOCK;
        final int o0 = b.blockOffset(k0);
        final double[] sp = b.spread;
        final double[] bx = b.x;
        final double[] by = b.y;
        final double[] u = scratchU[worker];
        final int ouv = ControlIndex.V * cnt;
        final int ouw = ControlIndex.OMEGA * cnt;
        final int ox = StateIndex.X * cnt;
        final int oy = StateIndex.Y * cnt;
        for (int t = 0; t < T; t++) {
            Arrays.fill(sp, o0 + t * B, o0 + t * B + cnt, 0.0);
        }
        for (DynamicsModel member : members) {
            double[] xa = scratchA[worker];
            double[] xb = scratchB[worker];
            for (int i = 0; i < n; i++) {
                Arrays.fill(xa, i * cnt, (i + 1) * cnt, x0[i]);
            }
            for (int t = 0; t < T; t++) {
                final int o = o0 + t * B;
                System.arraycopy(b.cmdV, o, u, ouv, cnt);
                System.arraycopy(b.cmdOmega, o, u, ouw, cnt);
                member.stepBatch(xa, u, cnt, dt, xb);
                for (int j = 0; j < cnt; j++) {
                    double dx = xb[ox + j] - bx[o + j];
                    double dy = xb[oy + j] - by[o + j];
                    sp[o + j] += dx * dx + dy * dy;
                }
                double[] tmp = xa;
                xa = xb;
                xb = tmp;
            }
        }
        final double inv = 1.0 / members.length;
        for (int t = 0; t < T; t++) {
            final int o = o0 + t * B;
            for (int j = 0; j < cnt; j++) {
                sp[o + j] = Math.sqrt(sp[o + j] * inv);
            }
        }
    }
}
