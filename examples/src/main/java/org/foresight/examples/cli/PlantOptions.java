package org.foresight.examples.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.Integrator;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.JackalParams;
import org.foresight.dynamics.model.RobotPresets;
import org.foresight.dynamics.sim.RobotPhysics;
import picocli.CommandLine.Option;

/**
 * Which robot is simulated (the plant), shared by {@code collect}, {@code simulate}, {@code navigate} and
 * {@code bench} as a picocli {@code @Mixin}: {@code --robot} (a preset of the Jackal and/or parameter
 * overrides), or {@code --plant class:NAME} (any {@link DynamicsModel} class), plus {@code --classpath} for
 * user classes (also used by {@code --model class:NAME}).
 */
public final class PlantOptions {
    @Option(names = "--robot", paramLabel = "NAME|KEY=VAL,...",
            description = "The simulated Jackal: a preset (default, moderate, extreme, slow-actuators, sluggish), " +
                    "parameter overrides, or both, e.g. extreme or sluggish,tauV=0.2 or tauV=0.2,yawSlip=0.3. Keys: " +
                    "tauV, tauOmega [s] (speed and yaw-rate lags); maxV [m/s], maxOmega [rad/s] (limits); " +
                    "maxAccel [m/s^2], maxAlpha [rad/s^2] (acceleration limits); yawSlip, longSlip (0..0.5, 0..1); " +
                    "lateralSlip [s]; noiseV [m/s/sqrt(s)], noiseOmega [rad/s/sqrt(s)]; integrator (RK4, EULER, ...). " +
                    "Default: default.")
    String robot;

    @Option(names = "--plant", paramLabel = "class:NAME",
            description = "Simulate your own robot instead: a DynamicsModel class with a public no-argument " +
                    "constructor whose state begins x, y, theta, v, omega (what odometry measures); further " +
                    "entries are its own. Process noise if it implements ProcessNoise. Excludes --robot.")
    String plant;

    @Option(names = "--classpath", paramLabel = "PATH[:PATH...]",
            description = "Folders of classes or jars holding the classes named by class:NAME (also read from " +
                    "the environment variable FORESIGHT_CLASSPATH).")
    String classpath;

    private UserClasses classes;

    /** @return the user classes of {@code --classpath} and {@code FORESIGHT_CLASSPATH}. */
    public synchronized UserClasses classes() {
        if (classes == null) {
            classes = UserClasses.of(classpath);
        }
        return classes;
    }

    /**
     * Checks the options (and builds the plant once) before any work starts.
     *
     * @throws IllegalArgumentException one line naming the option and the reason.
     */
    public void validate() {
        plant();
    }

    /** @return whether the plant is a user's class ({@code --plant}). */
    public boolean isClassPlant() {
        return plant != null;
    }

    /**
     * A new instance of the simulated robot (one per episode: a user's plant need not be thread-safe).
     *
     * @return the plant.
     * @throws IllegalArgumentException naming {@code --robot} or {@code --plant} and the reason.
     */
    public DynamicsModel plant() {
        classes(); // a bad --classpath is reported even when no class is named
        if (plant == null) {
            return new JackalDiffDrive(params());
        }
        return classPlant();
    }

    /**
     * The model that {@code --model truth} plans through: the plant without its process noise (a new Jackal
     * without noise, or a new instance of the plant class, whose {@code step} is deterministic by contract).
     *
     * @return the model.
     */
    public DynamicsModel truth() {
        return plant == null ? new JackalDiffDrive(params().withoutNoise()) : classPlant();
    }

    private DynamicsModel classPlant() {
        if (robot != null) {
            throw new IllegalArgumentException("--robot and --plant exclude each other: --robot changes the simulated "
                    + "Jackal, --plant replaces it");
        }
        if (!plant.startsWith("class:") || plant.length() == "class:".length()) {
            throw new IllegalArgumentException("--plant " + plant + ": expected class:NAME (a DynamicsModel class)");
        }
        String name = plant.substring("class:".length());
        DynamicsModel m = classes().instantiate("--plant " + plant, name, DynamicsModel.class);
        try {
            RobotPhysics.checkPlant(m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--plant " + plant + ": " + e.getMessage());
        }
        return m;
    }

    /**
     * These options with another robot: a preset or overrides ({@code --robot}) or {@code class:NAME}
     * ({@code --plant}); the class path is shared.
     *
     * @param spec the robot as listed in {@code --robots}.
     * @return the new options.
     */
    PlantOptions forRobot(String spec) {
        PlantOptions o = new PlantOptions();
        o.classpath = classpath;
        o.classes = classes;
        if (spec.startsWith("class:")) {
            o.plant = spec;
        } else {
            o.robot = spec;
        }
        return o;
    }

    /**
     * Options as an episode spec records them (see {@link EpisodeSpec.Plant}).
     *
     * @param robot     {@code --robot}, or null.
     * @param plant     {@code --plant}, or null.
     * @param classpath {@code --classpath}, or null.
     * @param classes   the user classes already loaded for that class path (shared), or null to load them.
     * @return the options.
     */
    static PlantOptions of(String robot, String plant, String classpath, UserClasses classes) {
        PlantOptions o = new PlantOptions();
        o.robot = robot;
        o.plant = plant;
        o.classpath = classpath;
        o.classes = classes;
        return o;
    }

    /** @return {@code --robot} as given, or null. */
    String robotSpec() {
        return robot;
    }

    /** @return {@code --plant} as given, or null. */
    String plantSpec() {
        return plant;
    }

    /** @return {@code --classpath} as given, or null. */
    String classpathSpec() {
        return classpath;
    }

    /** @return a short label: the preset or overrides as given, or {@code class:NAME}. */
    public String label() {
        return plant != null ? plant : robot == null ? "default" : robot;
    }

    /**
     * What the plant is, for {@code meta.json} and sidecars: {@code {"kind": "jackal", "robot": label,
     * "params": {...}}} or {@code {"kind": "class", "class": NAME, "description": describe(), "classpath": [...]}}.
     *
     * @return an ordered, JSON-serialisable map.
     */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (plant == null) {
            m.put("kind", "jackal");
            m.put("robot", label());
            m.put("params", params().toMap());
        } else {
            m.put("kind", "class");
            m.put("class", plant.substring("class:".length()));
            m.put("description", plant().describe());
            m.put("classpath", classes().entries().stream().map(Object::toString).toList());
        }
        return m;
    }

    /**
     * The Jackal's parameters from {@code --robot}.
     *
     * @return the parameters ({@link JackalParams#defaults()} without {@code --robot}).
     * @throws IllegalArgumentException naming {@code --robot}, the preset or key, and the reason.
     */
    public JackalParams params() {
        return parseRobot(robot);
    }

    /**
     * Parses {@code NAME}, {@code NAME,KEY=VAL,...} or {@code KEY=VAL,...}.
     *
     * @param spec the text, or null for the default robot.
     * @return the parameters.
     * @throws IllegalArgumentException naming {@code --robot} and the bad part.
     */
    static JackalParams parseRobot(String spec) {
        if (spec == null) {
            return JackalParams.defaults();
        }
        String[] parts = spec.split(",", -1);
        JackalParams p = JackalParams.defaults();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            int eq = part.indexOf('=');
            if (eq < 0) {
                if (i != 0) {
                    throw new IllegalArgumentException("--robot " + spec + ": '" + part
                            + "' is not KEY=VALUE (a preset name may only come first)");
                }
                try {
                    p = RobotPresets.byName(part);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--robot " + spec + ": " + e.getMessage());
                }
                continue;
            }
            p = override("--robot " + spec, spec, p, part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return p;
    }

    /**
     * One {@code KEY=VAL} override of the Jackal's parameters (the keys of {@code --robot}).
     *
     * @param option the option and its value as given, for messages (e.g. {@code --robot tauV=0.2}).
     * @param spec   the value as given.
     * @param p      the parameters before.
     * @param key    the key.
     * @param value  the value text.
     * @return the changed parameters.
     * @throws IllegalArgumentException one line naming the option, the part, and the unknown key or bad value.
     */
    static JackalParams override(String option, String spec, JackalParams p, String key, String value) {
        String part = key + "=" + value;
        String where = option + (spec.strip().equals(part) ? "" : ": " + part);
        if (key.equals("integrator")) {
            try {
                return p.withIntegrator(Integrator.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                StringBuilder known = new StringBuilder();
                for (Integrator in : Integrator.values()) {
                    known.append(known.length() == 0 ? "" : ", ").append(in.name());
                }
                throw new IllegalArgumentException(where + ": unknown integrator (known: " + known + ")");
            }
        }
        if (!p.toMap().containsKey(key)) {
            throw new IllegalArgumentException(where + ": unknown key (known: "
                    + String.join(", ", p.toMap().keySet()) + ")");
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": not a number");
        }
        try {
            return switch (key) {
                case "tauV" -> p.withTauV(v);
                case "tauOmega" -> p.withTauOmega(v);
                case "maxV" -> p.withMaxV(v);
                case "maxOmega" -> p.withMaxOmega(v);
                case "maxAccel" -> p.withMaxAccel(v);
                case "maxAlpha" -> p.withMaxAlpha(v);
                case "yawSlip" -> p.withYawSlip(v);
                case "longSlip" -> p.withLongSlip(v);
                case "lateralSlip" -> p.withLateralSlip(v);
                case "noiseV" -> p.withNoiseV(v);
                case "noiseOmega" -> p.withNoiseOmega(v);
                default -> throw new IllegalArgumentException("unknown key");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage().replace("JackalParams.", ""));
        }
    }
}
