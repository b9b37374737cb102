package org.foresight.worldmodel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.features.Term;
import org.junit.jupiter.api.Test;

/**
 * {@link FeatureTerms}, the block evaluation of the fitted libraries' terms (at most three factors), gives
 * exactly the bits of the per-entry block loop it replaced ({@link FeatureProgram#evaluateEntries}), of the
 * per-sample {@link FeatureProgram#evaluate}, and of its own scalar fallback, on random inputs that include
 * ±0, infinities, NaN and values whose products overflow.
 */
class FeatureTermsTest {
    private static final int B = FeatureProgram.BLOCK;

    /** A library like the fitted default's plus a constant, |·| atoms and every clamp; coefficients random. */
    private static FeatureProgram program(long seed) {
        FeatureLibrary lib = FeatureLibrary.parse(Map.of(
                FeatureLibrary.INPUTS_KEY, List.of("sat(cmd_v,2.0)", "sat(cmd_omega,4.0)"),
                "d_forward", List.of("1", "v", "cmd_v", "v*omega*omega", "sat(dv,2.25)", "|cmd_v|*cmd_omega"),
                "d_lateral", List.of("v*omega", "cmd_v*cmd_omega", "|v|*omega*|dv|"),
                "d_theta", List.of("omega", "cmd_omega", "omega*|omega|", "sat(domega,2.6)", "sat(cmd_omega,3)"),
                "d_v", List.of("dv", "sat(dv,2.5)", "v*omega*omega", "|domega|"),
                "d_omega", List.of("domega", "sat(domega,2.7)", "omega*|omega|", "sat(cmd_v,1.2)*omega")));
        SplittableRandom r = new SplittableRandom(seed);
        List<Integer> outs = new ArrayList<>();
        List<Double> cs = new ArrayList<>();
        List<Term> ts = new ArrayList<>();
        for (int o = 0; o < BodyDelta.DIM; o++) {
            for (Term t : lib.terms(o)) {
                outs.add(o);
                cs.add((2 * r.nextDouble() - 1) * Math.pow(10, -4 + 4 * r.nextDouble()));
                ts.add(t);
            }
        }
        return new FeatureProgram(lib.commandLimit(Inputs.CMD_V), lib.commandLimit(Inputs.CMD_OMEGA), outs, cs, ts);
    }

    private static double input(SplittableRandom r, double scale) {
        switch (r.nextInt(40)) {
            case 0: return 0.0;
            case 1: return -0.0;
            case 2: return Double.NaN;
            case 3: return Double.POSITIVE_INFINITY;
            case 4: return Double.NEGATIVE_INFINITY;
            case 5: return (r.nextBoolean() ? 1 : -1) * 1e160; // products of three overflow
            case 6: return Double.MIN_VALUE;
            default: return scale * (2 * r.nextDouble() - 1);
        }
    }

    private static void assertSameBits(double want, double got, String what) {
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), what + ": " + want + " vs " + got);
    }

    @Test
    void termsEqualThePerEntryLoopAndThePerSampleEvaluationBitForBit() {
        for (long seed = 1; seed <= 20; seed++) {
            FeatureProgram p = program(seed);
            SplittableRandom r = new SplittableRandom(100 + seed);
            double[] v = new double[B];
            double[] w = new double[B];
            double[] cmd = new double[2 * B];
            for (int j = 0; j < B; j++) {
                v[j] = input(r, 3);
                w[j] = input(r, 5);
                cmd[j] = input(r, 3);
                cmd[B + j] = input(r, 6);
            }
            int len = seed % 3 == 0 ? B - 5 : B; // a short block too (zero-padded)
            FeatureProgram.Workspace ws = p.newWorkspace();
            p.evaluateBlock(v, 0, w, 0, cmd, 0, B, len, ws);
            double[][] blockTerms = new double[BodyDelta.DIM][];
            for (int o = 0; o < BodyDelta.DIM; o++) {
                blockTerms[o] = ws.d[o].clone();
            }
            p.evaluateEntries(ws.atoms, ws);
            double[] one = new double[BodyDelta.DIM];
            for (int j = 0; j < len; j++) {
                p.evaluate(v[j], w[j], cmd[j], cmd[B + j], one);
                for (int o = 0; o < BodyDelta.DIM; o++) {
                    String what = "seed " + seed + " sample " + j + " output " + o;
                    assertSameBits(ws.d[o][j], blockTerms[o][j], what + " (per-entry loop vs terms)");
                    assertSameBits(one[o], blockTerms[o][j], what + " (per sample vs terms)");
                }
            }
        }
    }

    @Test
    void scalarFallbackEqualsTheLanesBitForBit() {
        FeatureProgram p = program(5);
        FeatureTerms terms = p.terms();
        assertNotNull(terms);
        SplittableRandom r = new SplittableRandom(9);
        double[][] at = new double[p.atomCount()][B];
        for (double[] a : at) {
            for (int j = 0; j < B; j++) {
                a[j] = input(r, 4);
            }
        }
        double[][] lanes = new double[BodyDelta.DIM][B];
        double[][] scalar = new double[BodyDelta.DIM][B];
        terms.evaluate(at, lanes);
        terms.evaluateScalar(at, scalar, 0);
        for (int o = 0; o < BodyDelta.DIM; o++) {
            for (int j = 0; j < B; j++) {
                assertSameBits(scalar[o][j], lanes[o][j], "output " + o + " sample " + j);
            }
        }
    }

    @Test
    void termsOfFourFactorsAreLeftToTheGeneralPath() {
        assertNull(FeatureTerms.compile(new int[] {0}, new double[] {1}, new int[] {0, 4}, new int[] {0, 0, 0, 0}));
        assertNull(FeatureTerms.compile(new int[] {1, 0}, new double[] {1, 1}, new int[] {0, 1, 2}, new int[] {0, 0}));
        FeatureTerms t = FeatureTerms.compile(new int[] {0, 0, 3}, new double[] {1, 2, 3}, new int[] {0, 0, 1, 4},
                new int[] {0, 1, 1, 2});
        assertNotNull(t);
        assertEquals(List.of(0, 2, 2, 2, 3, 3), java.util.Arrays.stream(t.start).boxed().toList());
    }
}
