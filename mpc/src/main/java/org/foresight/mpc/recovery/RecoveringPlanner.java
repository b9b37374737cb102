package org.foresight.mpc.recovery;

import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.Planner;

/**
 * Any planner with the scripted stall recovery in front of it. An optimiser over a cost with obstacle margins
 * can settle in a pocket where every motion within its sampling noise costs more than standing still (the
 * footprint's corners would swing into the margin): it then commands almost nothing, for ever. Each cycle
 * this planner first asks its {@link StallRecovery}: while it backs up, the wrapped planner is not called;
 * when a recovery ends, the wrapped planner forgets its warm start ({@link Planner#reset()}) and plans. Same
 * name as the wrapped planner, so bench rows and logs are unchanged; {@link Plan#mode} reads "recovery" while
 * backing up. Deterministic when the wrapped planner is; not thread-safe.
 */
public final class RecoveringPlanner implements Planner {
    private final Planner inner;
    private final StallRecovery recovery;

    /**
     * @param inner      the planner to wrap (closed with this one).
     * @param config     when and how to recover.
     * @param halfLength half the footprint's length [m].
     * @param halfWidth  half the footprint's width [m].
     */
    public RecoveringPlanner(Planner inner, RecoveryConfig config, double halfLength, double halfWidth) {
        this.inner = inner;
        this.recovery = new StallRecovery(config, halfLength, halfWidth);
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
    }

    @Override
    public void plan(PlanRequest request, Plan out) {
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
