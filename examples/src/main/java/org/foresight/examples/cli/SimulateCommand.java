package org.foresight.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.foresight.dynamics.log.CycleRecord;
import org.foresight.dynamics.log.RunLogWriter;
import org.foresight.dynamics.sim.EpisodeResult;
import org.foresight.dynamics.sim.SimConfig;
import org.foresight.dynamics.sim.Simulator;
import org.foresight.dynamics.world.Footprint;
import org.foresight.dynamics.world.LidarConfig;
import org.foresight.dynamics.world.MovingDisc;
import org.foresight.dynamics.world.MovingObstacle;
import org.foresight.dynamics.world.World;
import org.foresight.mpc.loop.EpisodeSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code foresight simulate}: drive the true Jackal with a simple controller and write a run directory. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Drive the simulated Jackal through a world with a simple, map-free controller and write the run. " +
                    "Ends at the goal, on collision or at the timeout; writes trajectory.csv, result.json, ... in --out.")
public final class SimulateCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    WorldOptions worldOptions = new WorldOptions();

    @picocli.CommandLine.Mixin
    PlantOptions plantOptions = new PlantOptions();

    @Option(names = "--controller", defaultValue = "straight",
            description = "straight (constant speed ahead) or pursuit (pure pursuit along the reference path, blind to obstacles). Default: ${DEFAULT-VALUE}.")
    String controller;

    @Option(names = "--speed", defaultValue = "1.0", description = "Commanded forward speed [m/s]. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--out", required = true, description = "Run directory to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of process and lidar noise. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--timeout", defaultValue = "100", description = "Episode time limit [s]. Default: ${DEFAULT-VALUE}.")
    double timeout;

    @picocli.CommandLine.Mixin
    PlantChangeOptions plantChangeOptions = new PlantChangeOptions();

    @Option(names = "--lidar", description = "Simulate and log the 2D lidar (720 beams, 270°, 30 m).")
    boolean lidar;

    @Option(names = "--moving-obstacles", defaultValue = "0", description = "Number of moving discs to add. Default: ${DEFAULT-VALUE}.")
    int movingObstacles;

    @Override
    public Integer call() {
        if (!controller.equals("straight") && !controller.equals("pursuit")) {
            throw new IllegalArgumentException("--controller " + controller + ": expected straight or pursuit");
        }
        if (!(speed > -2.0 && speed <= 2.0)) {
            throw new IllegalArgumentException("--speed " + speed + ": expected a value in (-2, 2] m/s");
        }
        if (movingObstacles < 0) {
            throw new IllegalArgumentException("--moving-obstacles must be ≥ 0, got " + movingObstacles);
        }
        World w = worldOptions.load();
        if (movingObstacles > 0) {
            w = w.withMovingObstacles(MovingObstacle.random(w, movingObstacles, seed));
        }
        SimConfig cfg = SimConfig.defaults(seed).withTimeout(timeout).withLidar(lidar ? LidarConfig.DEFAULT : null);
        var changes = PlantChangeOptions.parse(plantChangeOptions.changes, plantOptions, timeout);
        org.foresight.mpc.loop.SwitchedPlant plant = new org.foresight.mpc.loop.SwitchedPlant(plantOptions.plant(),
                PlantChangeOptions.plantChanges(changes));
        Simulator sim = new Simulator(w, plant, Footprint.JACKAL, cfg);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("command", "simulate");
        meta.put("controller", controller);
        meta.put("speed_m_per_s", speed);
        meta.put("seed", seed);
        meta.put("plant", plantOptions.describe());
        meta.put("plant_changes", PlantChangeOptions.describe(changes));
        double[] cmd = new double[2];
        try (RunLogWriter log = RunLogWriter.create(out, w, Footprint.JACKAL, cfg.lidar(), cfg.lidarOffset(), meta)) {
            int cycle = 0;
            while (!sim.done()) {
                plant.advanceTo(sim.time());
                double[] x = sim.state();
                if (controller.equals("straight")) {
                    cmd[0] = speed;
                    cmd[1] = 0.0;
                } else {
                    PurePursuit.command(w.referencePath(), x, speed, 1.0, cmd);
                }
                double[] scan = sim.scan() == null ? null : sim.scan().clone();
                List<MovingDisc> obs = sim.obstacles().stream().map(MovingDisc::copy).toList();
                log.cycle(new CycleRecord(cycle++, sim.time(), x, cmd.clone(), 0.0, controller, "ok", new double[0],
                        new double[0][], new double[0], scan, obs));
                sim.advance(cmd);
            }
            EpisodeResult r = sim.result();
            Map<String, Object> res = new EpisodeSummary(w.name(), r, new double[cycle], new double[cycle], cycle, 0, 0, "ok", "none")
                    .toResultJson(); // no planner: 0 ms per cycle, synchronous
            log.finish(res);
            System.out.printf("%s: %s after %.2f s (AT %.2f s, OT %.2f s, score %.3f, path %.2f m); run written to %s%n",
                    w.name(), r.outcome().jsonName(), r.simTime(), r.time(), r.optimalTime(), r.score(), r.pathLength(), out);
        }
        return 0;
    }
}
