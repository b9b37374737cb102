package org.foresight.mpc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One typed configuration: round trip, partial overrides, and every refusal naming its key. */
class PlannerConfigTest {
    @Test
    void theTreeRoundTripsToTheSameConfig() {
        PlannerConfig d = PlannerConfig.defaults();
        assertEquals(d, d.withOverrides(d.toTree(), ""));
        assertEquals(d, RecordTree.fromTree(PlannerConfig.class, d.toTree(), ""));
    }

    @Test
    void partialOverridesChangeOnlyTheirKeys() {
        Map<String, Object> mppi = new LinkedHashMap<>();
        mppi.put("samples", 3000);
        mppi.put("temperature", 0.5);
        PlannerConfig c = PlannerConfig.defaults().withOverrides(Map.of("mppi", mppi), "f.json");
        assertEquals(3000, c.mppi().samples());
        assertEquals(0.5, c.mppi().temperature());
        assertEquals(PlannerConfig.defaults().mppi().horizon(), c.mppi().horizon());
        assertEquals(PlannerConfig.defaults().critics(), c.critics());
        PlannerConfig s = c.withSet("critics.speedTarget=1.2").withSet("mppi.horizon=40");
        assertEquals(1.2, s.critics().speedTarget());
        assertEquals(40, s.mppi().horizon());
    }

    @Test
    void badKeysTypesAndValuesNameTheKey() {
        PlannerConfig d = PlannerConfig.defaults();
        ConfigException unknown = assertThrows(ConfigException.class, () -> d.withSet("mppi.samplez=3"));
        assertEquals("mppi.samplez", unknown.key());
        ConfigException type = assertThrows(ConfigException.class, () -> d.withSet("mppi.samples=lots"));
        assertTrue(type.getMessage().startsWith("mppi.samples: expected a whole number"), type.getMessage());
        ConfigException frac = assertThrows(ConfigException.class, () -> d.withSet("mppi.samples=2.5"));
        assertEquals("mppi.samples", frac.key());
        ConfigException range = assertThrows(ConfigException.class, () -> d.withSet("mppi.samples=0"));
        assertTrue(range.getMessage().contains("samples"), range.getMessage());
        ConfigException obj = assertThrows(ConfigException.class, () -> d.withSet("mppi=3"));
        assertTrue(obj.getMessage().contains("expected an object"), obj.getMessage());
        assertThrows(ConfigException.class, () -> d.withSet("planner=teleport"));
        assertEquals("switching", d.withSet("planner=switching").planner());
        ConfigException order = assertThrows(ConfigException.class, () -> d.withSet("switching.openClearance=0.1"));
        assertTrue(order.getMessage().contains("openClearance"), order.getMessage());
        ConfigException mode = assertThrows(ConfigException.class, () -> d.withSet("switching.careful.maxV=-1"));
        assertTrue(mode.getMessage().startsWith("switching.careful"), mode.getMessage());
        assertThrows(ConfigException.class, () -> d.withSet("noequals"));
    }
}
