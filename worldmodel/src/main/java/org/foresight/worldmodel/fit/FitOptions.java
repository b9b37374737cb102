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
 * @param diversity  how ensemble members differ: one of {@link #DIVERSITIES}. "bootstrap": only by the episodes
 *                   resampled for each; "clamps": also every second member (1, 3, …) is fitted without the
 *                   library's input command clamps, so the members disagree wherever the commands go beyond
 *                   anything in the logs (linear/sparse members of a library with input clamps only).
 */
public record FitOptions(String kind, FeatureLibrary library, double lambda, MlpConfig mlp, String memberKind, int members,
                         String diversity) {
    /** Values accepted by {@link #diversity()}. */
    public static final List<String> DIVERSITIES = List.of("bootstrap", "clamps");

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
        if (!DIVERSITIES.contains(diversity)) {
            throw new IllegalArgumentException("ensemble diversity must be one of " + DIVERSITIES + ", got '" + diversity + "'");
        }
        if (diversity.equals("clamps") && (memberKind.equals("mlp") || library.inputs().isEmpty())) {
            throw new IllegalArgumentException("ensemble diversity 'clamps' needs linear or sparse members over a feature "
                    + "library with input clamps (\"inputs\": [\"sat(cmd_v,auto)\", ...]); got " + memberKind + " members and "
                    + (library.inputs().isEmpty() ? "no" : "some") + " input clamps");
        }
    }

    /**
     * Options whose ensembles differ by bootstrap only.
     *
     * @param kind       the kind.
     * @param library    features.
     * @param lambda     ridge weight.
     * @param mlp        MLP settings.
     * @param memberKind ensemble member kind.
     * @param members    ensemble size.
     */
    public FitOptions(String kind, FeatureLibrary library, double lambda, MlpConfig mlp, String memberKind, int members) {
        this(kind, library, lambda, mlp, memberKind, members, "bootstrap");
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
