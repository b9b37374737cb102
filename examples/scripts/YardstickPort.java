import java.util.Arrays;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Issue 15's yardstick loop ({@code ../shared/perf/mppi_soa.c}) ported to Java twice, on one thread, to measure
 * what Java itself reaches on exactly the C's work, apart from any design of ours:
 * <ul>
 *   <li>{@code scalar}: a line-by-line port (float, time outer, samples inner, the same polynomial sincos and
 *       bilinear lookup), left to C2's auto-vectoriser;</li>
 *   <li>{@code lanes}: the same loop written on the incubating Vector API, float, the preferred species (16 lanes
 *       with AVX-512): clips by min/max, the sincos quadrant by blends, the four SDF corners by gathers.</li>
 * </ul>
 * Per iteration, as in the C: noise drawn and transposed outside the timer; rollout and costs per time step over
 * all samples; goal cost; min, exp, sum; the serial weighted mean over the k-major noise. The world is the C's
 * (10 m square, 0.05 m cells, 60 discs), drawn with {@link Random} instead of glibc's {@code rand()}, so the discs
 * and the printed u0 differ from the C's; the work does not. Prints one line per kernel in the C's format
 * (median and p99 over the last three quarters of the iterations).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector examples/scripts/YardstickPort.java [K] [T] [ITERS] [scalar|lanes|both]
 * examples/scripts/yardstick-port.sh     # the C on one thread, then both ports on each JDK found, in one command
 * </pre>
 */
public final class YardstickPort {
    private static final int G = 200;
    private static final float RES = 0.05f;
    private static final float DT = 0.05f;
    private static final float VMAX = 2.0f;
    private static final float WMAX = 4.0f;
    private static final float AMAX = 20.0f * DT;
    private static final float AWMAX = 25.0f * DT;
    private static final float LAMBDA = 0.3f;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private final int k;
    private final int t;
    private final int kp;
    private final float[] sdf = new float[G * G];
    private final float[] ev;
    private final float[] ew;
    private final float[] evT;
    private final float[] ewT;
    private final float[] cost;
    private final float[] wgt;
    private final float[] uv;
    private final float[] uw;
    private final float[] xs;
    private final float[] ys;
    private final float[] ths;
    private final float[] pvs;
    private final float[] pws;
    private final int[] idx = new int[S.length()];
    private final Random noise = new Random(1);

    private YardstickPort(int k, int t) {
        this.k = k;
        this.t = t;
        this.kp = (k + S.length() - 1) / S.length() * S.length(); // padded to whole vectors
        Arrays.fill(sdf, 10.0f);
        Random r = new Random(7);
        for (int o = 0; o < 60; o++) {
            float cx = r.nextInt(1000) / 100.0f;
            float cy = r.nextInt(1000) / 100.0f;
            float rad = 0.1f + r.nextInt(30) / 100.0f;
            for (int j = 0; j < G; j++) {
                for (int i = 0; i < G; i++) {
                    float d = (float) Math.hypot(i * RES - cx, j * RES - cy) - rad;
                    sdf[j * G + i] = Math.min(sdf[j * G + i], d);
                }
            }
        }
        ev = new float[k * t];
        ew = new float[k * t];
        evT = new float[kp * t];
        ewT = new float[kp * t];
        cost = new float[kp];
        wgt = new float[k];
        uv = new float[t];
        uw = new float[t];
        xs = new float[kp];
        ys = new float[kp];
        ths = new float[kp];
        pvs = new float[kp];
        pws = new float[kp];
    }

    public static void main(String[] a) {
        int k = a.length > 0 ? Integer.parseInt(a[0]) : 2000;
        int t = a.length > 1 ? Integer.parseInt(a[1]) : 56;
        int iters = a.length > 2 ? Integer.parseInt(a[2]) : 2000;
        String which = a.length > 3 ? a[3] : "both";
        if (k < 1 || t < 1 || iters < 4 || !(which.equals("scalar") || which.equals("lanes") || which.equals("both"))) {
            System.err.println("usage: YardstickPort [K >= 1] [T >= 1] [ITERS >= 4] [scalar|lanes|both]");
            System.exit(2);
        }
        String jdk = "JDK " + Runtime.version().feature();
        if (!which.equals("lanes")) {
            new YardstickPort(k, t).run(false, iters, "java_scalar (" + jdk + ")");
        }
        if (!which.equals("scalar")) {
            new YardstickPort(k, t).run(true, iters, "java_lanes (" + jdk + ", " + S.length() + " float lanes)");
        }
    }

    private void run(boolean lanes, int iters, String label) {
        double[] ms = new double[iters];
        for (int it = 0; it < iters; it++) {
            drawNoise(); // not timed, as in the C
            long t0 = System.nanoTime();
            if (lanes) {
                rolloutLanes();
            } else {
                rolloutScalar();
            }
            update();
            ms[it] = (System.nanoTime() - t0) / 1e6;
        }
        double[] tail = Arrays.copyOfRange(ms, iters / 4, iters);
        Arrays.sort(tail);
        System.out.printf("%s K=%d T=%d median_ms=%.4f p99_ms=%.4f u0=(%.3f,%.3f)%n", label, k, t,
                tail[tail.length / 2], tail[(int) (tail.length * 0.99)], uv[0], uw[0]);
    }

    private void drawNoise() {
        for (int i = 0; i < k * t; i++) {
            ev[i] = 0.2f * (float) noise.nextGaussian();
            ew[i] = 0.4f * (float) noise.nextGaussian();
        }
        for (int s = 0; s < k; s++) {
            for (int j = 0; j < t; j++) {
                evT[j * kp + s] = ev[s * t + j];
                ewT[j * kp + s] = ew[s * t + j];
            }
        }
    }

    private void start() {
        for (int s = 0; s < kp; s++) {
            xs[s] = 1.0f;
            ys[s] = 1.0f;
            ths[s] = 0.7f;
            pvs[s] = 0.0f;
            pws[s] = 0.0f;
            cost[s] = 0.0f;
        }
    }

    /** The C's inner loop, line by line. */
    private void rolloutScalar() {
        start();
        for (int j = 0; j < t; j++) {
            final int base = j * kp;
            final float ut = uv[j];
            final float wt = uw[j];
            for (int s = 0; s < k; s++) {
                float pv = pvs[s];
                float pw = pws[s];
                float v = Math.min(Math.max(ut + evT[base + s], pv - AMAX), pv + AMAX);
                float w = Math.min(Math.max(wt + ewT[base + s], pw - AWMAX), pw + AWMAX);
                v = Math.min(Math.max(v, -0.5f), VMAX);
                w = Math.min(Math.max(w, -WMAX), WMAX);
                pvs[s] = v;
                pws[s] = w;
                float th = ths[s] + w * DT;
                ths[s] = th;
                float q = (float) Math.rint(th * 0.63661977f);
                float r = th - q * 1.5707963705062866f + q * 4.37113900018624283e-8f;
                int qi = (int) q;
                float r2 = r * r;
                float sp = r + r * r2 * (-1.6666654611e-1f + r2 * (8.3321608736e-3f + r2 * -1.9515295891e-4f));
                float cp = 1.0f + r2 * (-0.5f + r2 * (4.166664568298827e-2f + r2 * (-1.388731625493765e-3f
                        + r2 * 2.443315711809948e-5f)));
                float ss = (qi & 1) != 0 ? cp : sp;
                float cc = (qi & 1) != 0 ? sp : cp;
                float sn = (qi & 2) != 0 ? -ss : ss;
                float cs = ((qi + 1) & 2) != 0 ? -cc : cc;
                float x = xs[s] + v * cs * DT;
                float y = ys[s] + v * sn * DT;
                xs[s] = x;
                ys[s] = y;
                float d = sdfAt(x, y);
                float pen = Math.max(0.0f, 0.5f - d);
                cost[s] += (d < 0.25f ? 1000.0f : 0.0f) + 20.0f * pen * pen + 0.1f * (v - ut) * (v - ut)
                        + 0.05f * (w - wt) * (w - wt) + 0.02f * Math.max(0.0f, -v);
            }
        }
    }

    private float sdfAt(float x, float y) {
        float gx = Math.min(Math.max(x / RES, 0.0f), G - 2.0f);
        float gy = Math.min(Math.max(y / RES, 0.0f), G - 2.0f);
        int ix = (int) gx;
        int iy = (int) gy;
        float fx = gx - ix;
        float fy = gy - iy;
        int i = iy * G + ix;
        return (1 - fy) * ((1 - fx) * sdf[i] + fx * sdf[i + 1]) + fy * ((1 - fx) * sdf[i + G] + fx * sdf[i + G + 1]);
    }

    /** The same loop on float lanes (padding samples beyond K compute and are ignored). */
    private void rolloutLanes() {
        start();
        final int lanes = S.length();
        for (int j = 0; j < t; j++) {
            final int base = j * kp;
            final float ut = uv[j];
            final float wt = uw[j];
            for (int s = 0; s < kp; s += lanes) {
                FloatVector pv = FloatVector.fromArray(S, pvs, s);
                FloatVector pw = FloatVector.fromArray(S, pws, s);
                FloatVector v = FloatVector.fromArray(S, evT, base + s).add(ut).max(pv.sub(AMAX)).min(pv.add(AMAX))
                        .max(-0.5f).min(VMAX);
                FloatVector w = FloatVector.fromArray(S, ewT, base + s).add(wt).max(pw.sub(AWMAX)).min(pw.add(AWMAX))
                        .max(-WMAX).min(WMAX);
                v.intoArray(pvs, s);
                w.intoArray(pws, s);
                FloatVector th = FloatVector.fromArray(S, ths, s).add(w.mul(DT));
                th.intoArray(ths, s);
                // sincos: nearest quadrant q (round half away from zero), reduced r, two polynomials
                FloatVector qf = th.mul(0.63661977f);
                FloatVector half = FloatVector.broadcast(S, 0.5f).blend(-0.5f, qf.compare(VectorOperators.LT, 0.0f));
                IntVector qi = (IntVector) qf.add(half).convert(VectorOperators.F2I, 0);
                FloatVector q = (FloatVector) qi.convert(VectorOperators.I2F, 0);
                FloatVector r = th.sub(q.mul(1.5707963705062866f)).add(q.mul(4.37113900018624283e-8f));
                FloatVector r2 = r.mul(r);
                FloatVector sp = r.add(r.mul(r2).mul(r2.mul(r2.mul(-1.9515295891e-4f).add(8.3321608736e-3f))
                        .add(-1.6666654611e-1f)));
                FloatVector cp = r2.mul(r2.mul(r2.mul(r2.mul(2.443315711809948e-5f).add(-1.388731625493765e-3f))
                        .add(4.166664568298827e-2f)).add(-0.5f)).add(1.0f);
                VectorMask<Float> odd = qi.and(1).compare(VectorOperators.NE, 0).cast(S);
                FloatVector ss = sp.blend(cp, odd);
                FloatVector cc = cp.blend(sp, odd);
                FloatVector sn = ss.blend(ss.neg(), qi.and(2).compare(VectorOperators.NE, 0).cast(S));
                FloatVector cs = cc.blend(cc.neg(), qi.add(1).and(2).compare(VectorOperators.NE, 0).cast(S));
                FloatVector x = FloatVector.fromArray(S, xs, s).add(v.mul(cs).mul(DT));
                FloatVector y = FloatVector.fromArray(S, ys, s).add(v.mul(sn).mul(DT));
                x.intoArray(xs, s);
                y.intoArray(ys, s);
                // bilinear SDF: cell index by truncation, the four corners gathered
                FloatVector gx = x.div(RES).max(0.0f).min(G - 2.0f);
                FloatVector gy = y.div(RES).max(0.0f).min(G - 2.0f);
                IntVector ix = (IntVector) gx.convert(VectorOperators.F2I, 0);
                IntVector iy = (IntVector) gy.convert(VectorOperators.F2I, 0);
                FloatVector fx = gx.sub((FloatVector) ix.convert(VectorOperators.I2F, 0));
                FloatVector fy = gy.sub((FloatVector) iy.convert(VectorOperators.I2F, 0));
                iy.mul(G).add(ix).intoArray(idx, 0);
                FloatVector s00 = FloatVector.fromArray(S, sdf, 0, idx, 0);
                FloatVector s01 = FloatVector.fromArray(S, sdf, 1, idx, 0);
                FloatVector s10 = FloatVector.fromArray(S, sdf, G, idx, 0);
                FloatVector s11 = FloatVector.fromArray(S, sdf, G + 1, idx, 0);
                FloatVector ex = fx.neg().add(1.0f);
                FloatVector d = fy.neg().add(1.0f).mul(ex.mul(s00).add(fx.mul(s01))).add(fy.mul(ex.mul(s10).add(fx.mul(s11))));
                FloatVector pen = d.neg().add(0.5f).max(0.0f);
                FloatVector hit = FloatVector.zero(S).blend(1000.0f, d.compare(VectorOperators.LT, 0.25f));
                FloatVector dv = v.sub(ut);
                FloatVector dw = w.sub(wt);
                FloatVector c = hit.add(pen.mul(pen).mul(20.0f)).add(dv.mul(dv).mul(0.1f)).add(dw.mul(dw).mul(0.05f))
                        .add(v.neg().max(0.0f).mul(0.02f));
                FloatVector.fromArray(S, cost, s).add(c).intoArray(cost, s);
            }
        }
    }

    /** Goal cost, softmax and the serial weighted mean over the k-major noise, as in the C. */
    private void update() {
        for (int s = 0; s < k; s++) {
            cost[s] += 5.0f * (float) Math.hypot(xs[s] - 9.0f, ys[s] - 9.0f);
        }
        float cmin = cost[0];
        for (int s = 1; s < k; s++) {
            cmin = Math.min(cmin, cost[s]);
        }
        float sum = 0;
        for (int s = 0; s < k; s++) {
            wgt[s] = (float) Math.exp(-(cost[s] - cmin) / LAMBDA);
            sum += wgt[s];
        }
        for (int j = 0; j < t; j++) {
            float av = 0;
            float aw = 0;
            for (int s = 0; s < k; s++) {
                av += wgt[s] * ev[s * t + j];
                aw += wgt[s] * ew[s * t + j];
            }
            uv[j] += av / sum;
            uw[j] += aw / sum;
        }
    }
}
