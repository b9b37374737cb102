package org.foresight.mpc.loop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foresight.dynamics.sim.EpisodeResult;

/**
 * The outcome of one closed-loop episode plus planning statistics.
 *
 * @param world      world name.
 * @param result     the simulator's BARN result (outcome, AT, OT, score, path length, sim time).
 * @param planMs     wall-clock planning time of every cycle [ms], in cycle order.
 * @param stopCycles cycles in which the planner commanded a safety stop.
 * @param lastStatus the planner's status label of the last cycle.
 */
public record EpisodeSummary(String world, EpisodeResult result, double[] planMs, int stopCycles, String lastStatus) {

    /**
     * @param q quantile in [0, 1].
     * @return the planning-time quantile [ms] (nearest rank below), 0 without cycles.
     */
    public double planMsQuantile(double q) {
        if (planMs.length == 0) {
            return 0.0;
        }
        double[] s = planMs.clone();
        Arrays.sort(s);
        return s[(int) Math.floor(q * (s.length - 1))];
    }

    /**
     * The fields of {@code result.json} that tools read: "outcome" (success/collision/timeout), "time_s"
     * (AT), "ot_s", "score", "path_m", "plan_ms_p50", "plan_ms_p99", plus "sim_time_s", "cycles",
     * "stop_cycles", "last_status".
     *
     * @return an ordered, JSON-serialisable map.
     */
    public Map<String, Object> toResultJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", result.outcome().jsonName());
        m.put("time_s", result.time());
        m.put("ot_s", result.optimalTime());
        m.put("score", result.score());
        m.put("path_m", result.pathLength());
        m.put("plan_ms_p50", planMsQuantile(0.50));
        m.put("plan_ms_p99", planMsQuantile(0.99));
        m.put("sim_time_s", result.simTime());
        m.put("cycles", planMs.length);
        m.put("stop_cycles", stopCycles);
        m.put("last_status", lastStatus);
        m.put("world", world);
        return m;
    }
}
