package org.foresight.mpc.config;

/** A planner configuration that cannot be used; the message names the key path and the reason. */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key    the key path, e.g. {@code mppi.samples}.
     * @param reason why it is refused.
     */
    public ConfigException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
    }

    /** @return the key path. */
    public String key() {
        return key;
    }
}
