package org.foresight.worldmodel.adapt;

/**
 * Recursive least squares with exponential forgetting for one output y ≈ φᵀθ (n coefficients), with the
 * covariance bounded so that it cannot wind up while the data do not excite every direction:
 * <pre>
 *   e = y − φᵀθ                           (a-priori error, returned)
 *   g = P·φ,   s = λ + φᵀ·g,   k = g/s
 *   θ ← θ + k·e
 *   P ← (P − g·gᵀ/s) / c,   c = clamp(trace(P − g·gᵀ/s) / traceLimit, λ, 1)
 *   E ← λ·E + e²                          (discounted squared error, for choosing among candidates)
 * </pre>
 * Plain exponential forgetting divides P by λ every step, so the directions no sample excites grow as λ⁻ᵏ and
 * the first sample that does excite them makes the coefficients jump ("covariance wind-up"). Here the division
 * stops once trace(P) reaches its initial value n·p₀: forgetting then only makes room for information that was
 * actually gathered (a bounded-trace variant of Fortescue, Kershenbaum and Ydstie, Automatica 17(6), 1981).
 * The update of P is written as the symmetric outer product g·gᵀ/s, so P stays exactly symmetric.
 *
 * <p>Not thread-safe; allocation-free after construction (cost per update about 3n² + 6n flops).
 */
public final class Rls {
    private final int n;
    private final double lambda;
    private final double traceLimit;
    private final double[] theta;
    private final double[] p;
    private final double[] g;
    private double errorEnergy;

    /**
     * @param theta0 initial coefficients (e.g. an offline fit), length n ≥ 1, finite. Copied.
     * @param p0     initial covariance P₀ = p₀·I (coefficient variance relative to the output's noise variance;
     *               large: the data soon outweigh the start), &gt; 0 and finite.
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
            throw new IllegalArgumentException("RLS initial covariance p0 must be finite and > 0, got " + p0);
        }
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("RLS forgetting factor must be in (0, 1], got " + lambda);
        }
        this.n = theta0.length;
        this.lambda = lambda;
        this.theta = theta0.clone();
        this.p = new double[n * n];
        this.g = new double[n];
        for (int i = 0; i < n; i++) {
            p[i * n + i] = p0;
        }
        this.traceLimit = n * p0;
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
        double s = lambda;
        for (int i = 0; i < n; i++) {
            double gi = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                gi += p[row + j] * phi[j];
            }
            g[i] = gi;
            s += phi[i] * gi;
        }
        double inv = 1.0 / s;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            theta[i] += g[i] * inv * e;
            int row = i * n;
            double gi = g[i] * inv;
            for (int j = 0; j < n; j++) {
                p[row + j] -= gi * g[j];
            }
            trace += p[row + i];
        }
        double c = Math.min(1.0, Math.max(lambda, trace / traceLimit));
        if (c != 1.0) {
            double scale = 1.0 / c;
            for (int i = 0; i < n * n; i++) {
                p[i] *= scale;
            }
        }
        errorEnergy = lambda * errorEnergy + e * e;
        return e;
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

    /** @return trace(P), ≤ n·p₀. */
    public double covarianceTrace() {
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += p[i * n + i];
        }
        return t;
    }

    /** @return the discounted squared a-priori error E = Σₖ λᵏ·e²₋ₖ. */
    public double errorEnergy() {
        return errorEnergy;
    }
}
