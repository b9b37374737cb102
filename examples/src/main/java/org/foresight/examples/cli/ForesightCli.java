package org.foresight.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.foresight.dynamics.log.LogFormatException;
import org.foresight.dynamics.world.WorldFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Foresight command line: one executable jar ({@code ./foresight}) with a subcommand per job.
 * Bad input ends with a one-line error naming the file/line or option and exit code 2, never a stack
 * trace (set {@code FORESIGHT_DEBUG=1} to see one).
 */
@Command(name = "foresight", mixinStandardHelpOptions = true, version = "Foresight 0.1.0",
        description = "Model-predictive control over learned world models for a simulated Jackal robot.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, SimulateCommand.class, CollectCommand.class,
                FitCommand.class, EvalCommand.class, NavigateCommand.class, ReplayCommand.class, BenchCommand.class,
                SweepCommand.class, JmhCommand.class})
public final class ForesightCli implements Runnable {
    /** Exit code for bad input (files, options). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with all subcommands and the error handling.
     *
     * @return the configured picocli command line.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ForesightCli());
        cl.setExecutionExceptionHandler(ForesightCli::handle);
        cl.setParameterExceptionHandler(ForesightCli::badParameter);
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, ForesightCli::commandList);
        return cl;
    }

    /** The command list of {@code foresight --help}: each command with the first sentence of its description. */
    private static String commandList(CommandLine.Help help) {
        Map<String, CommandLine.Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        int width = help.commandSpec().usageMessage().width();
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(12, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(width - 12, 1, CommandLine.Help.Column.Overflow.WRAP));
        for (Map.Entry<String, CommandLine.Help> e : subs.entrySet()) {
            CommandLine.Model.UsageMessageSpec u = e.getValue().commandSpec().usageMessage();
            String[] d = u.header().length > 0 ? u.header() : u.description();
            table.addRowValues(e.getKey(), firstSentence(String.join(" ", d).replace("%n", " ").strip()));
        }
        return table.toString();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** A parse error (unknown option, bad number, missing required option): one line and a pointer to --help. */
    private static int badParameter(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandName().equals("foresight") ? "foresight" : "foresight " + cmd.getCommandName();
        String msg = ex.getMessage() == null ? "bad arguments" : ex.getMessage().strip().replace('\n', ' ');
        cmd.getErr().println(name + ": " + msg + " (see `" + name + " --help`)");
        return EXIT_BAD_INPUT;
    }

    private static int handle(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String where = "foresight " + cmd.getCommandName();
        if (System.getenv("FORESIGHT_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        // Work that ran on a pool (bench) fails with the task's exception inside.
        Throwable t = ex;
        while ((t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t != ex && t instanceof Exception inner) {
            return handle(inner, cmd, parseResult);
        }
        if (ex instanceof CommandLine.ParameterException pe) {
            err.println(where + ": " + pe.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (ex instanceof java.nio.file.FileSystemException fse) {
            err.println(where + ": error: " + OutputPaths.reason(fse));
            return EXIT_BAD_INPUT;
        }
        if (ex instanceof LogFormatException || ex instanceof WorldFormatException
                || ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
                || ex instanceof org.foresight.dynamics.sim.PlantException
                ) {
            err.println(where + ": error: " + ex.getMessage());
            return EXIT_BAD_INPUT;
        }
        err.println(where + ": internal error: " + ex + " (set FORESIGHT_DEBUG=1 for the stack trace)");
        return 1;
    }

    /**
     * Entry point.
     *
     * @param args command-line arguments.
     */
    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // Options are range-checked against the heap; this is the last line of defence.
            System.err.println("foresight: error: out of memory (" + e.getMessage() + "); the Java heap is "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB: ask for less (e.g. --samples, --horizon, "
                    + "--episodes) or raise it with FORESIGHT_JAVA_OPTS=-Xmx8g");
            code = EXIT_BAD_INPUT;
        }
        System.exit(code);
    }
}
