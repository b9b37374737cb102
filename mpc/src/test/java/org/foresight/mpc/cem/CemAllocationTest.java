package org.foresight.mpc.cem;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.junit.jupiter.api.Test;

/**
 * A CEM planning cycle allocates nothing once warm, on the calling thread and on every worker thread (the
 * JVM's per-thread byte counters, as in mpc's {@code PlanAllocationTest}), at the default 500 × 4 × 56 with
 * all eight critics.
 */
class CemAllocationTest {
    private static final int CYCLES = 60;
    /**
     * Bytes tolerated over all {@link #CYCLES} cycles: the JIT's rare deoptimisations re-materialise a few
     * objects (MPPI's test measured up to ~400 B). One 16-byte object per cycle would already exceed it.
     */
    private static final long BUDGET_BYTES = 900;

    @Test
    void unicyclePlanningAllocatesNothingPerCycleOnAnyThread() {
        assertNoPerCycleAllocation(new Unicycle(), new double[] {-4, 0, 0});
    }

    @Test
    void velocityStateModelPlanningAllocatesNothingPerCycleOnAnyThread() {
        assertNoPerCycleAllocation(new JackalDiffDrive(JackalParams.defaults().withoutNoise()),
                new double[] {-4, 0, 0, 0.5, 0});
    }

    private static void assertNoPerCycleAllocation(DynamicsModel model, double[] state) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean mx && mx.isThreadAllocatedMemorySupported(),
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        CemConfig cfg = CemConfig.defaults().withThreads(2).withSeed(1);
        // The pool's helper threads are the threads that appear while the planner is built (WorkerPool's own
        // id accessor is package-private to mppi).
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        try (CemPlanner p = new CemPlanner(model, cfg, CriticSet.defaults(CriticParams.defaults()))) {
            Set<Thread> helpers = new HashSet<>(Thread.getAllStackTraces().keySet());
            helpers.removeAll(before);
            long[] ids = new long[helpers.size() + 1];
            int i = 0;
            for (Thread t : helpers) {
                ids[i++] = t.getId();
            }
            ids[i] = Thread.currentThread().getId();
            assertTrue(ids.length >= 2, "the planner's worker thread was found");
            PlanRequest req = CemPlannerTest.request(0, state, CemPlannerTest.disc(0, 1.5));
            Plan out = new Plan(cfg.horizon(), 32);
            for (int c = 0; c < 40; c++) { // warm-up: JIT, lazily loaded classes
                p.plan(req, out);
            }
            assertTrue(out.status == PlanStatus.OK && out.rolloutCount == 32);
            long start = total(mx, ids);
            for (int c = 0; c < CYCLES; c++) {
                p.plan(req, out);
            }
            long used = total(mx, ids) - start;
            assertTrue(used <= BUDGET_BYTES, used + " bytes allocated over " + CYCLES + " planning cycles on "
                    + ids.length + " threads (budget " + BUDGET_BYTES + " B for the JIT's own rare reallocations)");
        }
    }

    private static long total(com.sun.management.ThreadMXBean mx, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += Math.max(0, mx.getThreadAllocatedBytes(id)); // the single-id form: the long[] form allocates
        }
        return sum;
    }
}
