package org.foresight.mpc.mppi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
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
 * per-thread byte counters of the JVM (what JMH's gc profiler sums, plus its own bookkeeping) must not move
 * over 30 cycles at the default 2000 × 56 with all eight critics.
 */
class PlanAllocationTest {

    @Test
    void unicyclePlanningAllocatesNothingOnAnyThread() {
        assertZeroAllocation(new Unicycle(), new double[] {-4, 0, 0});
    }

    @Test
    void velocityStateModelPlanningAllocatesNothingOnAnyThread() {
        assertZeroAllocation(new JackalDiffDrive(JackalParams.defaults().withoutNoise()), new double[] {-4, 0, 0, 0.5, 0});
    }

    private static void assertZeroAllocation(DynamicsModel model, double[] state) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean mx && mx.isThreadAllocatedMemorySupported(),
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        MppiConfig cfg = MppiConfig.defaults().withThreads(2).withSeed(1);
        try (MppiPlanner p = new MppiPlanner(model, cfg, CriticSet.defaults(CriticParams.defaults()))) {
            PlanRequest req = new PlanRequest(0, state, MppiPlannerTest.disc(0, 1.5), 4, 0, 0.5,
                    new GuidePath(new double[] {-4, 0, 4, 0}));
            Plan out = new Plan(cfg.horizon(), 32);
            for (int i = 0; i < 40; i++) { // warm-up: JIT, grow-only buffers, lazily loaded classes
                p.plan(req, out);
            }
            long[] helpers = p.pool().helperThreadIds();
            long[] ids = new long[helpers.length + 1];
            System.arraycopy(helpers, 0, ids, 0, helpers.length);
            ids[helpers.length] = Thread.currentThread().getId();
            long before = total(mx, ids);
            for (int i = 0; i < 30; i++) {
                p.plan(req, out);
            }
            long used = total(mx, ids) - before;
            assertEquals(0, used, "bytes allocated over 30 planning cycles on " + ids.length + " threads");
        }
    }

    private static long total(com.sun.management.ThreadMXBean mx, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += mx.getThreadAllocatedBytes(id); // the single-id form: the long[] form allocates its result
        }
        return sum;
    }
}
