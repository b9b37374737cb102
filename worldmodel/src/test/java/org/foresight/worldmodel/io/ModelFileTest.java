package org.foresight.worldmodel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.foresight.worldmodel.model.BodyFrameModel;
import org.foresight.worldmodel.model.EnsembleModel;
import org.foresight.worldmodel.testutil.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    @Test
    void everyKindRoundTripsBitForBitAndRewritesIdentically() throws Exception {
        List<BodyFrameModel> models = List.of(Models.richLinear(1), Models.randomMlp(2), Models.randomPhysics(6),
                new EnsembleModel(List.of(Models.richLinear(3), Models.richLinear(4))));
        SplittableRandom r = new SplittableRandom(5);
        for (BodyFrameModel m : models) {
            Path f = dir.resolve(m.kind() + ".json");
            ModelFile.write(f, m, Map.of("seed", 1));
            ModelFile.Loaded back = ModelFile.read(f);
            assertEquals(m.kind(), back.model().kind());
            assertEquals(1, back.provenance().get("seed"));
            for (int t = 0; t < 50; t++) {
                double[] x = {r.nextDouble(), r.nextDouble(), r.nextDouble() * 6 - 3, r.nextDouble() * 2, r.nextDouble() * 4 - 2};
                double[] u = {r.nextDouble() * 2, r.nextDouble() * 4 - 2};
                double[] a = new double[5];
                double[] b = new double[5];
                m.step(x, u, 0.05, a);
                back.model().step(x, u, 0.05, b);
                for (int i = 0; i < 5; i++) {
                    assertEquals(a[i], b[i], 0.0, m.kind() + " channel " + i);
                }
            }
            Path g = dir.resolve(m.kind() + "-2.json");
            ModelFile.write(g, back.model(), back.provenance());
            assertEquals(Files.readString(f), Files.readString(g));
        }
    }

    @Test
    void wrongVersionDimensionsOrPeriodAreRejectedNamingTheProblem() throws Exception {
        Path f = dir.resolve("m.json");
        ModelFile.write(f, Models.richLinear(1), Map.of());
        String text = Files.readString(f);

        Path v2 = dir.resolve("v2.json");
        Files.writeString(v2, text.replace("\"format_version\" : 1", "\"format_version\" : 2"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(v2));
        assertTrue(e.getMessage().startsWith(v2.toString()) && e.getMessage().contains("format_version 2"), e.getMessage());

        Path pose = dir.resolve("pose.json");
        Files.writeString(pose, text.replace("\"state_names\" : [ \"x\", \"y\", \"theta\", \"v\", \"omega\" ]",
                "\"state_names\" : [ \"x\", \"y\", \"theta\" ]"));
        e = assertThrows(ModelFormatException.class, () -> ModelFile.read(pose));
        assertTrue(e.getMessage().contains("state_names") && e.getMessage().contains("robot"), e.getMessage());

        Path coef = dir.resolve("coef.json");
        Files.writeString(coef, text.replaceFirst("\"d_v\" : \\[ ", "\"d_v\" : [ 1.0, "));
        e = assertThrows(ModelFormatException.class, () -> ModelFile.read(coef));
        assertTrue(e.getMessage().contains("d_v"), e.getMessage());

        e = assertThrows(ModelFormatException.class, () -> ModelFile.readFor(f, 0.1));
        assertTrue(e.getMessage().contains("0.05") && e.getMessage().contains("0.1"), e.getMessage());

        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{ not json");
        e = assertThrows(ModelFormatException.class, () -> ModelFile.read(junk));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}
