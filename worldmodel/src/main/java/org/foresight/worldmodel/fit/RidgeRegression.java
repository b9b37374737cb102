package org.foresight.worldmodel.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ridge least squares by Householder QR on the augmented system (never the normal equations, whose
 * condition number is the square of the design's):
 * <pre>
 *   w = argmin ‖Φw − y‖² + λ·N·‖Sw‖²   solved as   [Φ S⁻¹; √(λN)·I] (Sw) ≈ [y; 0]
 * </pre>
 * where S = diag(rms of each column of Φ) makes λ dimensionless and independent of the features' units
 * and of the sample count N. Columns that are identically zero get coefficient 0.
 */
public final class RidgeRegression {
    private RidgeRegression() {
    }

    /**
     * Fits w.
     *
     * @param columns the design Φ as F columns of N samples each. Not modified.
     * @param y       targets, length N. Not modified.
     * @param lambda  relative ridge weight (dimensionless), ≥ 0; e.g. 1e-8 only regularises degenerate directions.
     * @return the F coefficients.
     * @throws IllegalArgumentException on mismatched lengths, negative λ, or too few samples.
     */
    public static double[] fit(double[][] columns, double[] y, double lambda) {
        int f = columns.length;
        int n = y.length;
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("ridge weight lambda must be >= 0, got " + lambda);
        }
        if (f == 0) {
            return new double[0];
        }
        if (n < f) {
            throw new IllegalArgumentException("need at least as many samples as features: " + n + " < " + f);
        }
        double[] scale = new double[f];
        for (int j = 0; j < f; j++) {
            if (columns[j].length != n) {
                throw new IllegalArgumentException("feature column " + j + " has " + columns[j].length
                        + " samples, targets have " + n);
            }
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += columns[j][i] * columns[j][i];
            }
            scale[j] = Math.sqrt(ss / n);
        }
        int rows = n + f;
        DMatrixRMaj a = new DMatrixRMaj(rows, f);
        DMatrixRMaj b = new DMatrixRMaj(rows, 1);
        double[] ad = a.data;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                ad[i * f + j] = scale[j] > 0 ? columns[j][i] / scale[j] : 0.0;
            }
            b.data[i] = y[i];
        }
        // a zero column would make QR singular: give it a unit prior row instead so its coefficient is 0
        double ridge = Math.sqrt(Math.max(lambda * n, 0.0));
        for (int j = 0; j < f; j++) {
            ad[(n + j) * f + j] = scale[j] > 0 ? ridge : 1.0;
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!solver.setA(a)) {
            throw new IllegalStateException("QR decomposition failed on a " + rows + "x" + f + " design");
        }
        DMatrixRMaj x = new DMatrixRMaj(f, 1);
        solver.solve(b, x);
        double[] w = new double[f];
        for (int j = 0; j < f; j++) {
            w[j] = scale[j] > 0 ? x.data[j] / scale[j] : 0.0;
        }
        return w;
    }
}
