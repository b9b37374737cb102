package org.foresight.mpc.switching;

/**
 * What one driving mode lets the optimiser do: its speed bounds and cruise speed, and how much reversing
 * costs. Immutable; validated in the constructor.
 *
 * @param speedTarget        cruise speed the speed critic holds [m/s], ≥ 0.
 * @param minV               lowest forward-speed command [m/s] (negative allows reversing).
 * @param maxV               highest forward-speed command [m/s], &gt; minV.
 * @param preferForwardWeight cost per m/s of reversing (the prefer-forward critic's weight), ≥ 0.
 */
public record ModeLimits(double speedTarget, double minV, double maxV, double preferForwardWeight) {

    /** Validates every field; see the record Javadoc. */
    public ModeLimits {
        if (!(speedTarget >= 0) || !Double.isFinite(speedTarget)) {
            throw new IllegalArgumentException("speedTarget must be a finite speed >= 0 m/s, got " + speedTarget);
        }
        if (!Double.isFinite(minV) || !Double.isFinite(maxV) || !(maxV > minV)) {
            throw new IllegalArgumentException("speed bounds minV/maxV [m/s] must be finite with maxV > minV, got ["
                    + minV + ", " + maxV + "]");
        }
        if (!(preferForwardWeight >= 0) || !Double.isFinite(preferForwardWeight)) {
            throw new IllegalArgumentException("preferForwardWeight must be finite and >= 0 per m/s, got "
                    + preferForwardWeight);
        }
    }
}
