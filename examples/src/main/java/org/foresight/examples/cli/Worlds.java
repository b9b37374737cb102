package org.foresight.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.foresight.dynamics.world.World;
import org.foresight.dynamics.world.WorldLoader;

/** Resolves the {@code --world} option shared by the commands: {@code barn:N} or a path to a world file. */
final class Worlds {
    private Worlds() {
    }

    /**
     * @param spec {@code barn:N} (0..299) or a path to a BARN-format world file.
     * @return the loaded world.
     * @throws IllegalArgumentException naming the option when the spec is neither.
     */
    static World load(String spec) {
        if (!spec.startsWith("barn:") && !Files.exists(Path.of(spec))) {
            throw new IllegalArgumentException("--world " + spec + ": no such file (use barn:N for N in 0..299, or a path to a world file)");
        }
        return WorldLoader.load(spec);
    }
}
