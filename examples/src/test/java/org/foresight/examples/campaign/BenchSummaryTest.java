package org.foresight.examples.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary's statistics: rank correlation, published entries on exactly the campaign's worlds, DWA calibration. */
class BenchSummaryTest {
    @Test
    void spearmanIsOneForAMonotoneRelationMinusOneReversedAndHandlesTies() {
        assertEquals(1.0, BenchSummary.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 35, 100}), 1e-12);
        assertEquals(-1.0, BenchSummary.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        double tied = BenchSummary.spearman(new double[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.9, 0.8});
        assertTrue(tied > 0.8 && tied < 1.0, "ties share ranks: " + tied);
    }

    private static ResultRow row(int world, String planner, String outcome, double score) {
        return new ResultRow("barn:" + world, planner, "-", "m.json", "lidar", "default", 0, "odometry", "measured",
                outcome, 10, 5, score, 10, 3, 9, 0, 0.2, 0.5, 3, 0, "none");
    }

    @Test
    void publishedEntriesAreAveragedOverExactlyTheCampaignsWorldsAndDwaGetsAPerWorldCalibration() {
        List<ResultRow> rows = new ArrayList<>();
        rows.add(row(0, "dwa", "success", 0.2));
        rows.add(row(6, "dwa", "timeout", 0.0));
        rows.add(row(0, "mppi", "success", 0.5));
        String md = BenchSummary.markdown(rows, "Conditions: test.");
        assertTrue(md.contains("| dwa | m.json | lidar | default | 2 | 1 (50.0 %) | 0 | 1 | 0.100 |"), md);
        assertTrue(md.contains("Published entries on the same 2 BARN worlds"), md);
        assertTrue(md.contains("| LiCS-KI (1st, 2024) | 2 |"), md);
        assertTrue(md.contains("Calibration: dwa / m.json / lidar / default"), md);
        assertTrue(md.contains("| 6 | 0 % (1) | 100 % |"), "Gazebo's DWA succeeded 10/10 in world 6:\n" + md);
    }
}
