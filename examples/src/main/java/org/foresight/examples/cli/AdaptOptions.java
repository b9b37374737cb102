package org.foresight.examples.cli;

import org.foresight.worldmodel.adapt.AdaptConfig;
import picocli.CommandLine.Option;

/**
 * {@code --adapt} and its settings, for every command that plans through a model ({@code navigate}, {@code bench},
 * {@code sweep}; a picocli {@code @Mixin}). A model item may also ask for adaptation on its own with the suffix
 * {@code +adapt} (e.g. {@code --models truth,m.json,m.json+adapt}).
 */
public final class AdaptOptions {
    /** The suffix of a model item that adapts online. */
    static final String SUFFIX = "+adapt";

    @Option(names = "--adapt",
            description = "Refit the model online from the robot's own state estimates while it drives: recursive least "
                    + "squares with exponential forgetting on the coefficients (linear, sparse and physics models; the "
                    + "physics kind also re-chooses its clamps C_v, C_omega, D_v, D_omega, D_w from a bank), updated every "
                    + "control period between plans; restarts from the offline fit when its one-step error jumps (a changed "
                    + "robot). Same as the suffix +adapt on every model.")
    boolean adapt;

    @Option(names = "--adapt-forgetting", defaultValue = "0.9", paramLabel = "LAMBDA",
            description = "Forgetting factor of the online fit while it absorbs (the first second after the start and "
                    + "after a detected change), in (0, 1): memory about 1/(1 - LAMBDA) control periods. "
                    + "Default: ${DEFAULT-VALUE} (0.5 s).")
    double forgetting = AdaptConfig.FORGETTING;

    @Option(names = "--adapt-settled-forgetting", defaultValue = "0.99", paramLabel = "LAMBDA",
            description = "Forgetting factor once the fit has settled, in (0, 1). Default: ${DEFAULT-VALUE} (5 s).")
    double settledForgetting = AdaptConfig.SETTLED_FORGETTING;

    @Option(names = "--adapt-detect", defaultValue = "4", paramLabel = "K",
            description = "Change detection: restart the online fit from the offline one when the last 5 one-step "
                    + "errors (each clipped at K times their long-run RMS) have an RMS above K/sqrt(2) times it; K > 1, "
                    + "or Infinity for never. Default: ${DEFAULT-VALUE}.")
    double detect = AdaptConfig.DETECT_THRESHOLD;

    /**
     * @return the settings.
     * @throws IllegalArgumentException naming the option when a value is out of range.
     */
    AdaptConfig config() {
        return config(forgetting, settledForgetting, detect);
    }

    /**
     * @param lambda  {@code --adapt-forgetting}.
     * @param settled {@code --adapt-settled-forgetting}.
     * @param k       {@code --adapt-detect}.
     * @return the settings with them.
     * @throws IllegalArgumentException naming the option when a value is out of range.
     */
    static AdaptConfig config(double lambda, double settled, double k) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("--adapt-forgetting must be in (0, 1), got " + lambda);
        }
        if (!(settled > 0 && settled < 1)) {
            throw new IllegalArgumentException("--adapt-settled-forgetting must be in (0, 1), got " + settled);
        }
        if (!(k > 1)) {
            throw new IllegalArgumentException("--adapt-detect must be > 1 (or Infinity for never), got " + k);
        }
        return AdaptConfig.defaults().withForgetting(lambda).withSettledForgetting(settled).withDetectThreshold(k);
    }

    /**
     * A model item with {@code --adapt} applied.
     *
     * @param spec the item as given.
     * @return it with the suffix when {@code --adapt} is on (once).
     */
    String item(String spec) {
        return adapt && !spec.endsWith(SUFFIX) ? spec + SUFFIX : spec;
    }
}
