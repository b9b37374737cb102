package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.foresight.examples.campaign.EpisodeKey;
import org.foresight.mpc.config.PlannerConfig;
import org.junit.jupiter.api.Test;

/** What a Spark task receives: an episode spec survives Java serialisation and gives back the same configuration. */
class EpisodeSpecTest {
    @Test
    void aPlannerConfigurationRoundTripsThroughItsJsonExactly() {
        PlannerConfig c = PlannerConfig.defaults().withSet("mppi.temperature=0.1").withSet("critics.speedTarget=1.6")
                .withSet("mppi.noiseV=0.123456789012345");
        EpisodeSpec s = spec(EpisodeSpec.json(c));
        assertEquals(c, s.config());
    }

    @Test
    void aSpecSurvivesJavaSerialisation() throws Exception {
        EpisodeSpec s = spec(EpisodeSpec.json(PlannerConfig.defaults()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(s);
        }
        try (ObjectInputStream i = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(s, i.readObject());
        }
    }

    private static EpisodeSpec spec(String json) {
        LinkedHashMap<String, String> lidar = new LinkedHashMap<>(Map.of("beams", "360"));
        return new EpisodeSpec(new EpisodeKey("barn:6", "mppi", "c001", "unicycle", "lidar", "default", 1), 6, json,
                new EpisodeSpec.Plant("extreme,tauV=0.2", null, null),
                new EpisodeSpec.Sensing("barn", "lidar", null, lidar, new LinkedHashMap<>(),
                        new LinkedHashMap<>(Map.of("accelNoise", "5")), new LinkedHashMap<>()), "10", 0L, "sweep", null,
                new EpisodeSpec.Clutter(3, 0.3, new java.util.ArrayList<>(java.util.List.of(0.2, 0.6))), new java.util.ArrayList<>(), 0.95, 0.99, 4.0, 2.5);
    }
}
