package org.foresight.mpc.critic;

/**
 * Parameters of the {@link SpreadCritic} (the model's doubt as a cost), validated here; defaults in
 * {@link #defaults()}. Set from the command line as {@code --set critics.spread.weight=30}.
 *
 * @param weight cost per metre of positional spread σ_p at contact, averaged over the horizon (dimensionless per
 *               m), ≥ 0; 0 turns the critic off (and the planner then rolls no members out).
 * @param margin clearance of the footprint's circumscribed circle below which spread costs [m], &gt; 0: the
 *               proximity factor grows linearly from 0 at this clearance to 1 at contact.
 */
public record SpreadParams(double weight, double margin) {
    /** Validates every field. */
    public SpreadParams {
        Critics.nonNegative("critics.spread.weight", "", weight);
        Critics.positive("critics.spread.margin", "m", margin);
    }

    /** @return weight 0 (off) and margin 0.5 m (twice the obstacle critic's margin). */
    public static SpreadParams defaults() {
        return new SpreadParams(0.0, 0.5);
    }
}
