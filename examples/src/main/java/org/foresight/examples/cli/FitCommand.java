package org.foresight.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.foresight.worldmodel.data.EpisodeSplit;
import org.foresight.worldmodel.data.LogSet;
import org.foresight.worldmodel.eval.Evaluator;
import org.foresight.worldmodel.eval.ModelMetrics;
import org.foresight.worldmodel.eval.NominalUnicycle;
import org.foresight.worldmodel.eval.Report;
import org.foresight.worldmodel.eval.TrajectoryPlot;
import org.foresight.worldmodel.features.FeatureLibrary;
import org.foresight.worldmodel.fit.FitOptions;
import org.foresight.worldmodel.fit.MlpConfig;
import org.foresight.worldmodel.fit.ModelFitter;
import org.foresight.worldmodel.io.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight fit}: split logs by episode, fit a learned dynamics model on the training episodes,
 * validate it (and the nominal unicycle) on the held-out ones, print a table, write the model file, and
 * optionally the JSON report and a PNG of predicted vs measured motion. Same data, options and seed ⇒
 * byte-identical model file. Bad input ends with a one-line error and exit code 2.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a dynamics model to trajectory logs, validated on held-out episodes. " +
                    "Logs: CSV with columns t,x,y,theta,v,omega,cmd_v,cmd_omega (SI units; JSON sidecar optional); " +
                    "irregular time stamps are resampled to the control period, gaps > 0.25 s rejected.")
public final class FitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--logs", required = true, paramLabel = "DIR", description = "Directory of *.csv trajectory logs.")
    Path logs;

    @Option(names = "--kind", defaultValue = "physics", paramLabel = "KIND",
            description = "Model kind: physics (the recommended default: right on robots it has never seen, "
                    + "and cheap to plan through), linear, sparse, mlp or ensemble. Default: ${DEFAULT-VALUE}.")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Model file to write (JSON).")
    Path out;

    @Option(names = "--holdout", defaultValue = "0.2", paramLabel = "FRACTION",
            description = "Share of episodes held out for validation (whole episodes). Default: ${DEFAULT-VALUE}.")
    double holdout;

    @Option(names = "--report", paramLabel = "FILE", description = "Validation report to write (JSON); the plot goes beside it as .png.")
    Path report;

    @Option(names = "--plot", paramLabel = "FILE", description = "PNG of predicted vs measured on a validation episode (default: beside --report).")
    Path plot;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the split and the fit. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--map-columns", split = ",", paramLabel = "THEIRS=OURS",
            description = "Rename CSV columns, e.g. --map-columns time=t,linear_x=v,angular_z=omega.")
    Map<String, String> mapColumns = new LinkedHashMap<>();

    @Option(names = "--dt", paramLabel = "SECONDS",
            description = "Control period to resample to [s] (default: the sidecar's control_period_s, else 0.05).")
    Double dt;

    @Option(names = "--library", paramLabel = "FILE",
            description = "Feature library JSON: {\"d_forward\": [\"v\", \"cmd_v\"], ...} for all 5 outputs, optionally "
                    + "\"inputs\": [\"sat(cmd_v,auto)\", \"sat(cmd_omega,auto)\"] to clamp the commands at limits found "
                    + "in the data (default: built in, with that clamp).")
    Path library;

    @Option(names = "--lambda", defaultValue = "1e-8", description = "Relative ridge weight. Default: ${DEFAULT-VALUE}.")
    double lambda;

    @Option(names = "--members", defaultValue = "5", description = "Ensemble size. Default: ${DEFAULT-VALUE}.")
    int members;

    @Option(names = "--ensemble-diversity", defaultValue = "bootstrap", paramLabel = "bootstrap|clamps",
            description = "How ensemble members differ: bootstrap (resampled episodes only) or clamps (also every second "
                    + "member without the library's input command clamps, so the spread grows where the commands go "
                    + "beyond the logs). Default: ${DEFAULT-VALUE}.")
    String diversity;

    @Option(names = "--member-kind", defaultValue = "sparse", description = "Ensemble member kind: linear, sparse or mlp. Default: ${DEFAULT-VALUE}.")
    String memberKind;

    @Option(names = "--mlp-samples", defaultValue = "1500000",
            description = "MLP training budget per phase (one-step samples, rollout steps). Default: ${DEFAULT-VALUE}.")
    long mlpSamples;

    @Option(names = "--threads", defaultValue = "2", description = "Threads for MLP training (results do not depend on it). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() {
        if (!FitOptions.KINDS.contains(kind)) {
            throw new IllegalArgumentException("--kind must be one of " + FitOptions.KINDS + ", got '" + kind + "'");
        }
        if (!(holdout > 0 && holdout < 1)) {
            throw new IllegalArgumentException("--holdout must be in (0, 1), got " + holdout);
        }
        if (mlpSamples < 1) {
            throw new IllegalArgumentException("--mlp-samples must be >= 1 sample, got " + mlpSamples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (members < 2) {
            throw new IllegalArgumentException("--members must be >= 2, got " + members);
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("--lambda must be a finite number >= 0, got " + lambda);
        }
        if (!FitOptions.DIVERSITIES.contains(diversity)) {
            throw new IllegalArgumentException("--ensemble-diversity must be one of " + FitOptions.DIVERSITIES + ", got '"
                    + diversity + "'");
        }
        checkOutputs(out, report, plot);
        FeatureLibrary lib = library == null ? FeatureLibrary.defaults() : readLibrary(library);
        MlpConfig mlp = MlpConfig.defaults().withBudget(mlpSamples);
        mlp = new MlpConfig(mlp.width(), mlp.depth(), mlp.oneStepSamples(), mlp.rolloutSamples(), mlp.rolloutSteps(),
                mlp.batchSize(), mlp.learningRate(), threads);
        FitOptions options = new FitOptions(kind, lib, lambda, mlp, memberKind, members, diversity);

        LogSet set = LogSet.load(logs, mapColumns, dt);
        warnIfMixed(set);
        EpisodeSplit split = EpisodeSplit.split(set.episodes(), holdout, seed);
        long t0 = System.nanoTime();
        ModelFitter.Result fitted;
        if (kind.equals("mlp") || kind.equals("ensemble")) {
            try (ProgressBar pb = Progress.bar("fit " + kind, 1000)) {
                fitted = ModelFitter.fit(split.train(), options, seed, (done, total) -> pb.stepTo(1000 * done / total));
            }
        } else {
            fitted = ModelFitter.fit(split.train(), options, seed);
        }
        double fitSeconds = (System.nanoTime() - t0) / 1e9;

        ModelMetrics mm = Evaluator.evaluate(fitted.model(), split.validation());
        ModelMetrics um = Evaluator.evaluate(new NominalUnicycle(), split.validation());

        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("tool", "foresight fit");
        prov.put("logs", set.digests());
        prov.put("column_map", mapColumns);
        prov.put("seed", seed);
        prov.put("holdout", holdout);
        prov.put("train_episodes", LogSet.names(split.train()));
        prov.put("validation_episodes", LogSet.names(split.validation()));
        prov.put("fit", fitted.details());
        prov.put("validation", Report.block(fitted.model().describe(), mm));
        ModelFile.write(out, fitted.model(), prov);

        System.out.print(Report.table(fitted.model().describe(), mm, um));
        System.out.printf(Locale.ROOT, "fitted %s on %d episodes (%d held out) in %.2f s; model written to %s%n",
                fitted.model().describe(), split.train().size(), split.validation().size(), fitSeconds, out);
        if (report != null) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("kind", kind);
            extra.put("validation_episodes", LogSet.names(split.validation()));
            extra.put("train_episodes", LogSet.names(split.train()));
            extra.put("fit_seconds", fitSeconds);
            extra.put("fit", fitted.details());
            Report.write(report, Report.toMap(fitted.model().describe(), mm, um, extra));
            System.out.println("report written to " + report);
        }
        Path png = plotPath(plot, report);
        if (png != null) {
            TrajectoryPlot.write(png, split.validation().get(0), fitted.model(), new NominalUnicycle(),
                    (int) Math.round(2.8 / fitted.model().dt()),
                    "fit --kind " + kind + ": " + LogSet.names(split.validation()).get(0) + " (held out), free runs of 2.8 s");
            System.out.println("plot written to " + png);
        }
        return 0;
    }

    /**
     * Checks before any work that the model file, the report and the plot can be written (a fit can take
     * minutes; it must not fail on its last line).
     */
    static void checkOutputs(Path out, Path report, Path plot) {
        if (out != null) {
            OutputPaths.file("--out", out);
        }
        if (report != null) {
            OutputPaths.file("--report", report);
        }
        if (plot != null && !plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--plot " + plot + ": the plot is written as PNG; name it *.png");
        }
        Path png = plotPath(plot, report);
        if (png != null) {
            OutputPaths.file(plot != null ? "--plot" : "--report", png);
        }
    }

    /** Says so on stderr when the logs come from different robots or control periods (per their sidecars). */
    static void warnIfMixed(LogSet set) {
        Map<String, List<String>> sources = set.sources();
        if (sources.size() > 1) {
            StringBuilder sb = new StringBuilder("warning: the logs come from " + sources.size()
                    + " different sources (per their sidecars); one model will be fitted to all of them:");
            for (Map.Entry<String, List<String>> e : sources.entrySet()) {
                sb.append(String.format(Locale.ROOT, "%n  %d logs (%s, ...): %s", e.getValue().size(),
                        e.getValue().get(0), e.getKey()));
            }
            System.err.println(sb);
        }
    }

    private FeatureLibrary readLibrary(Path file) {
        try {
            Map<String, List<String>> spec = new ObjectMapper().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, List<String>>>() { });
            return FeatureLibrary.parse(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("--library " + file + ": cannot read feature library: " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--library " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The plot path: explicit, else the report's with .png, else none.
     *
     * @param plot   --plot or null.
     * @param report --report or null.
     * @return the path or null.
     */
    static Path plotPath(Path plot, Path report) {
        if (plot != null) {
            return plot;
        }
        if (report == null) {
            return null;
        }
        String name = report.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return report.resolveSibling(base + ".png");
    }
}
