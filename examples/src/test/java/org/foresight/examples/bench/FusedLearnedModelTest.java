package org.foresight.examples.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.critic.CriticParams;
import org.foresight.mpc.critic.CriticSet;
import org.foresight.mpc.mppi.MppiConfig;
import org.foresight.mpc.mppi.MppiPlanner;
import org.foresight.mpc.mppi.RolloutKernel;
import org.foresight.dynamics.model.BodyFrameKinematics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fused kernel over a fitted learned model, {@code linear} (the default library's terms, the path the full default
 * iteration takes) and {@code physics} (the default kind of {@code fit}), on a BARN world with every default critic,
 * against the generic kernel: commands within a bound over a driven run, and no allocation per planning cycle on
 * JDK 25.
 */
class FusedLearnedModelTest {
    @ParameterizedTest
    @ValueSource(strings = {"linear", "physics"})
    void fusedCommandsStayCloseToTheGenericOnesThroughAFittedModel(String kind) {
        DynamicsModel model = BenchSetup.fit(kind);
        assertTrue(model instanceof BodyFrameKinematics, model.describe());
        PlanRequest start = BenchSetup.barnRequest(0, model.stateDim());
        MppiConfig cfg = MppiConfig.defaults().withThreads(2).withSeed(3);
        CriticSet critics = CriticSet.defaults(CriticParams.defaults());
        try (MppiPlanner generic = new MppiPlanner(model, cfg, critics, RolloutKernel.GENERIC);
             MppiPlanner fused = new MppiPlanner(model, cfg, critics, RolloutKernel.FUSED_FLOAT)) {
            double[] x = start.state().clone();
            double[] next = new double[x.length];
            Plan a = new Plan(cfg.horizon(), 0);
            Plan b = new Plan(cfg.horizon(), 0);
            double worstV = 0;
            double worstW = 0;
            for (int cycle = 0; cycle < 30; cycle++) {
                PlanRequest req = new PlanRequest(cycle * cfg.dt(), x.clone(), start.obstacles(), start.goalX(),
                        start.goalY(), start.goalTolerance(), start.guide());
                generic.plan(req, a);
                fused.plan(req, b);
                worstV = Math.max(worstV, Math.abs(a.command[0] - b.command[0]));
                worstW = Math.max(worstW, Math.abs(a.command[1] - b.command[1]));
                model.step(x, a.command, cfg.dt(), next); // both planners see the generic one's run
                System.arraycopy(next, 0, x, 0, x.length);
            }
            System.out.printf("fitted %s model, BARN world 0, fused vs generic over 30 cycles: |dv| <= %.1e m/s, "
                    + "|dw| <= %.1e rad/s%n", kind, worstV, worstW);
            assertTrue(worstV < 0.01, "cmd_v differs by " + worstV + " m/s");
            assertTrue(worstW < 0.02, "cmd_omega differs by " + worstW + " rad/s");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "physics"})
    void fusedPlanningThroughAFittedModelAllocatesNothingPerCycle(String kind) {
        assumeTrue(Runtime.version().feature() >= 25, "the fused kernel is allocation-free from JDK 25 on");
        DynamicsModel model = BenchSetup.fit(kind);
        PlanRequest req = BenchSetup.barnRequest(0, model.stateDim());
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        // one thread: the calling thread does all the work, so its counter sees every allocation
        try (MppiPlanner p = new MppiPlanner(model, MppiConfig.defaults().withThreads(1).withSeed(3),
                CriticSet.defaults(CriticParams.defaults()), RolloutKernel.FUSED_FLOAT)) {
            Plan out = new Plan(56, 0);
            long best = Long.MAX_VALUE;
            for (int window = 0; window < 6; window++) { // until compiled: the least of six windows of 100 cycles
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 100; i++) {
                    p.plan(req, out);
                }
                best = Math.min(best, mx.getCurrentThreadAllocatedBytes() - before);
            }
            assertTrue(best == 0, kind + ": fused planning allocated " + best + " B in 100 cycles");
        }
    }
}
