package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foresight.dynamics.model.DynamicsModel;
import org.foresight.examples.custom.LaggedUnicycle;
import org.junit.jupiter.api.Test;

/** Model specs of navigate/bench and the world list of bench. */
class NavigateModelsTest {
    @Test
    void loadsBuiltInAndUserClasses() {
        assertEquals(5, NavigateCommand.Models.load("truth", new PlantOptions()).stateDim());
        assertEquals(3, NavigateCommand.Models.load("unicycle", new PlantOptions()).stateDim());
        DynamicsModel m = NavigateCommand.Models.load("class:" + LaggedUnicycle.class.getName(), new PlantOptions());
        assertTrue(m instanceof LaggedUnicycle);
    }

    @Test
    void badModelSpecsNameTheProblem() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> NavigateCommand.Models.load("class:com.example.Missing", new PlantOptions()));
        assertTrue(a.getMessage().contains("com.example.Missing"));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> NavigateCommand.Models.load("class:java.lang.String", new PlantOptions()));
        assertTrue(b.getMessage().contains("does not implement"));
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> NavigateCommand.Models.load("no-such-file.json", new PlantOptions()));
        assertTrue(c.getMessage().contains("--model"));
    }

    @Test
    void parsesWorldLists() {
        assertEquals(java.util.List.of("barn:0", "barn:1", "barn:2", "barn:7"), names("0-2,7"));
        assertEquals(java.util.List.of("barn:0", "barn:100", "barn:200"), names("barn:0-299:100"));
        assertEquals(300, names("barn:all").size());
        assertEquals(50, names("barn:test").size());
        assertEquals("barn:294", names("barn:test").get(49));
        assertEquals(java.util.List.of("barn:3", "barn:1"), names("barn:3,1,barn:3"), "duplicates dropped, order kept");
        assertThrows(IllegalArgumentException.class, () -> names("5-400"));
        assertThrows(IllegalArgumentException.class, () -> names("barn:a-b"));
        assertThrows(IllegalArgumentException.class, () -> names("moon:3"));
        assertEquals(java.util.List.of("sluggish,tauV=0.2", "extreme", "class:my.P"),
                CampaignOptions.robotItems("sluggish,tauV=0.2,extreme,class:my.P"));
    }

    private static java.util.List<String> names(String spec) {
        return org.foresight.examples.campaign.WorldSpecs.parse(spec).stream()
                .map(org.foresight.examples.campaign.WorldRef::name).toList();
    }
}
