package org.foresight.mpc.loop;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.sim.Simulator;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.Planner;
import org.junit.jupiter.api.Test;

/** Planning time charged to the robot: when commands reach the wheels, overruns, and the newest measurement. */
class LatencyLoopTest {
    private static final World WORLD = WorldLoader.loadBarn(0);

    /** Commands (0.5 + 0.1·plan, 0.2) and remembers when it was asked and what it was told. */
    static class ScriptedPlanner implements Planner {
        final List<Double> times = new ArrayList<>();
        final List<double[]> states = new ArrayList<>();

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void reset() {
            times.clear();
            states.clear();
        }

        @Override
        public void plan(PlanRequest request, Plan out) {
            out.status = PlanStatus.OK;
            out.mode = "scripted";
            out.command[ControlIndex.V] = 0.5 + 0.1 * times.size();
            out.command[ControlIndex.OMEGA] = 0.2;
            times.add(request.time());
            states.add(request.state().clone());
        }
    }

    private static EpisodeConfig config(Latency latency, double timeout) {
        EpisodeConfig c = EpisodeConfig.defaults(3).withWarmupCycles(0).withLatency(latency);
        return c.withSim(c.sim().withTimeout(timeout));
    }

    private static List<CycleRecord> run(ScriptedPlanner p, EpisodeConfig cfg, EpisodeSummary[] summary) {
        List<CycleRecord> records = new ArrayList<>();
        EpisodeRunner r = new EpisodeRunner(WORLD, p, cfg).onCycle(records::add);
        summary[0] = r.run(null);
        return records;
    }

    @Test
    void aFixedLatencyReachesTheWheelsAtTheNextPhysicsStepAfterIt() {
        // 18 ms rounds up to 20 ms = 4 physics steps of 5 ms.
        ScriptedPlanner p = new ScriptedPlanner();
        EpisodeSummary[] s = new EpisodeSummary[1];
        List<CycleRecord> rec = run(p, config(Latency.fixed(18), 0.1), s);
        Simulator twin = new Simulator(WORLD, new JackalDiffDrive(JackalParams.defaults()), EpisodeConfig.defaults(3)
                .footprint(), config(Latency.fixed(18), 0.1).sim());
        twin.advance(new double[] {0, 0}, 4, new double[] {0.5, 0.2});
        assertAll(
                () -> assertEquals(2, rec.size()),
                () -> assertArrayEquals(twin.state(), rec.get(1).state(), "first command from the 5th physics step on"),
                () -> assertEquals(20.0, rec.get(0).latencyMs(), 1e-9),
                () -> assertEquals(0, s[0].overrunCycles()),
                () -> assertEquals(List.of(0.0, 0.05), p.times, "a plan every tick"));
    }

    @Test
    void overrunningPlansSkipTicksAndStartFromTheNewestMeasurement() {
        // 130 ms per plan, 50 ms period: a plan at ticks 0, 3, 6, ...; the two ticks between are busy, and the
        // two periods each plan spans without arriving are overruns.
        ScriptedPlanner p = new ScriptedPlanner();
        EpisodeSummary[] s = new EpisodeSummary[1];
        List<CycleRecord> rec = run(p, config(Latency.fixed(130), 0.9), s);
        assertEquals(18, rec.size());
        for (int c = 0; c < rec.size(); c++) {
            CycleRecord r = rec.get(c);
            boolean plans = c % 3 == 0;
            assertEquals(plans ? "ok" : "busy", r.status(), "cycle " + c);
            assertEquals(c % 3 != 2, r.overrun(), "cycle " + c + ": overrun unless its plan arrives within it");
            assertEquals(plans, Double.isFinite(r.planMs()), "cycle " + c);
        }
        for (int i = 0; i < p.times.size(); i++) {
            assertEquals(0.15 * i, p.times.get(i), 1e-9, "plan " + i + " starts at the first tick after the last arrived");
            assertArrayEquals(rec.get(3 * i).state(), p.states.get(i), "the newest measurement, not a queued one");
        }
        assertEquals(6, s[0].planMs().length);
        assertEquals(12.0 / 18.0, s[0].overrunFraction(), 1e-12);
        assertEquals(130.0, s[0].latencyMsQuantile(0.5), 1e-9);
        // Until the first plan arrives (130 ms) the robot holds (0, 0); then the commands of the plans.
        assertArrayEquals(new double[] {0, 0}, rec.get(1).cmd());
        assertArrayEquals(new double[] {0.5, 0.2}, rec.get(2).cmd(), "arrives within cycle 2");
        assertArrayEquals(new double[] {0.5, 0.2}, rec.get(4).cmd(), "held while the next plan is in flight");
        assertArrayEquals(new double[] {0.6, 0.2}, rec.get(5).cmd());
    }

    @Test
    void aLatencyOfExactlyOnePeriodIsNoOverrun() {
        ScriptedPlanner p = new ScriptedPlanner();
        EpisodeSummary[] s = new EpisodeSummary[1];
        List<CycleRecord> rec = run(p, config(Latency.fixed(50), 0.5), s);
        assertEquals(10, p.times.size(), "a plan every tick");
        assertEquals(0, s[0].overrunCycles());
        assertArrayEquals(new double[] {0, 0}, rec.get(0).cmd(), "the first command arrives at the next tick");
        assertArrayEquals(new double[] {0.5, 0.2}, rec.get(1).cmd());
    }

    @Test
    void noneIsSynchronousAndEqualsAZeroFixedLatency() {
        EpisodeSummary[] a = new EpisodeSummary[1];
        EpisodeSummary[] b = new EpisodeSummary[1];
        List<CycleRecord> ra = run(new ScriptedPlanner(), config(Latency.none(), 1.0), a);
        List<CycleRecord> rb = run(new ScriptedPlanner(), config(Latency.fixed(0), 1.0), b);
        assertEquals(a[0].result(), b[0].result());
        for (int c = 0; c < ra.size(); c++) {
            assertArrayEquals(ra.get(c).state(), rb.get(c).state());
        }
        assertArrayEquals(new double[] {0.5, 0.2}, ra.get(0).cmd(), "applied from the start of its own cycle");
        assertEquals(0.0, a[0].overrunFraction());
    }

    @Test
    void measuredLatencyChargesWallClockTime() {
        // A planner that takes about 120 ms: most periods overrun.
        ScriptedPlanner slow = new ScriptedPlanner() {
            @Override
            public void plan(PlanRequest request, Plan out) {
                long end = System.nanoTime() + 120_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                super.plan(request, out);
            }
        };
        EpisodeSummary[] s = new EpisodeSummary[1];
        run(slow, config(Latency.measured(), 1.0), s);
        assertTrue(s[0].overrunFraction() >= 0.5, "overrun fraction " + s[0].overrunFraction());
        assertTrue(s[0].latencyMsQuantile(0.5) >= 120.0, "latency " + s[0].latencyMsQuantile(0.5));
        EpisodeSummary[] none = new EpisodeSummary[1];
        run(slow, config(Latency.none(), 0.5), none);
        assertEquals(0.0, none[0].overrunFraction(), "the synchronous loop never overruns");
    }

    @Test
    void latencySpecsParse() {
        assertEquals(Latency.measured(), Latency.parse("measured"));
        assertEquals(new Latency(Latency.Kind.MEASURED, 30), Latency.parse("measured+30"));
        assertEquals(37.5, Latency.parse("measured+30").chargedMs(7.5), 0.0);
        assertEquals("measured+30 ms", Latency.parse("measured+30").label());
        assertThrows(IllegalArgumentException.class, () -> Latency.parse("measured+soon"));
        assertThrows(IllegalArgumentException.class, () -> Latency.parse("measured+-5"));
        assertEquals(Latency.none(), Latency.parse("NONE"));
        assertEquals(Latency.fixed(20), Latency.parse("20"));
        assertEquals(4, Latency.fixed(20).chargedSteps(999, 0.005));
        assertEquals(5, Latency.fixed(20.5).chargedSteps(0, 0.005));
        assertEquals("20 ms", Latency.fixed(20).label());
        assertThrows(IllegalArgumentException.class, () -> Latency.parse("-3"));
        assertThrows(IllegalArgumentException.class, () -> Latency.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> Latency.parse("NaN"));
    }
}
