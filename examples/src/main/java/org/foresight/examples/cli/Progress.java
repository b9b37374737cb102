package org.foresight.examples.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work on standard error: a live bar with elapsed time and ETA on a terminal; without a
 * terminal (a log file, CI), plain lines without carriage returns or ANSI codes, at most one every
 * {@link #PLAIN_INTERVAL_MS} ms and the last one when the work ends.
 */
final class Progress {
    /** Minimum time between two plain progress lines [ms]. */
    static final long PLAIN_INTERVAL_MS = 10_000;

    private Progress() {
    }

    /** @return whether standard error is (most likely) a terminal. */
    static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * @param task the label, e.g. "bench mppi/unicycle".
     * @param max  units of work.
     * @return a started progress bar (close it when the work ends).
     */
    static ProgressBar bar(String task, long max) {
        ProgressBarConsumer consumer = onTerminal() ? new ConsoleProgressBarConsumer(System.err) : new PlainLines();
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(consumer).build();
    }

    /** Prints the rendered bar as ordinary lines, throttled. */
    private static final class PlainLines implements ProgressBarConsumer {
        private long lastPrinted = System.nanoTime();
        private String last = "";

        @Override
        public int getMaxRenderedLength() {
            return 100;
        }

        @Override
        public void accept(String rendered) {
            last = rendered.strip();
            long now = System.nanoTime();
            if ((now - lastPrinted) / 1_000_000 >= PLAIN_INTERVAL_MS) {
                System.err.println(last);
                lastPrinted = now;
            }
        }

        @Override
        public void close() {
            if (!last.isEmpty()) {
                System.err.println(last);
            }
        }
    }
}
