package org.foresight.worldmodel.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.model.BodyFrameModel;
import org.foresight.worldmodel.model.EnsembleModel;

/**
 * Bootstrap ensembles: each member is fitted on N episodes drawn with replacement from the N training
 * episodes (resampling whole episodes keeps their time correlation), with its own derived seed.
 *
 * <p>A bootstrap of models linear in their coefficients only spreads by the coefficients' estimation noise: where
 * the logs never went (e.g. yaw-rate commands beyond any logged), all members extrapolate alike and the spread
 * stays tiny while the error is large (README, "Doubt as a cost"). With {@code alternateClamps} every second
 * member (1, 3, …) is fitted over the library without its input command clamps: inside the logged command range
 * the clamp is inactive and the members agree, beyond it the clamped members hold the command at the largest
 * logged level while the others extrapolate, so the spread grows exactly where the data end.
 */
public final class EnsembleFitter {
    private EnsembleFitter() {
    }

    /**
     * Fits the ensemble.
     *
     * @param train      training episodes.
     * @param memberKind "linear", "sparse" or "mlp".
     * @param members    number of members, ≥ 2.
     * @param library    feature library for linear/sparse members.
     * @param lambda     relative ridge weight for linear/sparse members.
     * @param mlp        settings for MLP members.
     * @param seed       seed of the resampling and of each member.
     * @return the ensemble.
     */
    public static EnsembleModel fit(List<Episode> train, String memberKind, int members, FeatureLibrary library,
                                    double lambda, MlpConfig mlp, long seed) {
        return fit(train, memberKind, members, library, lambda, mlp, seed, FitProgress.NONE);
    }

    /**
     * As {@link #fit(List, String, int, FeatureLibrary, double, MlpConfig, long)}, reporting progress in
     * thousandths: each member is an equal share, an MLP member's share filled by its optimiser steps.
     *
     * @param train      training episodes.
     * @param memberKind "linear", "sparse" or "mlp".
     * @param members    number of members, ≥ 2.
     * @param library    feature library for linear/sparse members.
     * @param lambda     relative ridge weight for linear/sparse members.
     * @param mlp        settings for MLP members.
     * @param seed       seed of the resampling and of each member.
     * @param progress   receives (done, total); the result does not depend on it.
     * @return the ensemble.
     */
    public static EnsembleModel fit(List<Episode> train, String memberKind, int members, FeatureLibrary library,
                                    double lambda, MlpConfig mlp, long seed, FitProgress progress) {
        return fit(train, memberKind, members, library, lambda, mlp, seed, false, progress);
    }

    /**
     * As {@link #fit(List, String, int, FeatureLibrary, double, MlpConfig, long, FitProgress)}, optionally with
     * structural diversity (see the class comment).
     *
     * @param train           training episodes.
     * @param memberKind      "linear", "sparse" or "mlp".
     * @param members         number of members, ≥ 2.
     * @param library         feature library for linear/sparse members.
     * @param lambda          relative ridge weight for linear/sparse members.
     * @param mlp             settings for MLP members.
     * @param seed            seed of the resampling and of each member.
     * @param alternateClamps fit members 1, 3, … without the library's input clamps (linear/sparse only).
     * @param progress        receives (done, total); the result does not depend on it.
     * @return the ensemble.
     */
    public static EnsembleModel fit(List<Episode> train, String memberKind, int members, FeatureLibrary library,
                                    double lambda, MlpConfig mlp, long seed, boolean alternateClamps,
                                    FitProgress progress) {
        if (alternateClamps && (memberKind.equals("mlp") || library.inputs().isEmpty())) {
            throw new IllegalArgumentException("alternating input clamps needs linear or sparse members over a library "
                    + "with input clamps");
        }
        List<List<org.foresight.worldmodel.features.Term>> terms = new ArrayList<>();
        for (int r = 0; r < org.foresight.worldmodel.model.BodyDelta.DIM; r++) {
            terms.add(library.terms(r));
        }
        FeatureLibrary unclamped = new FeatureLibrary(terms);
        if (members < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 members, got " + members);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<BodyFrameModel> out = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            List<Episode> sample = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                sample.add(train.get(rng.nextInt(train.size())));
            }
            long memberSeed = rng.nextLong();
            FeatureLibrary lib = alternateClamps && m % 2 == 1 ? unclamped : library;
            switch (memberKind) {
                case "linear" -> out.add(LinearFitter.fitRidge(sample, lib, lambda));
                case "sparse" -> out.add(SparseFitter.fit(sample, lib, lambda, memberSeed).model());
                case "mlp" -> {
                    final int member = m;
                    out.add(MlpTrainer.train(sample, mlp, memberSeed,
                            (done, total) -> progress.update(1000L * member + 1000L * done / total, 1000L * members)));
                }
                default -> throw new IllegalArgumentException("ensemble member kind must be linear, sparse or mlp, got '"
                        + memberKind + "'");
            }
            progress.update(1000L * (m + 1), 1000L * members);
        }
        return new EnsembleModel(out);
    }
}
