package org.foresight.worldmodel.adapt;

/**
 * Recursive least squares with exponential forgetting for one output y ≈ φᵀθ (n coefficients), kept from
 * winding up by a ridge toward the starting coefficients θ₀ (the offline fit). After k samples θ minimises
 * <pre>
 *   Σᵢ λᵏ⁻ⁱ·(yᵢ − φᵢᵀθ)² + (θ − θ₀)ᵀ·R₀·(θ − θ₀),     R₀ = I/p₀
 * </pre>
 * updated in information form, which keeps every direction's information at least R₀:
 * <pre>
 *   e = y − φᵀθ                                    (a-priori error, returned)
 *   R ← λ·R + φ·φᵀ + (1 − λ)·R₀                    (R₀ = R at the start: R ≥ R₀ always)
 *   r ← λ·r + φ·y + (1 − λ)·R₀·θ₀
 *   θ = R⁻¹·r                                      (Cholesky, n ≤ a few dozen)
 *   E ← λ·E + e²                                   (discounted squared error, for choosing among candidates)
 * </pre>
 * Plain exponential forgetting in covariance form divides P by λ every step, so the directions no sample
 * excites (e.g. features that coincide while the robot stays unsaturated) grow as λ⁻ᵏ, and the first sample
 * that does excite them makes the coefficients jump ("covariance wind-up"). Here such a direction's
 * information decays only to R₀: it falls back to θ₀ instead of to nothing (regularised forgetting; see
 * Gunnarsson, "Combining tracking and regularization in recursive least squares identification", CDC 1996).
 *
 * <p>{@link #restart()} forgets every sample (back to θ₀ with R = R₀), and {@link #forgetting(double)} changes λ
 * from the next update on: an adapter restarts when the robot has changed and remembers longer once the change
 * has been absorbed ({@link OnlineAdapter}).
 *
 * <p>Not thread-safe; allocation-free after construction (about n³/6 + 2n² flops per update).
 */
public final class Rls {
    private final int n;
    private double lambda;
    private final double r0;
    private final double[] theta;
    private final double[] theta0;
    private final double[] info;
    private final double[] rhs;
    private final double[] chol;
    private double errorEnergy;

    /**
     * @param theta0 initial coefficients (e.g. an offline fit), length n ≥ 1, finite. Copied.
     * @param p0     prior variance p₀ of every coefficient relative to the output's noise variance (R₀ = I/p₀), &gt; 0
     *               and finite: large means the data soon outweigh θ₀.
     * @param lambda forgetting factor λ in (0, 1]: a sample's weight after k more samples is λᵏ (memory about
     *               1/(1 − λ) samples).
     */
    public Rls(double[] theta0, double p0, double lambda) {
        if (theta0 == null || theta0.length == 0) {
            throw new IllegalArgumentException("RLS needs at least one coefficient");
        }
        for (double t : theta0) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("RLS initial coefficients must be finite, got " + t);
            }
        }
        if (!(p0 > 0) || !Double.isFinite(p0)) {
            throw new IllegalArgumentException("RLS prior variance p0 must be finite and > 0, got " + p0);
        }
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("RLS forgetting factor must be in (0, 1], got " + lambda);
        }
        this.n = theta0.length;
        this.lambda = lambda;
        this.r0 = 1.0 / p0;
        this.theta = theta0.clone();
        this.theta0 = theta0.clone();
        this.info = new double[n * n];
        this.rhs = new double[n];
        this.chol = new double[n * n];
        for (int i = 0; i < n; i++) {
            info[i * n + i] = r0;
            rhs[i] = r0 * theta0[i];
        }
    }

    /** Forgets every sample: θ = θ₀, R = R₀, r = R₀·θ₀, E = 0 (as constructed). */
    public void restart() {
        java.util.Arrays.fill(info, 0.0);
        for (int i = 0; i < n; i++) {
            info[i * n + i] = r0;
            rhs[i] = r0 * theta0[i];
            theta[i] = theta0[i];
        }
        errorEnergy = 0.0;
    }

    /**
     * Changes the forgetting factor from the next update on.
     *
     * @param lambda λ in (0, 1].
     * @throws IllegalArgumentException when out of range.
     */
    public void forgetting(double lambda) {
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("RLS forgetting factor must be in (0, 1], got " + lambda);
        }
        this.lambda = lambda;
    }

    /** @return the forgetting factor λ in use. */
    public double forgetting() {
        return lambda;
    }

    /** @return the number of coefficients n. */
    public int size() {
        return n;
    }

    /**
     * φᵀθ.
     *
     * @param phi features, length ≥ n. Not modified.
     * @return the prediction.
     */
    public double predict(double[] phi) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += phi[i] * theta[i];
        }
        return s;
    }

    /**
     * One update, see the class formula. A non-finite feature or target leaves the estimator unchanged.
     *
     * @param phi features, length ≥ n. Not modified.
     * @param y   the measured output.
     * @return the a-priori error y − φᵀθ (NaN when the sample was skipped).
     */
    public double update(double[] phi, double y) {
        if (!Double.isFinite(y)) {
            return Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(phi[i])) {
                return Double.NaN;
            }
        }
        double e = y - predict(phi);
        double keep = 1.0 - lambda;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                info[row + j] = lambda * info[row + j] + phi[i] * phi[j];
            }
            info[row + i] += keep * r0;
            rhs[i] = lambda * rhs[i] + phi[i] * y + keep * r0 * theta0[i];
        }
        solve();
        errorEnergy = lambda * errorEnergy + e * e;
        return e;
    }

    /** θ = R⁻¹·r by Cholesky R = L·Lᵀ (R ≥ R₀ is positive definite). */
    private void solve() {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = info[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= chol[i * n + k] * chol[j * n + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return; // numerically lost definiteness: keep the last coefficients
                    }
                    chol[i * n + i] = Math.sqrt(sum);
                } else {
                    chol[i * n + j] = sum / chol[j * n + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double sum = rhs[i];
            for (int k = 0; k < i; k++) {
                sum -= chol[i * n + k] * theta[k];
            }
            theta[i] = sum / chol[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = theta[i];
            for (int k = i + 1; k < n; k++) {
                sum -= chol[k * n + i] * theta[k];
            }
            theta[i] = sum / chol[i * n + i];
        }
    }

    /**
     * The coefficients now.
     *
     * @param out (Output) length ≥ n. Modified.
     */
    public void coefficients(double[] out) {
        System.arraycopy(theta, 0, out, 0, n);
    }

    /** @return coefficient i now. */
    public double coefficient(int i) {
        return theta[i];
    }

    /** @return the discounted squared a-priori error E = Σₖ λᵏ·e²₋ₖ. */
    public double errorEnergy() {
        return errorEnergy;
    }
}
