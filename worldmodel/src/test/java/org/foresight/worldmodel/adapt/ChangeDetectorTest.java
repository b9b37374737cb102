package org.foresight.worldmodel.adapt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The change detector of online adaptation: quiet on noise and outliers, quick on a jump, armed only when warm. */
class ChangeDetectorTest {
    private static final double[] E = new double[2];

    private static boolean feed(ChangeDetector d, double ev, double ew) {
        E[0] = ev;
        E[1] = ew;
        return d.observe(E);
    }

    @Test
    void gaussianNoiseAndSingleOutliersDoNotTripIt() {
        SplittableRandom r = new SplittableRandom(5);
        ChangeDetector d = new ChangeDetector(2, 4.0);
        int reports = 0;
        for (int k = 0; k < 20_000; k++) {
            // one outlier of 20 sigma every 50 periods, in one channel
            double outlier = k % 50 == 49 ? 20.0 : 0.0;
            reports += feed(d, 0.02 * (r.nextGaussian() + outlier), 0.04 * r.nextGaussian()) ? 1 : 0;
        }
        assertTrue(reports == 0, "false reports: " + reports);
    }

    @Test
    void aJumpInEitherChannelIsFoundWithinTheWindow() {
        for (int channel = 0; channel < 2; channel++) {
            SplittableRandom r = new SplittableRandom(9);
            ChangeDetector d = new ChangeDetector(2, 4.0);
            for (int k = 0; k < 200; k++) {
                assertFalse(feed(d, 0.02 * r.nextGaussian(), 0.04 * r.nextGaussian()));
            }
            assertTrue(d.armed());
            int found = -1;
            for (int k = 0; k < 20 && found < 0; k++) {
                double ev = 0.02 * r.nextGaussian() + (channel == 0 ? 0.3 : 0.0);
                double ew = 0.04 * r.nextGaussian() + (channel == 1 ? 0.6 : 0.0);
                if (feed(d, ev, ew)) {
                    found = k;
                }
            }
            int at = found;
            int ch = channel;
            assertAll(() -> assertTrue(at >= 2 && at < ChangeDetector.WINDOW,
                            "channel " + ch + " found after " + at + " periods"),
                    () -> assertFalse(d.armed(), "it starts over after a report"));
        }
    }

    @Test
    void afterAReportItReArmsEarlyOnTheLargerOfTheOldAndNewLevel() {
        SplittableRandom r = new SplittableRandom(11);
        ChangeDetector d = new ChangeDetector(2, 4.0);
        for (int k = 0; k < 200; k++) {
            feed(d, 0.02 * r.nextGaussian(), 0.04 * r.nextGaussian());
        }
        boolean reported = false;
        for (int k = 0; k < 20 && !reported; k++) {
            reported = feed(d, 0.3 + 0.02 * r.nextGaussian(), 0.04 * r.nextGaussian());
        }
        assertTrue(reported, "the first jump is found");
        // the same noise again: armed after the window and REARM periods of level, well before WARM_UP
        int armedAt = -1;
        for (int k = 0; k < 40 && armedAt < 0; k++) {
            assertFalse(feed(d, 0.02 * r.nextGaussian(), 0.04 * r.nextGaussian()), "period " + k);
            if (d.armed()) {
                armedAt = k + 1;
            }
        }
        int at = armedAt;
        assertTrue(at >= ChangeDetector.WINDOW + ChangeDetector.REARM
                && at < ChangeDetector.WINDOW + ChangeDetector.WARM_UP, "re-armed after " + at + " periods");
        int found = -1;
        for (int k = 0; k < 10 && found < 0; k++) {
            if (feed(d, 0.02 * r.nextGaussian(), 0.6 + 0.04 * r.nextGaussian())) {
                found = k;
            }
        }
        assertTrue(found >= 0 && found < ChangeDetector.WINDOW, "a second jump right after re-arming: " + found);
    }

    @Test
    void aNoisierRobotAfterAReportDoesNotTripTheProvisionalTest() {
        SplittableRandom r = new SplittableRandom(13);
        ChangeDetector d = new ChangeDetector(1, 4.0);
        double[] e = new double[1];
        for (int k = 0; k < 200; k++) {
            e[0] = 0.02 * r.nextGaussian();
            d.observe(e);
        }
        d.reset(); // as on a report: the level of the quiet robot is kept
        int reports = 0;
        for (int k = 0; k < 2_000; k++) {
            e[0] = 0.06 * r.nextGaussian(); // three times the noise of before
            reports += d.observe(e) ? 1 : 0;
        }
        assertTrue(reports == 0, "false reports: " + reports);
    }

    @Test
    void itIsNotArmedBeforeItsWarmUpNorWhenOff() {
        ChangeDetector d = new ChangeDetector(1, 4.0);
        ChangeDetector off = new ChangeDetector(1, Double.POSITIVE_INFINITY);
        double[] e = new double[1];
        for (int k = 0; k < 10; k++) {
            e[0] = 0.01;
            assertFalse(d.observe(e));
        }
        for (int k = 0; k < 10; k++) {
            e[0] = 10.0; // a jump before the long-run level is known
            assertFalse(d.observe(e), "period " + k);
        }
        for (int k = 0; k < 1000; k++) {
            e[0] = k < 500 ? 0.01 : 10.0;
            assertFalse(off.observe(e));
        }
        assertThrows(IllegalArgumentException.class, () -> new ChangeDetector(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new ChangeDetector(0, 4.0));
    }
}
