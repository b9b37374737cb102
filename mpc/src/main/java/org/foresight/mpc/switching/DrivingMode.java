package org.foresight.mpc.switching;

/** The modes of {@link SwitchingPlanner}; {@link #label()} is what the run log records per cycle. */
public enum DrivingMode {
    /** Wide clearance along the path ahead: cruise. */
    OPEN("open"),
    /** Obstacles near the path: slower, no reversing. */
    OBSTACLE("obstacle"),
    /** A tight gap: slow, reversing allowed. */
    CAREFUL("careful"),
    /** Most of the path just ahead lies behind the robot: drive it backwards. */
    REVERSE("reverse"),
    /** Progress stalled: back up along the heading, then plan afresh. */
    RECOVERY("recovery");

    private final String label;

    DrivingMode(String label) {
        this.label = label;
    }

    /** @return the short lower-case name written to {@code cycles.csv} and shown by {@code replay}. */
    public String label() {
        return label;
    }
}
