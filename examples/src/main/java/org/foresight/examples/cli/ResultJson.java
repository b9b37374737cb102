package org.foresight.examples.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foresight.dynamics.sim.EpisodeResult;

/** The fields of {@code result.json} that tools read: outcome, time_s, ot_s, score, path_m, plan_ms_p50/p99. */
final class ResultJson {
    private ResultJson() {
    }

    static Map<String, Object> of(EpisodeResult r, double[] planMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome().jsonName());
        m.put("time_s", r.time());
        m.put("ot_s", r.optimalTime());
        m.put("score", r.score());
        m.put("path_m", r.pathLength());
        m.put("sim_time_s", r.simTime());
        double[] s = planMs.clone();
        Arrays.sort(s);
        m.put("plan_ms_p50", s.length == 0 ? 0.0 : s[(int) Math.floor(0.50 * (s.length - 1))]);
        m.put("plan_ms_p99", s.length == 0 ? 0.0 : s[(int) Math.floor(0.99 * (s.length - 1))]);
        return m;
    }
}
