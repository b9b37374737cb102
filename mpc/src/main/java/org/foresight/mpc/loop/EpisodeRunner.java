package org.foresight.mpc.loop;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.log.RunLogWriter;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.sim.Simulator;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.World;
import org.foresight.mpc.Plan;
import org.foresight.mpc.PlanRequest;
import org.foresight.mpc.PlanStatus;
import org.foresight.mpc.Planner;
import org.foresight.mpc.path.GuidePath;

/**
 * Runs one closed-loop episode: the true Jackal in the {@link Simulator}, a {@link Planner} asked once per
 * control period, the guide path re-planned with A* on the inflated grid every
 * {@link EpisodeConfig#replanPeriod()} seconds, and (optionally) every cycle written to a run directory
 * through {@link RunLogWriter}: state, command, planning time, mode, status, the plan and the heaviest
 * rollouts.
 *
 * <p><b>Planning time is charged to the robot</b> ({@link EpisodeConfig#latency()}): the command planned from
 * the measurement at tick t_k reaches the wheels at t_k + L (rounded up to the physics step), the previous
 * command holding until then. While a plan is in flight the planner is busy: ticks pass without a new plan
 * (logged with status {@code busy}); a cycle that ends with the plan still in flight is an overrun. The next
 * plan starts at the first tick at or after the late command arrived, from that tick's measurement, never
 * from a queue of stale ones. With {@link Latency#none()} the loop is synchronous (L = 0).
 *
 * <p>The plant is {@link EpisodeConfig#plant()}: any model whose state begins x, y, θ, v, ω; the planner is
 * given those five entries (the measurement), never the plant's own extra state.
 *
 * <p>Before the first cycle the planner is warmed up ({@link EpisodeConfig#warmupCycles()} plans on the start
 * state, discarded) and reset, so the logged planning times are those of JIT-compiled code; the episode does
 * not depend on it.
 *
 * <p>The planner never crashes the run: a stop status is logged and (0, 0) commanded.
 */
public final class EpisodeRunner {
    /** Progress below which, over {@link EpisodeConfig#stuckTime()}, the robot counts as stuck [m]. */
    public static final double STUCK_DISTANCE = 0.15;
    /** The longest planner horizon an episode can log [steps]. */
    public static final int MAX_HORIZON = 512;
    /** How long a wide guide is kept after the robot was found stuck [s]. */
    public static final double WIDE_HOLD = 5.0;

    private final World world;
    private final Planner planner;
    private final EpisodeConfig config;
    private Consumer<CycleRecord> listener;
    private ModelUpdate modelUpdate;
    private List<PlantChange> plantChanges = List.of();

    /**
     * @param world   the world (with {@code --perception map} the planner sees its exact static map).
     * @param planner the planner; {@link Planner#reset()} is called at the start of {@link #run}.
     * @param config  episode settings.
     */
    public EpisodeRunner(World world, Planner planner, EpisodeConfig config) {
        this.world = world;
        this.planner = planner;
        this.config = config;
    }

    /**
     * Receives every cycle record as it is made (e.g. a live view). Called on the episode's thread.
     *
     * @param l the listener, or null.
     * @return this.
     */
    public EpisodeRunner onCycle(Consumer<CycleRecord> l) {
        this.listener = l;
        return this;
    }

    /**
     * Is told every control period, between plans, what the robot measured and which command it held (see
     * {@link ModelUpdate}): online adaptation, or an oracle model that follows {@link #changePlant}.
     *
     * @param u the update, or null.
     * @return this.
     */
    public EpisodeRunner updateModel(ModelUpdate u) {
        this.modelUpdate = u;
        return this;
    }

    /**
     * Changes the simulated robot during every following {@link #run} (see {@link PlantChange}): a fresh
     * {@link SwitchedPlant} per episode, changed at the first control tick at or after each change's time.
     *
     * @param changes the changes (empty: none). Copied.
     * @return this.
     */
    public EpisodeRunner changePlant(List<PlantChange> changes) {
        this.plantChanges = List.copyOf(changes);
        return this;
    }

    /**
     * Runs the episode to success, collision or timeout.
     *
     * @param log where to write the run (finished, with result.json, when this returns), or null.
     * @return the summary; its {@link EpisodeSummary#toResultJson()} is what result.json holds.
     */
    public EpisodeSummary run(RunLogWriter log) {
        planner.reset();
        SwitchedPlant switched = plantChanges.isEmpty() ? null : new SwitchedPlant(config.plant(), plantChanges);
        Simulator sim = new Simulator(world, switched == null ? config.plant() : switched, config.footprint(),
                config.sim());
        EpisodeKnowledge known = new EpisodeKnowledge(world, config);
        Plan plan = new Plan(MAX_HORIZON, config.recordRollouts());
        warmUp(sim, known, plan);
        int substeps = config.sim().substeps();
        double physicsDt = config.sim().physicsDt();
        Latency latency = config.latency();
        double[] times = new double[1024];
        double[] latencies = new double[1024];
        double[] perceptionTimes = new double[1024];
        int plans = 0;
        int cycle = 0;
        int stops = 0;
        int overruns = 0;
        double minClearance = Double.POSITIVE_INFINITY;
        String lastStatus = "ok";
        String lastMode = planner.name();
        double wideUntil = -1;
        GuidePath loggedGuide = null; // the guide last written to the run log
        boolean newGuide = false;
        int stuckCycles = Math.max(1, (int) Math.round(config.stuckTime() / config.sim().controlDt()));
        double[] histX = new double[stuckCycles];
        double[] histY = new double[stuckCycles];
        boolean wantsLog = log != null || listener != null;
        // The command at the wheels, and the one on its way (computed, not yet arrived at step `arrival`).
        double[] applied = new double[2];
        double[] pending = new double[2];
        long arrival = -1;
        // The command the wheels held over the last period, averaged over its physics steps (for modelUpdate).
        double[] held = null;
        while (!sim.done()) {
            double t = sim.time();
            if (switched != null) {
                switched.advanceTo(t);
            }
            double[] x = known.sense(sim);
            if (modelUpdate != null) {
                modelUpdate.cycle(t, x, held);
            }
            if (cycle == perceptionTimes.length) {
                perceptionTimes = Arrays.copyOf(perceptionTimes, 2 * cycle);
            }
            perceptionTimes[cycle] = known.perceptionMs();
            long tick = (long) cycle * substeps;
            if (arrival >= 0 && arrival <= tick) {
                System.arraycopy(pending, 0, applied, 0, 2);
                arrival = -1;
            }
            // Stuck: hardly moved over the last stuckTime ⇒ lead around with a wider guide for a while.
            int slot = cycle % stuckCycles;
            boolean stuck = false;
            if (cycle >= stuckCycles && t >= wideUntil
                    && Math.hypot(x[StateIndex.X] - histX[slot], x[StateIndex.Y] - histY[slot]) < STUCK_DISTANCE) {
                wideUntil = t + WIDE_HOLD;
                stuck = true;
            }
            histX[slot] = x[StateIndex.X];
            histY[slot] = x[StateIndex.Y];
            double ms = Double.NaN;
            double latencyMs = Double.NaN;
            String status = "busy";
            if (arrival < 0) {
                // The planner is free: plan from the newest measurement.
                GuidePath guide = known.guide(t, x, t < wideUntil, stuck);
                if (guide != loggedGuide) {
                    loggedGuide = guide;
                    newGuide = guide != null;
                }
                perceptionTimes[cycle] = known.perceptionMs();
                PlanRequest req = new PlanRequest(t, x, known.field(), world.goalX(), world.goalY(),
                        world.goalTolerance(), guide, known.movers(sim));
                long t0 = System.nanoTime();
                if (known.noPath()) {
                    plan.stop(PlanStatus.NO_PATH); // wait: new scans may open a way; the guide is re-planned
                } else {
                    planner.plan(req, plan);
                }
                ms = (System.nanoTime() - t0) * 1e-6;
                if (plans == times.length) {
                    times = Arrays.copyOf(times, 2 * plans);
                    latencies = Arrays.copyOf(latencies, 2 * plans);
                }
                // The loop's whole computation reaches the wheels late: this cycle's perception (map, guide) and the plan.
                long delay = latency.chargedSteps(ms + perceptionTimes[cycle], physicsDt);
                latencyMs = delay * physicsDt * 1e3;
                times[plans] = ms;
                latencies[plans] = latencyMs;
                plans++;
                pending[0] = plan.command[ControlIndex.V];
                pending[1] = plan.command[ControlIndex.OMEGA];
                if (!Double.isFinite(pending[0]) || !Double.isFinite(pending[1])) {
                    pending[0] = 0;
                    pending[1] = 0; // planners report NaN via status; never pass it to the simulator
                }
                arrival = tick + delay;
                if (plan.status.isStop()) {
                    stops++;
                }
                status = plan.status.label();
                lastStatus = status;
                lastMode = plan.mode.isEmpty() ? planner.name() : plan.mode;
            }
            // This period: the applied command until the pending one arrives (if it arrives within the period).
            boolean arrives = arrival >= 0 && arrival < tick + substeps;
            int switchAt = arrives ? (int) (arrival - tick) : substeps;
            double[] after = arrives ? pending : applied;
            boolean overrun = arrival >= 0 && arrival > tick + substeps;
            if (overrun) {
                overruns++;
            }
            minClearance = Math.min(minClearance, clearance(sim.state()));
            if (wantsLog) {
                double[] scan = sim.scan() == null ? null : sim.scan().clone();
                double[] truth = sim.state();
                List<MovingDisc> obs = sim.obstacles().isEmpty() ? List.of()
                        : sim.obstacles().stream().map(MovingDisc::copy).toList();
                CycleRecord rec = new CycleRecord(cycle, t, truth, after.clone(), ms, lastMode, status, plan.planXYCopy(),
                        plan.rolloutsCopy(), plan.rolloutWeightsCopy(), scan, obs, latencyMs, overrun,
                        known.estimates() ? x.clone() : null, known.snapshot(cycle), known.movers(sim).toRows(),
                        newGuide ? loggedGuide.xy() : null);
                newGuide = false;
                if (log != null) {
                    log.cycle(rec);
                }
                if (listener != null) {
                    listener.accept(rec);
                }
            }
            if (modelUpdate != null) {
                if (held == null) {
                    held = new double[2];
                }
                for (int i = 0; i < 2; i++) {
                    held[i] = (switchAt * applied[i] + (substeps - switchAt) * after[i]) / substeps;
                }
            }
            sim.advance(applied, switchAt, after);
            if (arrives) {
                System.arraycopy(pending, 0, applied, 0, 2);
                arrival = -1;
            }
            cycle++;
        }
        EpisodeSummary summary = new EpisodeSummary(world.name(), sim.result(), Arrays.copyOf(times, plans),
                Arrays.copyOf(latencies, plans), cycle, overruns, stops, lastStatus, latency.label(),
                Arrays.copyOf(perceptionTimes, cycle), config.sensing().label(), minClearance);
        if (log != null) {
            log.finish(summary.toResultJson());
        }
        return summary;
    }

    /**
     * True clearance of the footprint, approximated by three circles of radius width/2 along its length, to the
     * world's static obstacles [m] (negative in contact). Once per cycle, a few SDF lookups.
     */
    private double clearance(double[] truth) {
        double r = 0.5 * config.footprint().width();
        double reach = Math.max(0.0, 0.5 * config.footprint().length() - r);
        double c = Math.cos(truth[StateIndex.THETA]);
        double s = Math.sin(truth[StateIndex.THETA]);
        double best = Double.POSITIVE_INFINITY;
        for (int i = -1; i <= 1; i++) {
            best = Math.min(best, world.sdf().distance(truth[StateIndex.X] + i * reach * c,
                    truth[StateIndex.Y] + i * reach * s) - r);
        }
        return best;
    }

    /**
     * Plans {@link EpisodeConfig#warmupCycles()} times on the start state (with the first scan seen), then resets
     * the planner and forgets the map, so the episode is the same with or without the warm-up.
     */
    private void warmUp(Simulator sim, EpisodeKnowledge known, Plan plan) {
        if (config.warmupCycles() == 0) {
            return;
        }
        double[] x = sim.state(); // at t = 0 the odometry estimate is the true start
        if (config.sensing().perception() == Sensing.Perception.LIDAR) {
            known.warmUpScan(sim, x);
        }
        GuidePath guide = known.guide(sim.time(), x, false, true);
        PlanRequest req = new PlanRequest(sim.time(), x, known.field(), world.goalX(), world.goalY(),
                world.goalTolerance(), guide, known.movers(sim));
        for (int i = 0; i < config.warmupCycles(); i++) {
            planner.plan(req, plan);
        }
        planner.reset();
        known.reset();
    }
}
