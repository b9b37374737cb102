package org.foresight.mpc.critic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.foresight.mpc.mppi.RolloutBuffers;
import org.foresight.mpc.perception.DistanceGrid;
import org.junit.jupiter.api.Test;

/**
 * The obstacle critic's kernel (sample-major, lookups skipped while the Lipschitz bound proves a pose beyond
 * reach) against a naive reference that looks every step up in step-major order: the same costs and collision
 * flags bit for bit, on random-walk batches (smooth, so skipping happens) with jumps, poses outside the grid,
 * NaN poses, unwrapped headings and samples already collided.
 */
class ObstacleCriticSkipTest {
    /** Discs in a 6 m × 5 m field at 0.1 m (non-square, so a swapped axis would show). */
    private static DistanceGrid discs(Random r) {
        int sx = 60;
        int sy = 50;
        double res = 0.1;
        double[][] d = new double[10][];
        for (int i = 0; i < d.length; i++) {
            d[i] = new double[] {6 * r.nextDouble(), 5 * r.nextDouble(), 0.1 + 0.3 * r.nextDouble()};
        }
        double[] v = new double[sx * sy];
        for (int ix = 0; ix < sx; ix++) {
            for (int iy = 0; iy < sy; iy++) {
                double best = 10;
                for (double[] c : d) {
                    best = Math.min(best, Math.hypot((ix + 0.5) * res - c[0], (iy + 0.5) * res - c[1]) - c[2]);
                }
                v[ix * sy + iy] = best;
            }
        }
        return new DistanceGrid(v, sx, sy, res, 0.0, 0.0);
    }

    /** The kernel as it was before the skip: every step looked up, step-major. */
    private static void reference(double cc, double weight, double margin, double[] off, double r, double hit,
                                  CriticContext c, RolloutBuffers b, int k0, int k1, double[] costs) {
        double far = 0;
        for (double a : off) {
            far = Math.max(far, Math.abs(a));
        }
        double safe = Math.sqrt(2.0) * far + r + margin;
        double w = weight / b.horizon;
        DistanceGrid g = c.obstacles;
        for (int t = 0; t < b.horizon; t++) {
            for (int k = k0; k < k1; k++) {
                if (b.collided[k] != 0) {
                    continue;
                }
                int o = b.index(k, t);
                double px = b.x[o];
                double py = b.y[o];
                double dc0 = g.distance(px, py);
                if (dc0 >= safe) {
                    continue;
                }
                if (dc0 != dc0) {
                    b.collided[k] = 1;
                    costs[k] += cc;
                    continue;
                }
                double co = FastTrig.cos(b.theta[o]);
                double si = FastTrig.sin(b.theta[o]);
                double dmin = Double.POSITIVE_INFINITY;
                for (double a : off) {
                    double d = a == 0.0 ? dc0 : g.distance(px + a * co, py + a * si);
                    dmin = d < dmin ? d : dmin;
                }
                double dc = dmin - r;
                if (!(dc > hit)) {
                    b.collided[k] = 1;
                    costs[k] += cc;
                } else if (dc < margin) {
                    double e = (margin - dc) * (1.0 / margin);
                    costs[k] += w * e * e;
                }
            }
        }
    }

    @Test
    void skippingLookupsChangesNoBit() {
        Random r = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int k = 1 + r.nextInt(200);
            int t = 1 + r.nextInt(40);
            RolloutBuffers b = new RolloutBuffers();
            b.ensure(k, t);
            for (int s = 0; s < k; s++) {
                double x = -0.5 + 7 * r.nextDouble();
                double y = -0.5 + 6 * r.nextDouble();
                double th = Math.PI * (2 * r.nextDouble() - 1);
                for (int i = 0; i < t; i++) {
                    if (r.nextInt(60) == 0) { // a jump
                        x = -0.5 + 7 * r.nextDouble();
                        y = -0.5 + 6 * r.nextDouble();
                    }
                    th += 0.3 * r.nextGaussian();
                    x += 0.1 * Math.cos(th);
                    y += 0.1 * Math.sin(th);
                    int o = b.index(s, i);
                    b.x[o] = r.nextInt(500) == 0 ? Double.NaN : x;
                    b.y[o] = y;
                    b.theta[o] = r.nextInt(50) == 0 ? th + 7 : th;
                }
            }
            CriticContext c = new CriticContext();
            c.obstacles = discs(r);
            c.startX = 3;
            c.startY = 2.5;
            c.startTheta = 0.3;
            double[][] fit = ObstacleCritic.circlesFor(0.42, 0.33, 1 + r.nextInt(4));
            double margin = 0.1 + 0.5 * r.nextDouble();
            ObstacleCritic oc = new ObstacleCritic(1000, 3, margin, fit[0], fit[1][0], 0.04);
            oc.prepare(c);
            double d0 = oc.clearance(c.obstacles, 3, 2.5, Math.cos(0.3), Math.sin(0.3));
            double hit = Math.min(0.04, d0 - 0.02);
            byte[] pre = new byte[k];
            for (int s = 0; s < k; s++) {
                pre[s] = (byte) (r.nextInt(10) == 0 ? 1 : 0);
            }
            double[] want = new double[k];
            double[] got = new double[k];
            Arrays.fill(want, 1.5);
            Arrays.fill(got, 1.5);
            System.arraycopy(pre, 0, b.collided, 0, k);
            for (int k0 = 0; k0 < k; k0 += RolloutBuffers.BLOCK) {
                reference(1000, 3, margin, fit[0], fit[1][0], hit, c, b, k0, Math.min(k, k0 + RolloutBuffers.BLOCK), want);
            }
            byte[] wantFlags = Arrays.copyOf(b.collided, k);
            System.arraycopy(pre, 0, b.collided, 0, k);
            for (int k0 = 0; k0 < k; k0 += RolloutBuffers.BLOCK) {
                oc.score(c, b, k0, Math.min(k, k0 + RolloutBuffers.BLOCK), got);
            }
            for (int s = 0; s < k; s++) {
                assertEquals(Double.doubleToRawLongBits(want[s]), Double.doubleToRawLongBits(got[s]),
                        "trial " + trial + " sample " + s + ": " + want[s] + " vs " + got[s]);
            }
            assertArrayEquals(wantFlags, Arrays.copyOf(b.collided, k), "trial " + trial);
        }
    }
}
