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
            switch (memberKind) {
                case "linear" -> out.add(LinearFitter.fitRidge(sample, library, lambda));
                case "sparse" -> out.add(SparseFitter.fit(sample, library, lambda, memberSeed).model());
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
