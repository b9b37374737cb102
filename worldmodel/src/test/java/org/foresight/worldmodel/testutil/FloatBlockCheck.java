package org.foresight.worldmodel.testutil;

import java.util.SplittableRandom;

import org.foresight.dynamics.model.BodyFrameKinematics;
import org.foresight.worldmodel.model.BodyFrameModel;

/**
 * A model's float block ({@link BodyFrameKinematics#newFloatBlock}) against its double
 * {@link BodyFrameModel#bodyDelta}, sample by sample, over random inputs wide enough to reach every clamp of the
 * test models (|v| ≤ 2.5 m/s, |ω| ≤ 4 rad/s, |cmd_v| ≤ 3 m/s, |cmd_ω| ≤ 5 rad/s), each input row read at its own
 * offset.
 */
public final class FloatBlockCheck {
    private static final int N = BodyFrameKinematics.BLOCK;

    private FloatBlockCheck() {
    }

    /**
     * @param model a body-frame model that declares {@link BodyFrameKinematics}.
     * @param seed  seed of the inputs.
     * @return the largest |float − double| / (1 + |double|) over 50 blocks and the five outputs.
     */
    public static <M extends BodyFrameModel & BodyFrameKinematics> double worstRelativeError(M model, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BodyFrameKinematics.Block block = model.newFloatBlock();
        float[] v = new float[N + 3];
        float[] w = new float[N + 5];
        float[] cv = new float[N + 7];
        float[] cw = new float[N + 2];
        float[] d = new float[5 * N];
        double[] ref = new double[5];
        double worst = 0;
        for (int round = 0; round < 50; round++) {
            for (int j = 0; j < N; j++) { // offsets 3, 5, 7, 2: the block reads at any offset
                v[3 + j] = (float) (-2.5 + 5 * r.nextDouble());
                w[5 + j] = (float) (-4 + 8 * r.nextDouble());
                cv[7 + j] = (float) (-3 + 6 * r.nextDouble());
                cw[2 + j] = (float) (-5 + 10 * r.nextDouble());
            }
            block.bodyDelta(v, 3, w, 5, cv, 7, cw, 2, d);
            for (int j = 0; j < N; j++) {
                model.bodyDelta(v[3 + j], w[5 + j], cv[7 + j], cw[2 + j], ref);
                for (int o = 0; o < 5; o++) {
                    worst = Math.max(worst, Math.abs(d[o * N + j] - ref[o]) / (1 + Math.abs(ref[o])));
                }
            }
        }
        return worst;
    }
}
