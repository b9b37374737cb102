package org.foresight.examples.campaign;

import java.util.function.Supplier;
import org.foresight.dynamics.world.World;

/**
 * One world of a campaign: its name in result rows, its BARN index when it is one of the bundled BARN worlds
 * (-1 otherwise; per-block tables and published entries use it), and how to load it (each episode loads its own
 * copy, so loading must be cheap and thread-safe).
 *
 * @param name      the row name, e.g. {@code barn:12} or a file's name.
 * @param barnIndex 0..299 for a bundled BARN world, else -1.
 * @param loader    builds the world.
 */
public record WorldRef(String name, int barnIndex, Supplier<World> loader) {
}
