package org.foresight.worldmodel.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.model.BodyFrameModel;

/** One entry point for every model kind: fits on training episodes and says what it chose. */
public final class ModelFitter {
    private ModelFitter() {
    }

    /**
     * The fitted model and the choices made on the way (for provenance).
     *
     * @param model   the model.
     * @param details e.g. the sparse threshold and its validation scores; deterministic values only.
     */
    public record Result(BodyFrameModel model, Map<String, Object> details) {
    }

    /**
     * Fits.
     *
     * @param train   training episodes (never the held-out ones).
     * @param options what to fit.
     * @param seed    seed of every random choice (inner splits, MLP weights and batches, bootstrap).
     * @return the model and details.
     */
    public static Result fit(List<Episode> train, FitOptions options, long seed) {
        return fit(train, options, seed, FitProgress.NONE);
    }

    /**
     * Fits, reporting progress (MLP optimiser steps; ensemble members).
     *
     * @param train    training episodes (never the held-out ones).
     * @param options  what to fit.
     * @param seed     seed of every random choice.
     * @param progress receives (done, total); the result does not depend on it.
     * @return the model and details.
     */
    public static Result fit(List<Episode> train, FitOptions options, long seed, FitProgress progress) {
        Map<String, Object> details = new LinkedHashMap<>();
        BodyFrameModel model;
        switch (options.kind()) {
            case "physics" -> {
                PhysicsFitter.Result r = PhysicsFitter.fit(train, options.lambda(), seed);
                model = r.model();
                details.putAll(r.details());
            }
            case "linear" -> {
                model = LinearFitter.fitRidge(train, options.library(), options.lambda());
                details.put("lambda", options.lambda());
            }
            case "sparse" -> {
                SparseFitter.Result r = SparseFitter.fit(train, options.library(), options.lambda(), seed);
                model = r.model();
                details.put("lambda", options.lambda());
                details.put("threshold", r.threshold());
                details.put("thresholds_tried", SparseFitter.THRESHOLDS);
                details.put("threshold_scores", r.scores());
            }
            case "mlp" -> {
                model = MlpTrainer.train(train, options.mlp(), seed, progress);
                details.put("mlp", options.mlp());
            }
            case "ensemble" -> {
                model = EnsembleFitter.fit(train, options.memberKind(), options.members(), options.library(),
                        options.lambda(), options.mlp(), seed, options.diversity().equals("clamps"), progress);
                details.put("member_kind", options.memberKind());
                details.put("diversity", options.diversity());
                details.put("members", options.members());
            }
            default -> throw new IllegalArgumentException("unknown model kind " + options.kind());
        }
        return new Result(model, details);
    }
}
