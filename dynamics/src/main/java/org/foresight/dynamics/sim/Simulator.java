package org.foresight.dynamics.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.Lidar;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.World;

/**
 * The ground-truth simulator: the true Jackal in a world. Each {@link #advance} holds one command for a
 * control period, integrating the robot at the physics step, moving the moving obstacles, and checking
 * collision (every physics step), the goal and the time limit. It keeps BARN's bookkeeping: the AT
 * timer starts once the robot has moved 0.1 m from its start.
 *
 * <p>Not thread-safe; one simulator per episode. Deterministic for a given seed.
 */
public final class Simulator {
    /** Distance from the start after which BARN's timer starts [m]. */
    public static final double TIMER_START_DISTANCE = 0.1;

    private final World world;
    private final Footprint footprint;
    private final SimConfig config;
    private final Lidar lidar;
    private final RobotPhysics physics;
    private final List<MovingDisc> obstacles;
    private final List<MovingDisc> obstaclesView;
    private final double[] x;
    private final double[] scan;
    private final double[] before;
    private final java.util.random.RandomGenerator lidarNoise;
    private final Odometry odometry;
    private double time;
    private double timerStart = Double.NaN;
    private double pathLength;
    private Outcome outcome = Outcome.RUNNING;
    private String collisionWith = EpisodeResult.NONE;

    /**
     * Places the robot at the world's start pose, at rest.
     *
     * @param world     the world (its moving obstacles are copied and then moved by this simulator).
     * @param robot     the true robot (the plant), checked by {@link RobotPhysics#checkPlant}; its extra state
     *                  entries (after ω) start at 0.
     * @param footprint the robot's footprint for collision.
     * @param config    periods, timeout, seed, noise, lidar.
     * @throws IllegalArgumentException if the plant's dimensions do not fit or the start is in collision.
     */
    public Simulator(World world, DynamicsModel robot, Footprint footprint, SimConfig config) {
        this.world = world;
        this.footprint = footprint;
        this.config = config;
        this.lidar = config.lidar() == null ? null : new Lidar(config.lidar());
        this.physics = new RobotPhysics(robot, config.physicsDt(), config.substeps(), config.processNoise(),
                new SplittableRandom(config.seed()));
        this.x = new double[physics.stateDim()];
        this.obstacles = new ArrayList<>();
        for (MovingDisc o : world.movingObstacles()) {
            obstacles.add(o.copy());
        }
        this.obstaclesView = Collections.unmodifiableList(obstacles);
        x[StateIndex.X] = world.start().x();
        x[StateIndex.Y] = world.start().y();
        x[StateIndex.THETA] = Angles.wrap(world.start().theta());
        this.scan = lidar == null ? null : new double[config.lidar().beams()];
        this.before = new double[x.length];
        // Streams of their own, so that adding a sensor changes no other stream of the episode.
        this.lidarNoise = new SplittableRandom(config.seed() ^ 0x6C69646172L);
        this.odometry = config.odometry() == null ? null
                : new Odometry(config.odometry(), new SplittableRandom(config.seed() ^ 0x6F646F6DL), x);
        if (footprint.collides(world.grid(), x[StateIndex.X], x[StateIndex.Y], x[StateIndex.THETA])) {
            throw new IllegalArgumentException(world.name() + ": the start pose (" + x[0] + ", " + x[1]
                    + ") is in collision");
        }
        updateScan();
    }

    /** Simulated time since the start [s]. */
    public double time() {
        return time;
    }

    /** A copy of the measurable state (x [m], y [m], θ [rad], v [m/s], ω [rad/s]): the plant's first five entries. */
    public double[] state() {
        return java.util.Arrays.copyOf(x, StateIndex.FULL_DIM);
    }

    /** A copy of the plant's whole state, its own entries after ω included. */
    public double[] plantState() {
        return x.clone();
    }

    /** The last lidar ranges [m] (the simulator's own array; do not modify), or null without lidar. */
    public double[] scan() {
        return scan;
    }

    /** The moving obstacles as they are now (read-only view). */
    public List<MovingDisc> obstacles() {
        return obstaclesView;
    }

    /** The world. */
    public World world() {
        return world;
    }

    /** The settings. */
    public SimConfig config() {
        return config;
    }

    /** The robot's footprint. */
    public Footprint footprint() {
        return footprint;
    }

    /** How the episode stands. */
    public Outcome outcome() {
        return outcome;
    }

    /** Whether the episode has ended. */
    public boolean done() {
        return outcome != Outcome.RUNNING;
    }

    /**
     * Holds a command for one control period.
     *
     * @param cmd (cmd_v [m/s], cmd_ω [rad/s]). Not modified. Must be finite.
     * @return the outcome after this period ({@link Outcome#RUNNING} if the episode goes on).
     * @throws IllegalStateException if the episode has already ended.
     * @throws IllegalArgumentException if the command is not finite.
     * @throws PlantException if the plant fails.
     */
    public Outcome advance(double[] cmd) {
        return advance(cmd, 0, cmd);
    }

    /**
     * One control period in which the command changes at a physics step: {@code before} is held for the
     * first {@code switchAt} physics steps, {@code after} for the rest. {@code switchAt} = 0 holds
     * {@code after} throughout; {@code switchAt} = {@link SimConfig#substeps()} holds {@code before}
     * throughout.
     *
     * @param before   the command in force at the start of the period. Not modified. Must be finite.
     * @param switchAt physics steps before the switch, in [0, substeps].
     * @param after    the command from the switch on. Not modified. Must be finite.
     * @return the outcome after this period ({@link Outcome#RUNNING} if the episode goes on).
     * @throws IllegalStateException if the episode has already ended.
     * @throws IllegalArgumentException if a command is not finite or switchAt is out of range.
     * @throws PlantException if the plant fails.
     */
    public Outcome advance(double[] before, int switchAt, double[] after) {
        if (done()) {
            throw new IllegalStateException("episode already ended: " + outcome.jsonName());
        }
        checkFinite(before);
        checkFinite(after);
        if (switchAt < 0 || switchAt > config.substeps()) {
            throw new IllegalArgumentException("switchAt must be in [0, " + config.substeps() + "], got " + switchAt);
        }
        double dt = config.physicsDt();
        int substeps = config.substeps();
        double sx = world.start().x();
        double sy = world.start().y();
        for (int s = 0; s < substeps && outcome == Outcome.RUNNING; s++) {
            double px = x[StateIndex.X];
            double py = x[StateIndex.Y];
            if (odometry != null) {
                System.arraycopy(x, 0, this.before, 0, x.length);
            }
            physics.physicsStep(x, s < switchAt ? before : after);
            if (odometry != null) {
                odometry.step(this.before, x, dt);
            }
            pathLength += Math.hypot(x[StateIndex.X] - px, x[StateIndex.Y] - py);
            for (MovingDisc o : obstacles) {
                o.step(dt, world.grid());
            }
            time = (s == substeps - 1) ? Math.rint((time + dt) / dt) * dt : time + dt;
            if (Double.isNaN(timerStart)
                    && Math.hypot(x[StateIndex.X] - sx, x[StateIndex.Y] - sy) >= TIMER_START_DISTANCE) {
                timerStart = time;
            }
            if (footprint.collides(world.grid(), x[StateIndex.X], x[StateIndex.Y], x[StateIndex.THETA])) {
                outcome = Outcome.COLLISION;
                collisionWith = EpisodeResult.STATIC;
            } else if (!obstacles.isEmpty()
                    && footprint.collides(obstacles, x[StateIndex.X], x[StateIndex.Y], x[StateIndex.THETA])) {
                outcome = Outcome.COLLISION;
                collisionWith = EpisodeResult.MOVING;
            } else if (Math.hypot(x[StateIndex.X] - world.goalX(), x[StateIndex.Y] - world.goalY())
                    <= world.goalTolerance()) {
                outcome = Outcome.SUCCESS;
            } else if (time >= config.timeout() - 1e-9) {
                outcome = Outcome.TIMEOUT;
            }
        }
        updateScan();
        return outcome;
    }

    private static void checkFinite(double[] cmd) {
        if (!Double.isFinite(cmd[ControlIndex.V]) || !Double.isFinite(cmd[ControlIndex.OMEGA])) {
            throw new IllegalArgumentException("command is not finite: cmd_v = " + cmd[ControlIndex.V]
                    + " m/s, cmd_omega = " + cmd[ControlIndex.OMEGA] + " rad/s");
        }
    }

    private void updateScan() {
        if (lidar != null) {
            double th = x[StateIndex.THETA];
            double off = config.lidarOffset();
            lidar.scan(world.grid(), obstacles, x[StateIndex.X] + off * Math.cos(th), x[StateIndex.Y] + off * Math.sin(th),
                    th, scan, lidarNoise);
        }
    }

    /**
     * The robot's own estimate of its state, as its odometry reports it now (see {@link Odometry}): the
     * dead-reckoned pose and the speeds averaged since the previous call.
     *
     * @return (x̂ [m], ŷ [m], θ̂ [rad], v_m [m/s], ω_m [rad/s]), a new array.
     * @throws IllegalStateException without odometry in the config.
     */
    public double[] estimate() {
        if (odometry == null) {
            throw new IllegalStateException("the simulator keeps no odometry (SimConfig.odometry is null)");
        }
        double[] e = new double[StateIndex.FULL_DIM];
        odometry.estimate(e);
        return e;
    }

    /** BARN's result of the episode so far (score 0 unless it succeeded). */
    public EpisodeResult result() {
        double at = Double.isNaN(timerStart) ? 0.0 : time - timerStart;
        double ot = world.optimalTime();
        double score = BarnScore.score(outcome == Outcome.SUCCESS, at, ot);
        return new EpisodeResult(outcome, at, ot, score, pathLength, time, collisionWith);
    }
}
