package org.foresight.mpc.recovery;

import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.Planner;
import org.foresight.mpc.perception.MovingDiscs;

/**
 * Any planner with the scripted stall recovery in front of it. An optimiser over a cost with obstacle margins
 * can settle in a pocket where every motion within its sampling noise costs more than standing still (the
 * footprint's corners would swing into the margin): it then commands almost nothing, for ever. Each cycle
 * this planner first asks its {@link StallRecovery}: while it backs up, the wrapped planner is not called;
 * when a recovery ends, the wrapped planner forgets its warm start ({@link Planner#reset()}) and plans. Same
 * name as the wrapped planner, so bench rows and logs are unchanged; {@link Plan#mode} reads "recovery" while
 * backing up.
 *
 * <p><b>Start hold.</b> In a world with moving obstacles ({@link PlanRequest#movers()} is not
 * {@link MovingDiscs#NONE}) the robot first stands still for {@link RecoveryConfig#startHold()} seconds from its first
 * plan request: (0, 0) is commanded, {@link Plan#mode} reads "hold", neither the wrapped planner nor the stall
 * check is asked. The tracker's first tracks settle meanwhile (a track is reported after 3 scans, its velocity
 * later), and the discs that start next to the robot move off; on DynaBARN the robot starts 1 m from the heap of
 * discs on the open side, and most of the collisions within the first 1.5 s were with discs leaving it.
 *
 * <p>Deterministic when the wrapped planner is; not thread-safe.
 */
public final class RecoveringPlanner implements Planner {
    private final Planner inner;
    private final StallRecovery recovery;
    private final double startHold;
    /** Time of the first plan request since the last reset [s], NaN before it. */
    private double firstTime = Double.NaN;

    /**
     * @param inner      the planner to wrap (closed with this one).
     * @param config     when and how to recover.
     * @param halfLength half the footprint's length [m].
     * @param halfWidth  half the footprint's width [m].
     */
    public RecoveringPlanner(Planner inner, RecoveryConfig config, double halfLength, double halfWidth) {
        this.inner = inner;
        this.recovery = new StallRecovery(config, halfLength, halfWidth);
        this.startHold = config.startHold();
    }

    /** @return the wrapped planner's name. */
    @Override
    public String name() {
        return inner.name();
    }

    /** @return the planner behind the recovery. */
    public Planner inner() {
        return inner;
    }

    /** @return how many recoveries began since the last {@link #reset()}. */
    public int recoveries() {
        return recovery.recoveries();
    }

    @Override
    public void reset() {
        inner.reset();
        recovery.reset();
        firstTime = Double.NaN;
    }

    @Override
    public void plan(PlanRequest request, Plan out) {
        if (Double.isNaN(firstTime)) {
            firstTime = request.time();
        }
        if (request.movers() != MovingDiscs.NONE && request.time() - firstTime < startHold) {
            out.fixedCommand(0.0, 0.0, "hold"); // the start hold
            return;
        }
        StallRecovery.Outcome o = recovery.step(request, out);
        if (o == StallRecovery.Outcome.BACKING) {
            return;
        }
        if (o == StallRecovery.Outcome.ENDED) {
            inner.reset();
        }
        inner.plan(request, out);
    }

    @Override
    public void close() {
        inner.close();
    }
}
