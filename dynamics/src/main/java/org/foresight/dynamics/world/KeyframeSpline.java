package org.foresight.dynamics.world;

/**
 * A looping keyframe path as Gazebo's actor animation plays it (the DynaBARN obstacle plugins): timed
 * keyframes P₀ … Pₙ₋₁ at t₀ = 0 &lt; … ≤ tₙ₋₁ = L, joined by cubic Hermite segments with Catmull-Rom
 * tangents taken in index space (tension 0), replayed with period L. Immutable and thread-safe.
 *
 * <pre>
 * τ = fmod(t, L);  segment i with tᵢ ≤ τ &lt; tᵢ₊₁;  α = (τ − tᵢ) / (tᵢ₊₁ − tᵢ)
 * Tᵢ = (Pᵢ₊₁ − Pᵢ₋₁) / 2 inside;  T₀ = (P₁ − P₀) / 2,  Tₙ₋₁ = (Pₙ₋₁ − Pₙ₋₂) / 2 at the ends;
 *   closed (P₀ = Pₙ₋₁): T₀ = (P₁ − Pₙ₋₂) / 2 and Tₙ₋₁ = T₀
 * p(α) = h₀₀·Pᵢ + h₁₀·Tᵢ + h₀₁·Pᵢ₊₁ + h₁₁·Tᵢ₊₁,
 *   h₀₀ = 2α³ − 3α² + 1,  h₁₀ = α³ − 2α² + α,  h₀₁ = −2α³ + 3α²,  h₁₁ = α³ − α²
 * ṗ = (h₀₀'·Pᵢ + h₁₀'·Tᵢ + h₀₁'·Pᵢ₊₁ + h₁₁'·Tᵢ₊₁) / (tᵢ₊₁ − tᵢ),
 *   h₀₀' = 6α² − 6α,  h₁₀' = 3α² − 4α + 1,  h₀₁' = −6α² + 6α,  h₁₁' = 3α² − 2α
 * </pre>
 * At a keyframe time exactly (α = 0) the position is that keyframe. At the end of each loop (τ wraps to 0) the
 * path jumps from Pₙ₋₁ back to P₀. Reference: {@code dynabarn/README.md} beside this class's resources.
 */
public final class KeyframeSpline {
    /** Index of x in {@link #evaluate}'s output. */
    public static final int X = 0;
    /** Index of y in {@link #evaluate}'s output. */
    public static final int Y = 1;
    /** Index of the x velocity in {@link #evaluate}'s output. */
    public static final int VX = 2;
    /** Index of the y velocity in {@link #evaluate}'s output. */
    public static final int VY = 3;

    private final double[] t;
    private final double[] px;
    private final double[] py;
    private final double[] tx;
    private final double[] ty;
    private final double period;

    /**
     * @param times keyframe times [s]: ≥ 2, t₀ = 0, non-decreasing, last &gt; 0 (the loop period L). Copied.
     * @param xs    keyframe x [m], as many as times. Copied.
     * @param ys    keyframe y [m], as many as times. Copied.
     * @throws IllegalArgumentException naming the quantity when the keyframes are malformed.
     */
    public KeyframeSpline(double[] times, double[] xs, double[] ys) {
        int n = times.length;
        if (n < 2 || xs.length != n || ys.length != n) {
            throw new IllegalArgumentException("a keyframe spline needs ≥ 2 keyframes with as many x and y as times: "
                    + n + " times, " + xs.length + " x, " + ys.length + " y");
        }
        if (times[0] != 0.0) {
            throw new IllegalArgumentException("the first keyframe time must be 0 s, got " + times[0]);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(times[i]) || !Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("keyframe " + i + " is not finite (t [s], x [m], y [m])");
            }
            if (i > 0 && times[i] < times[i - 1]) {
                throw new IllegalArgumentException("keyframe times [s] must not decrease: t" + i + " = " + times[i]
                        + " < t" + (i - 1) + " = " + times[i - 1]);
            }
        }
        if (!(times[n - 1] > 0)) {
            throw new IllegalArgumentException("the loop period (last keyframe time) must be > 0 s");
        }
        this.t = times.clone();
        this.px = xs.clone();
        this.py = ys.clone();
        this.period = times[n - 1];
        this.tx = new double[n];
        this.ty = new double[n];
        for (int i = 1; i < n - 1; i++) {
            tx[i] = 0.5 * (px[i + 1] - px[i - 1]);
            ty[i] = 0.5 * (py[i + 1] - py[i - 1]);
        }
        if (px[0] == px[n - 1] && py[0] == py[n - 1]) {
            int before = n >= 3 ? n - 2 : 0; // n = 2 and closed: both points equal, the tangent is 0
            tx[0] = 0.5 * (px[1] - px[before]);
            ty[0] = 0.5 * (py[1] - py[before]);
            tx[n - 1] = tx[0];
            ty[n - 1] = ty[0];
        } else {
            tx[0] = 0.5 * (px[1] - px[0]);
            ty[0] = 0.5 * (py[1] - py[0]);
            tx[n - 1] = 0.5 * (px[n - 1] - px[n - 2]);
            ty[n - 1] = 0.5 * (py[n - 1] - py[n - 2]);
        }
    }

    /** @return the loop period L [s]. */
    public double period() {
        return period;
    }

    /** @return the number of keyframes. */
    public int size() {
        return t.length;
    }

    /**
     * @param i keyframe index.
     * @return keyframe i's time [s].
     */
    public double time(int i) {
        return t[i];
    }

    /**
     * @param i keyframe index.
     * @return keyframe i's x [m].
     */
    public double x(int i) {
        return px[i];
    }

    /**
     * @param i keyframe index.
     * @return keyframe i's y [m].
     */
    public double y(int i) {
        return py[i];
    }

    /**
     * Position and velocity at a world time. Allocation-free.
     *
     * @param time world time [s], ≥ 0 and finite.
     * @param out  (Output) length ≥ 4: {@link #X}, {@link #Y} [m], {@link #VX}, {@link #VY} [m/s]. Modified.
     */
    public void evaluate(double time, double[] out) {
        if (!(time >= 0) || !Double.isFinite(time)) {
            throw new IllegalArgumentException("world time must be finite and ≥ 0 s: " + time);
        }
        double tau = time % period; // fmod, as Gazebo
        int i = segment(tau);
        double dt = t[i + 1] - t[i];
        double a = (tau - t[i]) / dt;
        double a2 = a * a;
        double a3 = a2 * a;
        double h00 = 2 * a3 - 3 * a2 + 1;
        double h10 = a3 - 2 * a2 + a;
        double h01 = -2 * a3 + 3 * a2;
        double h11 = a3 - a2;
        out[X] = h00 * px[i] + h10 * tx[i] + h01 * px[i + 1] + h11 * tx[i + 1];
        out[Y] = h00 * py[i] + h10 * ty[i] + h01 * py[i + 1] + h11 * ty[i + 1];
        double d00 = 6 * a2 - 6 * a;
        double d10 = 3 * a2 - 4 * a + 1;
        double d01 = -d00;
        double d11 = 3 * a2 - 2 * a;
        out[VX] = (d00 * px[i] + d10 * tx[i] + d01 * px[i + 1] + d11 * tx[i + 1]) / dt;
        out[VY] = (d00 * py[i] + d10 * ty[i] + d01 * py[i + 1] + d11 * ty[i + 1]) / dt;
    }

    /** The segment i with tᵢ ≤ τ &lt; tᵢ₊₁ for τ ∈ [0, L): binary search for the last tᵢ ≤ τ. */
    private int segment(double tau) {
        int lo = 0;
        int hi = t.length - 1; // t[hi] = L > tau
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] <= tau) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
