package org.foresight.mpc.critic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.foresight.mpc.mppi.RolloutBuffers;

/**
 * An ordered list of critics (Nav2's CriticManager): prepares them once per cycle and scores a sample
 * range with each in order. Build from names with {@link #fromNames} or pass any critics, including
 * one's own.
 */
public final class CriticSet {
    final Critic[] critics; // package-private: read by FusedCosts

    /** @param critics the critics, in scoring order, non-empty. Copied. */
    public CriticSet(List<? extends Critic> critics) {
        if (critics == null || critics.isEmpty()) {
            throw new IllegalArgumentException("a critic set needs at least one critic");
        }
        this.critics = critics.toArray(new Critic[0]);
    }

    /**
     * Builds the named built-in critics.
     *
     * @param names  critic names: goal, path_follow, path_align, obstacle, control_effort, control_rate,
     *               prefer_forward, speed, dynamic_obstacle, spread.
     * @param params their parameters.
     * @return the set, in the given order.
     * @throws IllegalArgumentException naming an unknown critic.
     */
    public static CriticSet fromNames(List<String> names, CriticParams params) {
        List<Critic> list = new ArrayList<>();
        for (String n : names) {
            list.add(create(n, params));
        }
        return new CriticSet(list);
    }

    /**
     * @param params parameters.
     * @return all built-in critics ({@link CriticParams#DEFAULT_CRITICS}).
     */
    public static CriticSet defaults(CriticParams params) {
        return fromNames(CriticParams.DEFAULT_CRITICS, params);
    }

    /**
     * @param name   a built-in critic name.
     * @param p      parameters.
     * @return a new critic.
     */
    public static Critic create(String name, CriticParams p) {
        switch (name) {
            case "goal":
                return new GoalCritic(p.goalWeight(), p.goalActivation());
            case "path_follow":
                return new PathFollowCritic(p.pathFollowWeight());
            case "path_align":
                return new PathAlignCritic(p.pathAlignWeight(), p.pathAlignCap(), 4);
            case "obstacle": {
                double[][] c = ObstacleCritic.circlesFor(p.footprintLength(), p.footprintWidth(), p.footprintCircles());
                return new ObstacleCritic(p.collisionCost(), p.obstacleWeight(), p.obstacleMargin(), c[0], c[1][0],
                        p.collisionPad());
            }
            case "control_effort":
                return new ControlEffortCritic(p.effortWeightV(), p.effortWeightOmega());
            case "control_rate":
                return new ControlRateCritic(p.rateWeightV(), p.rateWeightOmega());
            case "prefer_forward":
                return new PreferForwardCritic(p.preferForwardWeight());
            case "speed":
                return new SpeedCritic(p.speedWeight(), p.speedTarget());
            case "dynamic_obstacle": {
                double[][] c = ObstacleCritic.circlesFor(p.footprintLength(), p.footprintWidth(), p.footprintCircles());
                return new DynamicObstacleCritic(p.dynamicObstacle(), c[0], c[1][0]);
            }
            case "spread":
                return new SpreadCritic(p.spread(), Math.hypot(0.5 * p.footprintLength(), 0.5 * p.footprintWidth()));
            default:
                throw new IllegalArgumentException("unknown critic '" + name + "'; known: goal, path_follow, path_align, "
                        + "obstacle, control_effort, control_rate, prefer_forward, speed, dynamic_obstacle, spread");
        }
    }

    /** @return the critics' names in order. */
    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (Critic c : critics) {
            n.add(c.name());
        }
        return Collections.unmodifiableList(n);
    }

    /** @return whether any critic reads the rollouts' spread ({@link Critic#needsSpread}). */
    public boolean needsSpread() {
        for (Critic c : critics) {
            if (c.needsSpread()) {
                return true;
            }
        }
        return false;
    }

    /** @return number of critics. */
    public int size() {
        return critics.length;
    }

    /** Calls {@link Critic#prepare} on each, in order. @param context the cycle's context. */
    public void prepare(CriticContext context) {
        for (Critic c : critics) {
            c.prepare(context);
        }
    }

    /**
     * Scores samples [k0, k1) with every critic in order, adding into {@code costs}, block by block (a range
     * may span blocks). Allocation-free.
     *
     * @param context the cycle's context.
     * @param batch   the rollouts.
     * @param k0      first sample.
     * @param k1      end sample (exclusive).
     * @param costs   (Output) incremented per sample. Modified.
     */
    public void score(CriticContext context, RolloutBuffers batch, int k0, int k1, double[] costs) {
        // Critics see ranges within one block (see Critic); the planner's chunks are blocks already.
        for (int a = k0; a < k1; ) {
            int end = Math.min(k1, (a / RolloutBuffers.BLOCK + 1) * RolloutBuffers.BLOCK);
            for (Critic c : critics) {
                c.score(context, batch, a, end, costs);
            }
            a = end;
        }
    }
}
