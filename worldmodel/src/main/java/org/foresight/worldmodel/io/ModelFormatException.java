package org.foresight.worldmodel.io;

import java.nio.file.Path;

/**
 * A model file that cannot be used: malformed JSON, an unknown format version or kind, wrong dimensions, or
 * a model that does not fit the robot it is used for. The message reads {@code "FILE: reason"}. Extends
 * {@link IllegalArgumentException} so command-line front ends report it as bad input.
 */
public class ModelFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file   the model file (may be null for in-memory content).
     * @param reason what is wrong, and where in the file.
     */
    public ModelFormatException(Path file, String reason) {
        super((file == null ? "model" : file.toString()) + ": " + reason);
    }
}
