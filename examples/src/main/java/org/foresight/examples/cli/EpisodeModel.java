package org.foresight.examples.cli;

import java.util.ArrayList;
import java.util.List;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.JackalDiffDrive;
import org.foresight.dynamics.model.StateIndex;
import org.foresight.mpc.loop.ModelUpdate;
import org.foresight.worldmodel.adapt.AdaptConfig;
import org.foresight.worldmodel.adapt.ModelSlot;
import org.foresight.worldmodel.adapt.OnlineAdapter;

/**
 * The model one episode plans through, and what changes it between plans:
 * <ul>
 *   <li>{@code SPEC+adapt}: the model in a {@link ModelSlot}, refit every control period by an
 *       {@link OnlineAdapter} from the transition the robot just measured (its state estimate before and after,
 *       and the command it held); the snapshot is swapped in before the next plan;</li>
 *   <li>{@code truth} with {@code --plant-change}: the oracle follows the plant, becoming the changed robot
 *       (without noise) at the tick the simulator changes it;</li>
 *   <li>anything else: the model as loaded, never changed.</li>
 * </ul>
 *
 * @param model   what the planner steps through.
 * @param update  what the episode loop calls every period, or null.
 * @param adapter the online fit, or null.
 * @param trace   the record of one-step errors (only when asked for), or null.
 */
record EpisodeModel(DynamicsModel model, ModelUpdate update, OnlineAdapter adapter, AdaptationTrace trace) {

    /**
     * @param spec    the model item (truth, unicycle, FILE.json, class:NAME, each optionally with {@code +adapt}).
     * @param plant   the robot options.
     * @param config  the adaptation settings.
     * @param changes the plant changes (for truth).
     * @param trace   whether to record one-step errors ({@link AdaptationTrace}).
     * @param references further models whose one-step errors the trace records on the same transitions (may be empty).
     * @return the episode's model.
     * @throws IllegalArgumentException naming {@code --adapt} and the kind when the model cannot adapt.
     */
    static EpisodeModel build(String spec, PlantOptions plant, AdaptConfig config,
                              List<PlantChangeOptions.Parsed> changes, boolean trace, List<DynamicsModel> references) {
        boolean adapt = spec.endsWith(AdaptOptions.SUFFIX);
        String base = adapt ? spec.substring(0, spec.length() - AdaptOptions.SUFFIX.length()) : spec;
        DynamicsModel loaded = NavigateCommand.Models.load(base, plant);
        if (adapt) {
            OnlineAdapter adapter;
            try {
                adapter = OnlineAdapter.of(loaded, config);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--adapt " + base + ": " + e.getMessage());
            }
            ModelSlot slot = new ModelSlot(loaded, "adaptive");
            AdaptationTrace t = trace ? new AdaptationTrace(loaded, references) : null;
            double[] prev = new double[StateIndex.FULL_DIM];
            boolean[] have = {false};
            ModelUpdate u = (time, x, cmd) -> {
                if (have[0] && cmd != null) {
                    if (t != null) {
                        t.record(time, prev, cmd, x, adapter.model());
                    }
                    adapter.observe(prev, cmd, x);
                    slot.set(adapter.model());
                }
                System.arraycopy(x, 0, prev, 0, StateIndex.FULL_DIM);
                have[0] = true;
            };
            return new EpisodeModel(slot, u, adapter, t);
        }
        if (base.equals("truth") && !changes.isEmpty() && !plant.isClassPlant()) {
            ModelSlot slot = new ModelSlot(loaded, "oracle");
            List<PlantChangeOptions.Parsed> todo = new ArrayList<>(changes);
            int[] next = {0};
            ModelUpdate u = (time, x, cmd) -> {
                while (next[0] < todo.size() && todo.get(next[0]).time() <= time + 1e-9) {
                    slot.set(new JackalDiffDrive(todo.get(next[0]).params().withoutNoise()));
                    next[0]++;
                }
            };
            return new EpisodeModel(slot, u, null, null);
        }
        return new EpisodeModel(loaded, null, null, null);
    }
}
