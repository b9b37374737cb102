package org.foresight.worldmodel.fit;

import java.util.List;

import org.foresight.worldmodel.features.FeatureLibrary;

/**
 * What to fit ({@link ModelFitter}). Defaults in {@link #defaults(String)}.
 *
 * @param kind       "physics", "linear", "sparse", "mlp" or "ensemble".
 * @param library    features of linear/sparse models (and their ensemble members), non-null.
 * @param lambda     relative ridge weight (dimensionless, ≥ 0) of linear, sparse and physics fits, see {@link RidgeRegression}.
 * @param mlp        MLP settings, non-null.
 * @param memberKind kind of ensemble members: "linear", "sparse" or "mlp".
 * @param members    ensemble size, ≥ 2.
 */
public record FitOptions(String kind, FeatureLibrary library, double lambda, MlpConfig mlp, String memberKind, int members) {
    /** Kinds accepted by {@link #kind()}. */
    public static final List<String> KINDS = List.of("physics", "linear", "sparse", "mlp", "ensemble");

    /** Validates every field. */
    public FitOptions {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("model kind must be one of " + KINDS + ", got '" + kind + "'");
        }
        if (library == null || mlp == null) {
            throw new IllegalArgumentException("feature library and MLP settings must not be null");
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("ridge weight lambda must be >= 0 (dimensionless), got " + lambda);
        }
        if (!List.of("linear", "sparse", "mlp").contains(memberKind)) {
            throw new IllegalArgumentException("ensemble member kind must be linear, sparse or mlp, got '" + memberKind + "'");
        }
        if (members < 2) {
            throw new IllegalArgumentException("ensemble size must be >= 2, got " + members);
        }
    }

    /**
     * Default library, λ = 1e-8, default MLP, ensembles of 5 sparse members.
     *
     * @param kind the kind.
     * @return the options.
     */
    public static FitOptions defaults(String kind) {
        return new FitOptions(kind, FeatureLibrary.defaults(), 1e-8, MlpConfig.defaults(), "sparse", 5);
    }
}
