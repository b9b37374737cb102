package org.foresight.dynamics.log;

import java.nio.file.Path;

/**
 * A trajectory log or run file that cannot be read. The message always names the file and, where it
 * applies, the 1-based line: {@code "logs/episode_003.csv:17: column 'v' is NaN"}.
 */
public class LogFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file   the offending file.
     * @param line   1-based line number, or ≤ 0 when the problem is not tied to a line.
     * @param reason what is wrong, in a few words.
     */
    public LogFormatException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
