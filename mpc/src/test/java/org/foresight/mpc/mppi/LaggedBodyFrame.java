package org.foresight.mpc.mppi;

import java.util.List;
import org.foresight.dynamics.model.Angles;
import org.foresight.dynamics.model.BodyFrameKinematics;
import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.dynamics.model.StateIndex;

/**
 * A test model in the body-frame form of {@link BodyFrameKinematics}, with the kinds of terms a fitted learned model
 * has (a command clamp, a first-order lag, a saturated difference, a speed-turn product), in double for the generic
 * kernel and in float for the fused one:
 * <pre>
 *   c_v = clamp(cmd_v, ±1.8),   e_ω = clamp(cmd_ω − ω, ±2.5)
 *   d_f = 0.05·v + 0.01·(c_v − v),   d_l = 0.002·v·ω,   d_θ = 0.05·ω + 0.01·e_ω
 *   d_v = 0.3·(c_v − v),             d_ω = 0.4·e_ω
 * </pre>
 */
final class LaggedBodyFrame implements DynamicsModel, BodyFrameKinematics {
    @Override
    public int stateDim() {
        return StateIndex.FULL_DIM;
    }

    @Override
    public int controlDim() {
        return 2;
    }

    @Override
    public List<String> stateNames() {
        return StateIndex.FULL_NAMES;
    }

    @Override
    public List<String> controlNames() {
        return List.of("cmd_v", "cmd_omega");
    }

    @Override
    public double dt() {
        return 0.05;
    }

    @Override
    public void step(double[] x, double[] u, double dt, double[] xNext) {
        double v = x[StateIndex.V];
        double w = x[StateIndex.OMEGA];
        double cv = Math.min(1.8, Math.max(-1.8, u[0]));
        double ew = Math.min(2.5, Math.max(-2.5, u[1] - w));
        double df = 0.05 * v + 0.01 * (cv - v);
        double dl = 0.002 * v * w;
        double dth = 0.05 * w + 0.01 * ew;
        double c = Math.cos(x[StateIndex.THETA]);
        double s = Math.sin(x[StateIndex.THETA]);
        double th = x[StateIndex.THETA];
        xNext[StateIndex.X] = x[StateIndex.X] + c * df - s * dl;
        xNext[StateIndex.Y] = x[StateIndex.Y] + s * df + c * dl;
        xNext[StateIndex.THETA] = Angles.wrap(th + dth);
        xNext[StateIndex.V] = v + 0.3 * (cv - v);
        xNext[StateIndex.OMEGA] = w + 0.4 * ew;
    }

    @Override
    public Block newFloatBlock() {
        return (v, ov, w, ow, cv, ocv, cw, ocw, d) -> {
            for (int j = 0; j < BLOCK; j++) {
                float vj = v[ov + j];
                float wj = w[ow + j];
                float c = Math.min(1.8f, Math.max(-1.8f, cv[ocv + j]));
                float e = Math.min(2.5f, Math.max(-2.5f, cw[ocw + j] - wj));
                d[j] = 0.05f * vj + 0.01f * (c - vj);
                d[BLOCK + j] = 0.002f * vj * wj;
                d[2 * BLOCK + j] = 0.05f * wj + 0.01f * e;
                d[3 * BLOCK + j] = 0.3f * (c - vj);
                d[4 * BLOCK + j] = 0.4f * e;
            }
        };
    }

    @Override
    public String describe() {
        return "lagged body-frame test model";
    }
}
