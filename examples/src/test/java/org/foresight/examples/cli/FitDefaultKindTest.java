package org.foresight.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit} without {@code --kind} fits the recommended kind, {@code physics} (issue 14), and says so in the file. */
class FitDefaultKindTest {
    @TempDir
    Path dir;

    @Test
    void fitWithoutKindWritesAPhysicsModel() throws IOException {
        Path logs = dir.resolve("logs");
        assertEquals(0, CliTest.run("collect", "--out", logs.toString(), "--episodes", "3", "--duration", "8").code());
        Path model = dir.resolve("m.json");
        assertEquals(0, CliTest.run("fit", "--logs", logs.toString(), "--out", model.toString(), "--holdout", "0.34")
                .code());
        JsonNode json = new ObjectMapper().readTree(model.toFile());
        assertEquals("physics", json.path("kind").asText(), "the model file's kind");
    }
}
