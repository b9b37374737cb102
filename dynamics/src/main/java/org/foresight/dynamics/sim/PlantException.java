package org.foresight.dynamics.sim;

/**
 * The simulated robot (the plant) misbehaved: its step threw, or returned a state that is not finite. The
 * episode cannot go on; the message names the plant, the time and the state entry.
 */
public final class PlantException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, naming the plant.
     * @param cause   the plant's own exception, or null.
     */
    public PlantException(String message, Throwable cause) {
        super(message, cause);
    }
}
