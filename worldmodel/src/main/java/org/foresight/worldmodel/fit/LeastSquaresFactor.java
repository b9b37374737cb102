package org.foresight.worldmodel.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.QRPDecomposition;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * One (column-pivoted) Householder QR of a scaled design and its target, reused for ridge fits on any subset of the columns
 * (sequential thresholding refits many subsets of the same design). With S = diag(rms of each column of Φ)
 * and the thin QR [Φ S⁻¹ | y] = Q·R (R = R'·Pᵀ, (F+1)×(F+1), from the pivoted factorisation):
 * <pre>
 *   ‖Φ_A w − y‖² = ‖R[:, A]·(S w)_A − R[:, F]‖²          for any active set A (Q is orthonormal)
 *   w_A = argmin ‖R[:, A] u − R[:, F]‖² + λN‖u‖²,  w = S⁻¹u  solved as  [R[:, A]; √(λN)·I] u ≈ [R[:, F]; 0]
 * </pre>
 * so each subset fit costs O(F³) instead of O(N·F²), and equals {@link RidgeRegression#fit} on those
 * columns up to rounding (never the normal equations). Columns that are identically zero get coefficient 0.
 */
public final class LeastSquaresFactor {
    private final int n;
    private final int f;
    private final double[] scale;
    private final double targetRms;
    private final DMatrixRMaj r;

    /**
     * Factors the design.
     *
     * @param columns the design Φ as F columns of N samples each. Not modified.
     * @param y       targets, length N. Not modified.
     * @throws IllegalArgumentException on mismatched lengths or fewer samples than features.
     */
    public LeastSquaresFactor(double[][] columns, double[] y) {
        f = columns.length;
        n = y.length;
        if (n < f) {
            throw new IllegalArgumentException("need at least as many samples as features: " + n + " < " + f);
        }
        scale = new double[f];
        for (int j = 0; j < f; j++) {
            if (columns[j].length != n) {
                throw new IllegalArgumentException("feature column " + j + " has " + columns[j].length
                        + " samples, targets have " + n);
            }
            scale[j] = SparseRegression.rms(columns[j]);
        }
        targetRms = SparseRegression.rms(y);
        DMatrixRMaj a = new DMatrixRMaj(n, f + 1);
        double[] ad = a.data;
        int w = f + 1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                ad[i * w + j] = scale[j] > 0 ? columns[j][i] / scale[j] : 0.0;
            }
            ad[i * w + f] = y[i];
        }
        // column-pivoted so zero, duplicate or exactly fitted columns do not break the factorisation;
        // [Φ S⁻¹ | y]·P = Q·R'  ⇒  [Φ S⁻¹ | y] = Q·(R'·Pᵀ), and R = R'·Pᵀ serves the class formula unchanged
        QRPDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qrp(n, w);
        if (!qr.decompose(a)) {
            throw new IllegalStateException("QR decomposition failed on a " + n + "x" + w + " design");
        }
        DMatrixRMaj rp = qr.getR(null, true);
        int[] pivots = qr.getColPivots();
        r = new DMatrixRMaj(w, w);
        for (int j = 0; j < w; j++) {
            for (int i = 0; i < w; i++) {
                r.set(i, pivots[j], rp.get(i, j));
            }
        }
    }

    /** @return number of features F. */
    public int features() {
        return f;
    }

    /**
     * @param j a feature index.
     * @return rms of column j over the samples (its unit).
     */
    public double columnRms(int j) {
        return scale[j];
    }

    /** @return rms of the target (its unit). */
    public double targetRms() {
        return targetRms;
    }

    /**
     * Ridge fit on the active columns, see the class formula.
     *
     * @param active which columns take part (length F); the others get coefficient 0. Not modified.
     * @param lambda relative ridge weight (dimensionless), ≥ 0, as in {@link RidgeRegression}.
     * @return the F coefficients (units: target unit per feature unit).
     */
    public double[] solve(boolean[] active, double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("ridge weight lambda must be >= 0, got " + lambda);
        }
        int k = 0;
        for (int j = 0; j < f; j++) {
            k += active[j] ? 1 : 0;
        }
        double[] w = new double[f];
        if (k == 0) {
            return w;
        }
        int rows = f + 1 + k;
        DMatrixRMaj a = new DMatrixRMaj(rows, k);
        DMatrixRMaj b = new DMatrixRMaj(rows, 1);
        double ridge = Math.sqrt(lambda * n);
        for (int i = 0; i <= f; i++) {
            b.data[i] = r.get(i, f);
        }
        for (int j = 0, c = 0; j < f; j++) {
            if (!active[j]) {
                continue;
            }
            for (int i = 0; i <= f; i++) {
                a.set(i, c, scale[j] > 0 ? r.get(i, j) : 0.0);
            }
            // a zero column would make QR singular: a unit prior row keeps its coefficient at 0
            a.set(f + 1 + c, c, scale[j] > 0 ? ridge : 1.0);
            c++;
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!solver.setA(a)) {
            throw new IllegalStateException("QR decomposition failed on a reduced " + rows + "x" + k + " system");
        }
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        solver.solve(b, x);
        for (int j = 0, c = 0; j < f; j++) {
            if (active[j]) {
                w[j] = scale[j] > 0 ? x.data[c] / scale[j] : 0.0;
                c++;
            }
        }
        return w;
    }
}
