package org.foresight.mpc.critic;

/** Validation helpers shared by critic constructors. */
final class Critics {
    private Critics() {
    }

    static void nonNegative(String name, String unit, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0" + (unit.isEmpty() ? "" : " " + unit)
                    + ", got " + value);
        }
    }

    static void positive(String name, String unit, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0" + (unit.isEmpty() ? "" : " " + unit)
                    + ", got " + value);
        }
    }
}
