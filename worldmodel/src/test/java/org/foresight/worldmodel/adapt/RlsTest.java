package org.foresight.worldmodel.adapt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The recursive least squares of online adaptation: fits, tracks, does not wind up. */
class RlsTest {
    private static final int N = 5;

    private static double[] random(SplittableRandom r, double scale) {
        double[] a = new double[N];
        for (int i = 0; i < N; i++) {
            a[i] = scale * r.nextGaussian();
        }
        return a;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void recoversTheCoefficientsOfNoiseFreeDataFromAnyStart() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] truth = random(r, 1);
            Rls rls = new Rls(random(r, 1), 1e8, 0.95);
            for (int k = 0; k < 200; k++) {
                double[] phi = random(r, 1);
                rls.update(phi, dot(phi, truth));
            }
            for (int i = 0; i < N; i++) {
                assertEquals(truth[i], rls.coefficient(i), 1e-5, "seed " + seed + " coefficient " + i);
            }
        }
    }

    @Test
    void tracksAChangeWithinItsMemory() {
        SplittableRandom r = new SplittableRandom(3);
        double[] before = random(r, 1);
        double[] after = random(r, 1);
        Rls rls = new Rls(before, 100, 0.9);
        for (int k = 0; k < 300; k++) {
            double[] phi = random(r, 1);
            double[] t = k < 200 ? before : after;
            rls.update(phi, dot(phi, t) + 0.01 * r.nextGaussian());
        }
        for (int i = 0; i < N; i++) {
            assertEquals(after[i], rls.coefficient(i), 0.02, "coefficient " + i);
        }
    }

    @Test
    void directionsNoSampleExcitesStayAtTheStartInsteadOfWindingUp() {
        SplittableRandom r = new SplittableRandom(5);
        double[] start = random(r, 1);
        Rls rls = new Rls(start, 100, 0.9);
        for (int k = 0; k < 2000; k++) {
            double a = r.nextGaussian();
            rls.update(new double[] {a, 0, 0, 0, 0}, 3.0 * a);
        }
        // the first excitation of another direction moves it by at most what p0 allows, not λ⁻²⁰⁰⁰ times that
        double e = rls.update(new double[] {0, 1, 0, 0, 0}, start[1] + 1.0);
        assertAll(
                () -> assertEquals(3.0, rls.coefficient(0), 0.01), // the ridge pulls it by r0/(Σλᵏφ² + r0)
                () -> assertEquals(1.0, e, 1e-12),
                () -> assertTrue(Math.abs(rls.coefficient(1) - start[1]) <= 1.0, "bounded step: " + rls.coefficient(1)),
                () -> assertEquals(start[2], rls.coefficient(2), 1e-12),
                () -> assertEquals(start[4], rls.coefficient(4), 1e-12));
    }

    @Test
    void aRestartForgetsEverySampleAndTheForgettingFactorCanChange() {
        SplittableRandom r = new SplittableRandom(11);
        double[] start = random(r, 1);
        Rls used = new Rls(start, 100, 0.9);
        Rls fresh = new Rls(start, 100, 0.99);
        for (int k = 0; k < 100; k++) {
            double[] phi = random(r, 1);
            used.update(phi, dot(phi, random(r, 3)));
        }
        used.restart();
        used.forgetting(0.99);
        assertAll(() -> assertEquals(0.0, used.errorEnergy()), () -> assertEquals(0.99, used.forgetting()),
                () -> assertEquals(start[3], used.coefficient(3)));
        double[] truth = random(r, 1);
        for (int k = 0; k < 50; k++) {
            double[] phi = random(r, 1);
            double y = dot(phi, truth) + 0.01 * r.nextGaussian();
            assertEquals(fresh.update(phi, y), used.update(phi, y), 1e-12, "sample " + k);
        }
        for (int i = 0; i < N; i++) {
            assertEquals(fresh.coefficient(i), used.coefficient(i), 1e-12, "coefficient " + i);
        }
        assertAll(() -> assertThrows(IllegalArgumentException.class, () -> used.forgetting(0)),
                () -> assertThrows(IllegalArgumentException.class, () -> used.forgetting(1.01)));
    }

    @Test
    void nonFiniteSamplesAreSkippedAndBadSettingsRefused() {
        double[] start = {1, 2, 3, 4, 5};
        Rls rls = new Rls(start, 10, 0.95);
        assertAll(
                () -> assertTrue(Double.isNaN(rls.update(new double[] {1, Double.NaN, 0, 0, 0}, 1))),
                () -> assertTrue(Double.isNaN(rls.update(new double[] {1, 0, 0, 0, 0}, Double.POSITIVE_INFINITY))),
                () -> assertEquals(0.0, rls.errorEnergy()),
                () -> assertEquals(2.0, rls.coefficient(1)),
                () -> assertThrows(IllegalArgumentException.class, () -> new Rls(start, 0, 0.9)),
                () -> assertThrows(IllegalArgumentException.class, () -> new Rls(start, 1, 1.5)),
                () -> assertThrows(IllegalArgumentException.class, () -> new Rls(new double[0], 1, 0.9)));
    }
}
