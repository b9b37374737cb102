package org.foresight.mpc.ilqr;

/**
 * The backward pass of box-constrained iLQR (Tassa, Mansard and Todorov, ICRA 2014) over an {@link LqProblem}:
 * from V_x = ℓ_T,x and V_xx = ℓ_T,xx, per step t = T−1 … 0,
 * <pre>
 *   Q_x = ℓ_x + Ãᵀ V_x          Q_u = ℓ_u + B̃ᵀ V_x
 *   Q_xx = ℓ_xx + Ãᵀ V_xx Ã     Q_uu = ℓ_uu + B̃ᵀ V_xx B̃     Q_ux = ℓ_ux + B̃ᵀ V_xx Ã
 *   k = argmin_{ū+k ∈ box} ½ kᵀ(Q_uu + μI)k + Q_uᵀk              exact 2-D box QP (interior, or best of 4 edges)
 *   K_f = −(Q_uu + μI)_ff⁻¹ (Q_ux)_f,   K_c = 0                     f: controls free at the solution, c: clamped
 *   V_x = Q_x + KᵀQ_uu k + KᵀQ_u + Q_uxᵀ k
 *   V_xx = Q_xx + Kᵀ(Q_uu K + Q_ux) + Q_uxᵀK                        (its upper triangle, mirrored)
 *   ΔV(α) = α Σ kᵀQ_u + ½α² Σ kᵀQ_uu k                              the predicted change
 * </pre>
 * with Ã = [A 0; 0 0] and B̃ = [B; I] the dynamics augmented by the previous control ({@link LqProblem}).
 * Sized once for one (n, T); allocation-free; not thread-safe.
 */
final class BackwardPass {
    private static final int M = LqProblem.M;
    private static final int V = 0;
    private static final int W = 1;

    /** Feed-forward gains k_t at [t·2]. */
    final double[] kff;
    /** Feedback gains K_t (2 × na, row-major) at [t·2·na]. */
    final double[] kfb;
    /** Predicted change ΔV(α) = α·dV1 + α²·dV2 of the last successful pass. */
    double dV1;
    /** See {@link #dV1}. */
    double dV2;

    private final double[] vx;
    private final double[] vxx;
    private final double[] qx;
    private final double[] qu = new double[M];
    private final double[] qxx;
    private final double[] quu = new double[M * M];
    private final double[] qux;
    private final double[] tmpXX;
    private final double[] tmpXU;
    private final double[] gk;
    /** The box QP's result: k0, k1, free0, free1. */
    final double[] box = new double[4];

    /** @param lq the problem whose dimensions to size for. */
    BackwardPass(LqProblem lq) {
        int a = lq.na;
        int T = lq.horizon;
        kff = new double[T * M];
        kfb = new double[T * M * a];
        vx = new double[a];
        vxx = new double[a * a];
        qx = new double[a];
        qxx = new double[a * a];
        qux = new double[M * a];
        tmpXX = new double[a * a];
        tmpXU = new double[a * M];
        gk = new double[M * a];
    }

    /**
     * One backward pass with regularisation μ; fills {@link #kff}, {@link #kfb}, {@link #dV1} and {@link #dV2}.
     *
     * @param lq       the approximation along the nominal trajectory. Not modified.
     * @param us       the nominal controls ū, T × 2 interleaved. Not modified.
     * @param mu       Levenberg–Marquardt regularisation μ ≥ 0 added to Q_uu's diagonal.
     * @param minV     lower bound of cmd_v [m/s].
     * @param maxV     upper bound of cmd_v [m/s].
     * @param maxOmega bound of |cmd_ω| [rad/s].
     * @return false if some (Q_uu + μI) is not positive definite (the gains are then incomplete).
     */
    boolean run(LqProblem lq, double[] us, double mu, double minV, double maxV, double maxOmega) {
        final int T = lq.horizon;
        final int a = lq.na;
        final int nn = lq.n;
        // Locals, not fields, in the loops: the JIT then keeps the arrays in registers and drops range checks.
        final double[] fx = lq.fx;
        final double[] fu = lq.fu;
        final double[] lx = lq.lx;
        final double[] lxx = lq.lxx;
        final double[] lu = lq.lu;
        final double[] luu = lq.luu;
        final double[] lux = lq.lux;
        final double[] vx = this.vx;
        final double[] vxx = this.vxx;
        final double[] qx = this.qx;
        final double[] qu = this.qu;
        final double[] qxx = this.qxx;
        final double[] quu = this.quu;
        final double[] qux = this.qux;
        final double[] tmpXX = this.tmpXX;
        final double[] tmpXU = this.tmpXU;
        final double[] gk = this.gk;
        final double[] kfb = this.kfb;
        final double[] kff = this.kff;
        System.arraycopy(lx, T * a, vx, 0, a);
        System.arraycopy(lxx, T * a * a, vxx, 0, a * a);
        double d1 = 0.0;
        double d2 = 0.0;
        for (int t = T - 1; t >= 0; t--) {
            final int oX = t * a * a;
            final int oU = t * a * M;
            // The augmented Ã = [A 0; 0 0] is zero outside its top-left n × n block and B̃ = [B; I] is the identity
            // below B, so every product runs over the model's n rows, not n + 2, and B̃'s identity block is an
            // addition: for the unicycle (n = 3) about half the work of the dense products.
            // Q_x = ℓ_x + Ãᵀ V_x,  Q_u = ℓ_u + B̃ᵀ V_x
            for (int col = 0; col < a; col++) {
                double s = lx[t * a + col];
                if (col < nn) {
                    for (int r = 0; r < nn; r++) {
                        s += fx[oX + r * a + col] * vx[r];
                    }
                }
                qx[col] = s;
            }
            for (int i = 0; i < M; i++) {
                double s = lu[t * M + i] + vx[nn + i];
                for (int r = 0; r < nn; r++) {
                    s += fu[oU + r * M + i] * vx[r];
                }
                qu[i] = s;
            }
            // V_xx Ã (columns ≥ n are zero, never read) and V_xx B̃
            for (int r = 0; r < a; r++) {
                for (int col = 0; col < nn; col++) {
                    double s = 0.0;
                    for (int k = 0; k < nn; k++) {
                        s += vxx[r * a + k] * fx[oX + k * a + col];
                    }
                    tmpXX[r * a + col] = s;
                }
                for (int i = 0; i < M; i++) {
                    double s = vxx[r * a + nn + i];
                    for (int k = 0; k < nn; k++) {
                        s += vxx[r * a + k] * fu[oU + k * M + i];
                    }
                    tmpXU[r * M + i] = s;
                }
            }
            // Q_xx = ℓ_xx + Ãᵀ(V_xx Ã),  Q_uu = ℓ_uu + B̃ᵀ(V_xx B̃),  Q_ux = ℓ_ux + B̃ᵀ(V_xx Ã)
            for (int r = 0; r < a; r++) {
                for (int col = 0; col < a; col++) {
                    double s = lxx[oX + r * a + col];
                    if (r < nn && col < nn) {
                        for (int k = 0; k < nn; k++) {
                            s += fx[oX + k * a + r] * tmpXX[k * a + col];
                        }
                    }
                    qxx[r * a + col] = s;
                }
            }
            for (int i = 0; i < M; i++) {
                for (int jj = 0; jj < M; jj++) {
                    double s = luu[t * M * M + i * M + jj] + tmpXU[(nn + i) * M + jj];
                    for (int k = 0; k < nn; k++) {
                        s += fu[oU + k * M + i] * tmpXU[k * M + jj];
                    }
                    quu[i * M + jj] = s;
                }
                for (int col = 0; col < a; col++) {
                    double s = lux[t * M * a + i * a + col];
                    if (col < nn) {
                        s += tmpXX[(nn + i) * a + col];
                        for (int k = 0; k < nn; k++) {
                            s += fu[oU + k * M + i] * tmpXX[k * a + col];
                        }
                    }
                    qux[i * a + col] = s;
                }
            }
            double q01 = 0.5 * (quu[1] + quu[2]);
            quu[1] = q01;
            quu[2] = q01;
            // Box QP on the regularised Hessian.
            double h00 = quu[0] + mu;
            double h11 = quu[3] + mu;
            double det = h00 * h11 - q01 * q01;
            if (!(h00 > 0 && h11 > 0 && det > 0)) {
                return false;
            }
            double ubV = us[t * M + V];
            double ubW = us[t * M + W];
            solveBox(h00, q01, h11, qu[0], qu[1], minV - ubV, maxV - ubV, -maxOmega - ubW, maxOmega - ubW);
            double k0 = box[0];
            double k1 = box[1];
            boolean free0 = box[2] != 0.0;
            boolean free1 = box[3] != 0.0;
            kff[t * M + V] = k0;
            kff[t * M + W] = k1;
            final int oK = t * M * a;
            for (int col = 0; col < a; col++) {
                double g0 = qux[col];
                double g1 = qux[a + col];
                double kv;
                double kw;
                if (free0 && free1) {
                    kv = -(h11 * g0 - q01 * g1) / det;
                    kw = -(h00 * g1 - q01 * g0) / det;
                } else {
                    kv = free0 ? -g0 / h00 : 0.0;
                    kw = free1 ? -g1 / h11 : 0.0;
                }
                kfb[oK + col] = kv;
                kfb[oK + a + col] = kw;
            }
            // Value function (unregularised Q_uu).
            double qk0 = quu[0] * k0 + quu[1] * k1;
            double qk1 = quu[2] * k0 + quu[3] * k1;
            d1 += k0 * qu[0] + k1 * qu[1];
            d2 += 0.5 * (k0 * qk0 + k1 * qk1);
            for (int col = 0; col < a; col++) {
                double K0 = kfb[oK + col];
                double K1 = kfb[oK + a + col];
                vx[col] = qx[col] + K0 * (qk0 + qu[0]) + K1 * (qk1 + qu[1]) + qux[col] * k0 + qux[a + col] * k1;
            }
            // V_xx = Q_xx + Kᵀ(Q_uu K + Q_ux) + Q_uxᵀ K, with G = Q_uu K + Q_ux (2 × a) formed once and only the
            // upper triangle computed (V_xx is symmetric by construction; the lower one is mirrored).
            for (int col = 0; col < a; col++) {
                double Kc0 = kfb[oK + col];
                double Kc1 = kfb[oK + a + col];
                gk[col] = quu[0] * Kc0 + quu[1] * Kc1 + qux[col];
                gk[a + col] = quu[2] * Kc0 + quu[3] * Kc1 + qux[a + col];
            }
            for (int r = 0; r < a; r++) {
                double Kr0 = kfb[oK + r];
                double Kr1 = kfb[oK + a + r];
                double xr0 = qux[r];
                double xr1 = qux[a + r];
                for (int col = r; col < a; col++) {
                    double v = qxx[r * a + col] + Kr0 * gk[col] + Kr1 * gk[a + col]
                            + xr0 * kfb[oK + col] + xr1 * kfb[oK + a + col];
                    vxx[r * a + col] = v;
                    vxx[col * a + r] = v;
                }
            }
        }
        dV1 = d1;
        dV2 = d2;
        return true;
    }

    /**
     * min ½kᵀHk + gᵀk over lo ≤ k ≤ hi for a positive definite 2×2 H = [h00 h01; h01 h11]: the unconstrained
     * minimiser if it is inside, else the best of the four edges (one coordinate at a bound, the other at its
     * clipped 1-D minimiser), which is exact for a convex QP. Writes k0, k1, free0, free1 (1 = strictly inside
     * its bounds) into {@link #box}.
     */
    void solveBox(double h00, double h01, double h11, double g0, double g1,
                          double lo0, double hi0, double lo1, double hi1) {
        double det = h00 * h11 - h01 * h01;
        double u0 = -(h11 * g0 - h01 * g1) / det;
        double u1 = -(h00 * g1 - h01 * g0) / det;
        if (u0 >= lo0 && u0 <= hi0 && u1 >= lo1 && u1 <= hi1) {
            box[0] = u0;
            box[1] = u1;
            box[2] = 1.0;
            box[3] = 1.0;
            return;
        }
        double best = Double.POSITIVE_INFINITY;
        double b0 = 0.0;
        double b1 = 0.0;
        for (int e = 0; e < 4; e++) {
            double a0;
            double a1;
            if (e < 2) {
                a0 = e == 0 ? lo0 : hi0;
                a1 = clamp(-(g1 + h01 * a0) / h11, lo1, hi1);
            } else {
                a1 = e == 2 ? lo1 : hi1;
                a0 = clamp(-(g0 + h01 * a1) / h00, lo0, hi0);
            }
            double q = 0.5 * (h00 * a0 * a0 + 2 * h01 * a0 * a1 + h11 * a1 * a1) + g0 * a0 + g1 * a1;
            if (q < best) {
                best = q;
                b0 = a0;
                b1 = a1;
            }
        }
        box[0] = b0;
        box[1] = b1;
        box[2] = b0 > lo0 && b0 < hi0 ? 1.0 : 0.0;
        box[3] = b1 > lo1 && b1 < hi1 ? 1.0 : 0.0;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
