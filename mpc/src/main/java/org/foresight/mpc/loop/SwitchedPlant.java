package org.foresight.mpc.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.ProcessNoise;
import org.foresight.dynamics.sim.RobotPhysics;

/**
 * A plant that becomes another at scheduled times ({@link PlantChange}): the simulator steps this, and the
 * episode loop calls {@link #advanceTo} at every control tick. Stepping, Jacobians and process noise go to the
 * plant in force (noise only if it implements {@link ProcessNoise}). The state carries over unchanged, so every
 * plant must have the same state and control dimensions.
 *
 * <p>Not thread-safe; one instance per episode (it keeps which change is next).
 */
public final class SwitchedPlant implements DynamicsModel, ProcessNoise {
    private final DynamicsModel first;
    private final List<PlantChange> changes;
    private DynamicsModel current;
    private int next;

    /**
     * @param first   the plant at t = 0 (checked by {@link RobotPhysics#checkPlant}).
     * @param changes the changes, any order (applied by time; equal times in the given order).
     * @throws IllegalArgumentException if a changed plant's dimensions differ from the first's.
     */
    public SwitchedPlant(DynamicsModel first, List<PlantChange> changes) {
        RobotPhysics.checkPlant(first);
        List<PlantChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingDouble(PlantChange::time));
        for (PlantChange c : sorted) {
            RobotPhysics.checkPlant(c.plant());
            if (c.plant().stateDim() != first.stateDim() || c.plant().controlDim() != first.controlDim()) {
                throw new IllegalArgumentException("the plant changed at t = " + c.time() + " s has state dimension "
                        + c.plant().stateDim() + ", the episode's plant " + first.stateDim() + ": they must be equal");
            }
        }
        this.first = first;
        this.changes = List.copyOf(sorted);
        this.current = first;
    }

    /**
     * Applies every change due by time t.
     *
     * @param t the time now [s].
     * @return true if the plant changed.
     */
    public boolean advanceTo(double t) {
        boolean changed = false;
        while (next < changes.size() && changes.get(next).time() <= t + 1e-9) {
            current = changes.get(next).plant();
            next++;
            changed = true;
        }
        return changed;
    }

    /** @return the plant in force now. */
    public DynamicsModel current() {
        return current;
    }

    @Override
    public int stateDim() {
        return first.stateDim();
    }

    @Override
    public int controlDim() {
        return first.controlDim();
    }

    @Override
    public List<String> stateNames() {
        return first.stateNames();
    }

    @Override
    public List<String> controlNames() {
        return first.controlNames();
    }

    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        current.step(x, u, dt, xNext);
    }

    @Override
    public void stepBatch(double[] x, double[] u, int count, double dt, double[] xNext) {
        current.stepBatch(x, u, count, dt, xNext);
    }

    @Override
    public void jacobians(double[] x, double[] u, double dt, double[] a, double[] b) {
        current.jacobians(x, u, dt, a, b);
    }

    @Override
    public void applyProcessNoise(double[] x, double dt, RandomGenerator rng) {
        if (current instanceof ProcessNoise pn) {
            pn.applyProcessNoise(x, dt, rng);
        }
    }

    @Override
    public String describe() {
        return current.describe();
    }
}
