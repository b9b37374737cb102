package org.foresight.examples.bench;

import org.foresight.mpc.perception.DistanceGrid;

/**
 * The world of the C yardstick {@code ../shared/perf/mppi_soa.c}, rebuilt in its float arithmetic:
 * a 10 m square signed distance field of 200 × 200 samples at 0.05 m, sample (i, j) at the point
 * (i·0.05, j·0.05) m, holding min(10, min over 60 discs of ‖p − c‖ − r). The discs come from glibc's
 * {@code srand(7)}/{@code rand()} sequence, as the C draws them:
 * <pre>
 *   c_x = (rand() mod 1000)/100,  c_y = (rand() mod 1000)/100,  r = 0.1 + (rand() mod 30)/100   [m]
 * </pre>
 * As a {@link DistanceGrid} (whose sample ix sits at origin + (ix + ½)·res) the origin is (−0.025, −0.025) m,
 * so its samples land on the C's points. Used by {@link MppiParityBenchmark}.
 */
final class YardstickWorld {
    /** Samples per side. */
    static final int SIZE = 200;
    /** Sample spacing [m]. */
    static final double RESOLUTION = 0.05;
    /** Discs in the world. */
    static final int DISCS = 60;

    private YardstickWorld() {
    }

    /** @return the field (a new array each call). */
    static DistanceGrid grid() {
        float[] sdf = new float[SIZE * SIZE]; // C layout: j·G + i
        java.util.Arrays.fill(sdf, 10.0f);
        GlibcRand rand = new GlibcRand(7);
        final float res = 0.05f;
        for (int o = 0; o < DISCS; o++) {
            float cx = (rand.next() % 1000) / 100.0f;
            float cy = (rand.next() % 1000) / 100.0f;
            float r = 0.1f + (rand.next() % 30) / 100.0f;
            for (int j = 0; j < SIZE; j++) {
                for (int i = 0; i < SIZE; i++) {
                    float d = (float) Math.hypot(i * res - cx, j * res - cy) - r;
                    if (d < sdf[j * SIZE + i]) {
                        sdf[j * SIZE + i] = d;
                    }
                }
            }
        }
        double[] v = new double[SIZE * SIZE]; // DistanceGrid layout: ix·sizeY + iy
        for (int j = 0; j < SIZE; j++) {
            for (int i = 0; i < SIZE; i++) {
                v[i * SIZE + j] = sdf[j * SIZE + i];
            }
        }
        return new DistanceGrid(v, SIZE, SIZE, RESOLUTION, -0.5 * RESOLUTION, -0.5 * RESOLUTION);
    }

    /**
     * glibc's default {@code random()} (TYPE_3: additive feedback r_i = r_{i−3} + r_{i−31} mod 2³², the first 310
     * outputs discarded, each output r_i ≫ 1), seeded as {@code srand(seed)} seeds it; {@code srand(7)} gives
     * 1045618677, 1863967299, 1272579899, … as on the machine's glibc.
     */
    static final class GlibcRand {
        private final int[] ring = new int[34];
        private int i;

        GlibcRand(int seed) {
            int[] r = new int[344];
            r[0] = seed;
            for (int k = 1; k < 31; k++) {
                long x = (16807L * r[k - 1]) % 2147483647L;
                r[k] = (int) (x < 0 ? x + 2147483647L : x);
            }
            for (int k = 31; k < 34; k++) {
                r[k] = r[k - 31];
            }
            for (int k = 34; k < 344; k++) {
                r[k] = r[k - 31] + r[k - 3];
            }
            for (int k = 344 - 34; k < 344; k++) {
                ring[k % 34] = r[k];
            }
            i = 344;
        }

        /** @return the next rand() value in [0, 2³¹). */
        int next() {
            int v = ring[(i - 31) % 34] + ring[(i - 3) % 34];
            ring[i % 34] = v;
            i++;
            return v >>> 1;
        }
    }
}
