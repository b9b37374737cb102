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
                    + "physics kind also re-chooses its acceleration limits D_v, D_omega from a bank), updated every "
                    + "control period between plans. Same as the suffix +adapt on every model.")
    boolean adapt;

    @Option(names = "--adapt-forgetting", defaultValue = "0.9", paramLabel = "LAMBDA",
            description = "Forgetting factor of the online fit, in (0, 1): memory about 1/(1 - LAMBDA) control periods. "
                    + "Default: ${DEFAULT-VALUE} (0.5 s).")
    double forgetting = 0.9;

    /**
     * @return the settings.
     * @throws IllegalArgumentException naming {@code --adapt-forgetting} when out of range.
     */
    AdaptConfig config() {
        return config(forgetting);
    }

    /**
     * @param lambda the forgetting factor.
     * @return the settings with it.
     * @throws IllegalArgumentException naming {@code --adapt-forgetting} when out of range.
     */
    static AdaptConfig config(double lambda) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("--adapt-forgetting must be in (0, 1), got " + lambda);
        }
        return AdaptConfig.defaults().withForgetting(lambda);
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
