package org.foresight.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
                JmhCommand.class})
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
        return cl;
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
        if (ex instanceof CommandLine.ParameterException pe) {
            err.println(where + ": " + pe.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (ex instanceof LogFormatException || ex instanceof WorldFormatException
                || ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
                || ex instanceof org.foresight.dynamics.sim.PlantException
                || ex instanceof java.nio.file.NoSuchFileException) {
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
        System.exit(commandLine().execute(args));
    }
}
