package org.foresight.dynamics.world;

/**
 * A world file (BARN text, reference path, map_server YAML or PGM) is malformed or unreadable. The message
 * is "FILE:LINE: reason", or "FILE: reason" when no line applies.
 */
public class WorldFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file   name of the offending file.
     * @param line   1-based line number.
     * @param reason what is wrong.
     */
    public WorldFormatException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
    }

    /**
     * @param file   name of the offending file.
     * @param reason what is wrong.
     */
    public WorldFormatException(String file, String reason) {
        super(file + ": " + reason);
    }

    /**
     * @param file   name of the offending file.
     * @param line   1-based line number.
     * @param reason what is wrong.
     * @param cause  the underlying error (e.g. an I/O failure).
     */
    public WorldFormatException(String file, int line, String reason, Throwable cause) {
        super(file + ":" + line + ": " + reason, cause);
    }

    /**
     * @param file   name of the offending file.
     * @param reason what is wrong.
     * @param cause  the underlying error (e.g. an I/O failure).
     */
    public WorldFormatException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
    }
}
