package org.foresight.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.foresight.dynamics.model.EnsembleDynamics;
import org.foresight.worldmodel.data.LogSet;
import org.foresight.worldmodel.eval.CoverageTally;
import org.foresight.worldmodel.eval.Evaluator;
import org.foresight.worldmodel.eval.ModelMetrics;
import org.foresight.worldmodel.eval.NominalUnicycle;
import org.foresight.worldmodel.eval.Report;
import org.foresight.worldmodel.eval.SpreadCalibration;
import org.foresight.worldmodel.eval.TrajectoryPlot;
import org.foresight.worldmodel.io.ModelFile;
import org.foresight.worldmodel.model.BodyFrameModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight eval}: the validation figures of a saved model (beside the nominal unicycle's) on any
 * logs: printed as a table, written as the JSON report, plus a PNG of the first episode. Bad input ends
 * with a one-line error and exit code 2.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Validate a saved model on trajectory logs (one-step RMSE, free-run fit over 1 s, 2.8 s, whole episodes; "
                + "for an ensemble also the calibration of its spread: how often the truth falls within ±2σ).")
public final class EvalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file written by fit.")
    Path model;

    @Option(names = "--logs", required = true, paramLabel = "DIR", description = "Directory of *.csv trajectory logs.")
    Path logs;

    @Option(names = "--report", required = true, paramLabel = "FILE", description = "Report to write (JSON); the plot goes beside it as .png.")
    Path report;

    @Option(names = "--plot", paramLabel = "FILE", description = "PNG of predicted vs measured (default: beside --report).")
    Path plot;

    @Option(names = "--map-columns", split = ",", paramLabel = "THEIRS=OURS",
            description = "Rename CSV columns, e.g. --map-columns time=t,linear_x=v,angular_z=omega.")
    Map<String, String> mapColumns = new LinkedHashMap<>();

    @Option(names = "--dt", paramLabel = "SECONDS",
            description = "Control period to resample to [s] (default: the model's).")
    Double dt;

    @Override
    public Integer call() {
        FitCommand.checkOutputs(null, report, plot);
        ModelFile.Loaded loaded = ModelFile.read(model);
        BodyFrameModel m = loaded.model();
        double period = dt != null ? dt : m.dt();
        if (Math.abs(period - m.dt()) > BodyFrameModel.DT_TOLERANCE) {
            throw new IllegalArgumentException("--dt " + dt + " s differs from the model's control period "
                    + m.dt() + " s; a learned model only steps at its own period");
        }
        LogSet set = LogSet.load(logs, mapColumns, period);
        FitCommand.warnIfMixed(set);
        warnIfTrainingLogs(loaded, set);
        ModelMetrics mm = Evaluator.evaluate(m, set.episodes());
        ModelMetrics um = Evaluator.evaluate(new NominalUnicycle(), set.episodes());
        System.out.print(Report.table(m.describe(), mm, um));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("model_file", model.getFileName().toString());
        extra.put("episodes", LogSet.names(set.episodes()));
        if (m instanceof EnsembleDynamics ens) {
            CoverageTally tally = SpreadCalibration.evaluate(ens, set.episodes());
            System.out.print(SpreadCalibration.table(tally, m.dt()));
            extra.put("spread_calibration", SpreadCalibration.toMap(tally, m.dt()));
        }
        Report.write(report, Report.toMap(m.describe(), mm, um, extra));
        System.out.println("report written to " + report);
        Path png = FitCommand.plotPath(plot, report);
        TrajectoryPlot.write(png, set.episodes().get(0), m, new NominalUnicycle(), (int) Math.round(2.8 / m.dt()),
                "eval " + model.getFileName() + ": " + LogSet.names(set.episodes()).get(0) + ", free runs of 2.8 s");
        System.out.println("plot written to " + png);
        return 0;
    }

    /** Warns when logs given to eval were used to fit the model (their digests are in its provenance). */
    private static void warnIfTrainingLogs(ModelFile.Loaded loaded, LogSet set) {
        Object logsUsed = loaded.provenance().get("logs");
        Object train = loaded.provenance().get("train_episodes");
        if (!(logsUsed instanceof List<?> used) || !(train instanceof List<?> trainNames)) {
            return;
        }
        java.util.Set<String> trainDigests = new java.util.HashSet<>();
        for (Object o : used) {
            if (o instanceof Map<?, ?> m && trainNames.contains(m.get("file"))) {
                trainDigests.add(String.valueOf(m.get("sha256")));
            }
        }
        List<String> overlap = new java.util.ArrayList<>();
        for (Map<String, Object> d : set.digests()) {
            if (trainDigests.contains(String.valueOf(d.get("sha256")))) {
                overlap.add(String.valueOf(d.get("file")));
            }
        }
        if (!overlap.isEmpty()) {
            System.err.println("warning: " + overlap.size() + " of these " + set.files().size()
                    + " logs were used to fit the model (" + overlap.get(0) + (overlap.size() > 1 ? ", ..." : "")
                    + "); on them the figures measure the fit, not how the model generalises");
        }
    }
}
