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
        assertArrayEquals(new int[] {0, 1, 2, 7}, BenchCommand.parseWorlds("0-2,7"));
        assertArrayEquals(new int[] {0, 100, 200}, BenchCommand.parseWorlds("0-299:100"));
        assertEquals(300, BenchCommand.parseWorlds("0-299").length);
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.parseWorlds("5-400"));
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.parseWorlds("a-b"));
    }
}
