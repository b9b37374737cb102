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
                case "mlp" -> out.add(MlpTrainer.train(sample, mlp, memberSeed));
                default -> throw new IllegalArgumentException("ensemble member kind must be linear, sparse or mlp, got '"
                        + memberKind + "'");
            }
        }
        return new EnsembleModel(out);
    }
}
