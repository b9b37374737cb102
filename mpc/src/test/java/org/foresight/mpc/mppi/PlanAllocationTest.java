package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.Unicycle;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.path.GuidePath;
import org.junit.jupiter.api.Test;

/**
 * A planning cycle allocates nothing once warm, on the calling thread and on every worker thread: the
 * per-thread byte counters of the JVM (what JMH's gc profiler sums, plus its own bookkeeping) stay within a
 * budget far below one object per cycle over 120 cycles at the default 2000 × 56 with all eight critics.
 * On a loaded machine the JIT may not have compiled every kernel after the warm-up (interpreted Vector API
 * code allocates its vectors), so up to {@link #WINDOWS} windows of 120 cycles are measured and the least
 * must be within the budget: an allocation per cycle shows in every window.
 */
class PlanAllocationTest {
    private static final int CYCLES = 120;
    /**
     * Bytes tolerated over all {@link #CYCLES} cycles: a deoptimisation now and then re-materialises a few
     * objects the JIT had eliminated (measured: 0 in most runs, up to ~400 B). One 16-byte object per cycle
     * would already exceed it (1920 B); one per chunk per cycle would be 60 kB.
     */
    private static final long BUDGET_BYTES = 1024;
    /** Windows measured at most before the least is judged. */
    private static final int WINDOWS = 8;

    @Test
    void unicyclePlanningAllocatesNothingPerCycleOnAnyThread() {
        assertNoPerCycleAllocation(new Unicycle(), new double[] {-4, 0, 0});
    }

    @Test
    void velocityStateModelPlanningAllocatesNothingPerCycleOnAnyThread() {
        assertNoPerCycleAllocation(new JackalDiffDrive(JackalParams.defaults().withoutNoise()), new double[] {-4, 0, 0, 0.5, 0});
    }

    @Test
    void planningWithNoiseDrawnAheadAllocatesNothingPerCycleOnAnyThread() {
        assertNoPerCycleAllocation(new Unicycle(), new double[] {-4, 0, 0}, true);
    }

    /**
     * The fused float kernel, on a JDK whose Vector API compiles its lanes to registers (25; JDK 17 boxes some
     * lane operations, a known cost stated in {@link RolloutKernel#FUSED_FLOAT}): the unicycle with the critics the
     * parity benchmark fuses, and a body-frame model with the default critics.
     */
    @Test
    void fusedKernelPlanningAllocatesNothingPerCycleOnAnyThread() {
        assumeTrue(Runtime.version().feature() >= 25, "the fused kernel is allocation-free from JDK 25 on");
        MppiConfig cfg = MppiConfig.defaults().withThreads(2).withSeed(1);
        assertNoPerCycleAllocation(new MppiPlanner(new Unicycle(), cfg, CriticSet.fromNames(List.of("obstacle", "goal",
                "control_effort", "control_rate", "prefer_forward", "speed"), CriticParams.defaults()),
                RolloutKernel.FUSED_FLOAT), new double[] {-4, 0, 0}, true);
        // a body-frame model (the form of a learned linear one) with every default critic, the guide's terms included
        assertNoPerCycleAllocation(new MppiPlanner(new LaggedBodyFrame(), cfg, CriticSet.defaults(CriticParams.defaults()),
                RolloutKernel.FUSED_FLOAT), new double[] {-4, 0, 0, 0.5, 0}, true);
    }

    private static void assertNoPerCycleAllocation(DynamicsModel model, double[] state) {
        assertNoPerCycleAllocation(model, state, false);
    }

    private static void assertNoPerCycleAllocation(DynamicsModel model, double[] state, boolean ahead) {
        MppiConfig cfg = MppiConfig.defaults().withThreads(2).withSeed(1);
        assertNoPerCycleAllocation(new MppiPlanner(model, cfg, CriticSet.defaults(CriticParams.defaults())), state, ahead);
    }

    private static void assertNoPerCycleAllocation(MppiPlanner planner, double[] state, boolean ahead) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean mx && mx.isThreadAllocatedMemorySupported(),
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        try (MppiPlanner p = planner) {
            MppiConfig cfg = p.config();
            PlanRequest req = new PlanRequest(0, state, MppiPlannerTest.disc(0, 1.5), 4, 0, 0.5,
                    new GuidePath(new double[] {-4, 0, 4, 0}));
            Plan out = new Plan(cfg.horizon(), 32);
            for (int i = 0; i < 60; i++) { // warm-up: JIT, grow-only buffers, lazily loaded classes
                if (ahead) {
                    p.presampleNoise();
                }
                p.plan(req, out);
            }
            long[] helpers = p.pool().helperThreadIds();
            long[] ids = new long[helpers.length + 1];
            System.arraycopy(helpers, 0, ids, 0, helpers.length);
            ids[helpers.length] = Thread.currentThread().getId();
            long used = Long.MAX_VALUE;
            for (int w = 0; w < WINDOWS && used > BUDGET_BYTES; w++) {
                used = Math.min(used, window(p, req, out, mx, ids, CYCLES, ahead));
            }
            assertTrue(used <= BUDGET_BYTES, used + " bytes allocated over " + CYCLES + " planning cycles on " + ids.length
                    + " threads in the least of " + WINDOWS + " windows (budget " + BUDGET_BYTES
                    + " B for the JIT's own rare reallocations)");
        }
    }

    private static long window(MppiPlanner p, PlanRequest req, Plan out, com.sun.management.ThreadMXBean mx, long[] ids,
                               int cycles, boolean ahead) {
        long before = total(mx, ids);
        for (int i = 0; i < cycles; i++) {
            if (ahead) {
                p.presampleNoise();
            }
            p.plan(req, out);
        }
        return total(mx, ids) - before;
    }

    private static long total(com.sun.management.ThreadMXBean mx, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += mx.getThreadAllocatedBytes(id); // the single-id form: the long[] form allocates its result
        }
        return sum;
    }
}
