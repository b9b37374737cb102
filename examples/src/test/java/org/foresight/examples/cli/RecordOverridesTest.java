package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.foresight.mpc.perception.MovingFilterConfig;
import org.foresight.mpc.perception.TrackerConfig;
import org.junit.jupiter.api.Test;

/** {@link RecordOverrides}: changes only the keys given, keeps the defaults' instance without changes, refuses bad input. */
class RecordOverridesTest {
    @Test
    void changesOnlyTheKeysGiven() {
        TrackerConfig d = TrackerConfig.defaults();
        assertSame(d, RecordOverrides.apply("--tracker", d, Map.of()));
        TrackerConfig c = RecordOverrides.apply("--tracker", d, RecordOverrides.pairs("--tracker", "accelNoise=5, minPoints=4"));
        assertEquals(5.0, c.accelNoise());
        assertEquals(4, c.minPoints());
        assertEquals(new TrackerConfig(d.staticTolerance(), d.clusterGap(), 4, d.minRadius(), d.maxRadius(),
                d.splitProminence(), d.gate(), 5.0, d.measurementStd(), d.confirmHits(), d.maxCoast(), d.hiddenCoast()), c);
    }

    @Test
    void badInputIsOneLineNamingTheOptionAndTheKey() {
        MovingFilterConfig d = MovingFilterConfig.defaults();
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> RecordOverrides.apply("--moving-filter", d, Map.of("staticAgee", "1"))).getMessage();
        assertTrue(unknown.startsWith("--moving-filter staticAgee: unknown key"), unknown);
        String nan = assertThrows(IllegalArgumentException.class,
                () -> RecordOverrides.apply("--moving-filter", d, Map.of("staticAge", "soon"))).getMessage();
        assertTrue(nan.contains("--moving-filter") && nan.contains("staticAge"), nan);
        String rejected = assertThrows(IllegalArgumentException.class,
                () -> RecordOverrides.apply("--moving-filter", d, Map.of("staticAge", "-1"))).getMessage();
        assertTrue(rejected.startsWith("--moving-filter staticAge=-1:"), rejected);
        assertThrows(IllegalArgumentException.class, () -> RecordOverrides.pairs("--tracker", "accelNoise"));
        assertThrows(IllegalArgumentException.class, () -> RecordOverrides.pairs("--tracker", "=3"));
        for (String m : new String[] {unknown, nan, rejected}) {
            assertEquals(1, m.lines().count(), m);
        }
    }
}
