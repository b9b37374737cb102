package org.foresight.dynamics.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapServerLoaderTest {
    private static final int W = 40;
    private static final int H = 30;
    private static final Pose2 START = new Pose2(0.5, 0.5, 0.0);

    @TempDir
    Path tmp;

    /** A 40×30 image: white (free, 254) with a black (0) vertical wall at column 20, rows 0..19 (top part). */
    private static int[] image() {
        int[] px = new int[W * H];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                px[r * W + c] = (c == 20 && r < 20) ? 0 : 254;
            }
        }
        px[29 * W + 5] = 205; // unknown grey in the bottom row → occupied
        return px;
    }

    private Path writeP5(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("P5\n# made by a test\n" + W + " " + H + "\n255\n").getBytes(StandardCharsets.US_ASCII));
        for (int v : image()) {
            out.write(v);
        }
        Path p = tmp.resolve(name);
        Files.write(p, out.toByteArray());
        return p;
    }

    private Path writeP2(String name) throws IOException {
        StringBuilder sb = new StringBuilder("P2\n" + W + " " + H + "\n255\n");
        int[] px = image();
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                sb.append(px[r * W + c]).append(c + 1 < W ? " " : "\n");
            }
        }
        Path p = tmp.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    private Path yaml(String image, String extra) throws IOException {
        Path y = tmp.resolve("map.yaml");
        Files.writeString(y, "image: " + image + "\nresolution: 0.1\norigin: [-1.0, -0.5, 0.0]  # comment\n"
            + "negate: 0\noccupied_thresh: 0.65\nfree_thresh: 0.196\n" + extra);
        return y;
    }

    private void checkWorld(World w) {
        OccupancyGrid g = w.grid();
        assertEquals(W, g.sizeX());
        assertEquals(H, g.sizeY());
        assertEquals(0.1, g.resolution());
        assertEquals(-1.0, g.originX());
        assertEquals(-0.5, g.originY());
        // image row r is cell iy = H − 1 − r: the wall (rows 0..19, top) is iy 10..29 at ix 20
        for (int iy = 0; iy < H; iy++) {
            assertEquals(iy >= 10, g.isOccupied(20, iy), "wall cell iy " + iy);
        }
        assertTrue(g.isOccupied(5, 0), "unknown grey is occupied");
        assertEquals(21, g.occupiedCount());
        double[] p = w.referencePath();
        assertEquals(START.x(), p[0]);
        assertEquals(2.5, p[p.length - 2]);
        // the path must pass below the wall (y < 0.5 + margin at x ≈ 1.05)
        boolean below = false;
        for (int i = 0; i < p.length; i += 2) {
            if (Math.abs(p[i] - 1.05) < 0.06 && p[i + 1] < 0.6) {
                below = true;
            }
        }
        assertTrue(below, "A* path goes around the wall");
        assertEquals(w.referencePathLength() / 2.0, w.optimalTime(), 1e-12);
    }

    @Test
    void loadsBinaryPgm() throws IOException {
        writeP5("map.pgm");
        World w = WorldLoader.loadMapServer(yaml("map.pgm", ""), START, 2.5, 1.5);
        assertEquals("map", w.name());
        checkWorld(w);
    }

    @Test
    void loadsAsciiPgmWithNegateFlipped() throws IOException {
        writeP2("map2.pgm");
        checkWorld(WorldLoader.loadMapServer(yaml("\"map2.pgm\"", "mode: trinary\n"), START, 2.5, 1.5));
        // negate: 1 makes white occupied, so almost all cells become obstacles and the goal is unreachable
        Path y = tmp.resolve("neg.yaml");
        Files.writeString(y, "image: map2.pgm\nresolution: 0.1\norigin: [0, 0, 0]\nnegate: 1\n");
        WorldFormatException e = assertThrows(WorldFormatException.class,
            () -> WorldLoader.loadMapServer(y, START, 2.5, 1.5));
        assertTrue(e.getMessage().contains("no collision-free path"), e.getMessage());
    }

    private String failYaml(String text) throws IOException {
        writeP5("map.pgm");
        Path y = tmp.resolve("bad.yaml");
        Files.writeString(y, text);
        String msg = assertThrows(WorldFormatException.class,
            () -> WorldLoader.loadMapServer(y, START, 2.5, 1.5)).getMessage();
        assertTrue(msg.startsWith(y + ":"), msg);
        return msg.substring(y.toString().length());
    }

    @Test
    void malformedYamlNamesFileAndKey() throws IOException {
        assertEquals(": missing key 'resolution'", failYaml("image: map.pgm\norigin: [0, 0, 0]\n"));
        assertEquals(": missing key 'image'", failYaml("resolution: 0.1\norigin: [0, 0, 0]\n"));
        assertEquals(":2: key 'resolution': bad number 'abc'",
            failYaml("image: map.pgm\nresolution: abc\norigin: [0, 0, 0]\n"));
        assertEquals(":3: key 'origin' must have 3 numbers [x, y, yaw], found 2",
            failYaml("image: map.pgm\nresolution: 0.1\norigin: [0, 0]\n"));
        assertEquals(":3: key 'origin': not finite 'NaN'",
            failYaml("image: map.pgm\nresolution: 0.1\norigin: [0, 0, NaN]\n"));
        assertEquals(":4: key 'negate' must be 0 or 1, found '2'",
            failYaml("image: map.pgm\nresolution: 0.1\norigin: [0, 0, 0]\nnegate: 2\n"));
        assertEquals(":2: expected 'key: value', found 'garbage'", failYaml("image: map.pgm\ngarbage\n"));
        assertTrue(failYaml("image: nope.pgm\nresolution: 0.1\norigin: [0, 0, 0]\n")
            .startsWith(":1: cannot read image 'nope.pgm'"));
    }

    @Test
    void loadsPngLikeTheSamePgm() throws IOException {
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        int[] px = image();
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                bi.getRaster().setSample(c, r, 0, px[r * W + c]);
            }
        }
        javax.imageio.ImageIO.write(bi, "png", tmp.resolve("map.png").toFile());
        checkWorld(WorldLoader.loadMapServer(yaml("map.png", ""), START, 2.5, 1.5));
        Files.writeString(tmp.resolve("junk.png"), "not an image");
        WorldFormatException e = assertThrows(WorldFormatException.class,
                () -> WorldLoader.loadMapServer(yaml("junk.png", ""), START, 2.5, 1.5));
        assertTrue(e.getMessage().contains("not a PGM, PNG"), e.getMessage());
    }

    @Test
    void anOriginYawRotatesTheMapOntoAnAxisAlignedGrid() throws IOException {
        writeP5("map.pgm");
        Path y = tmp.resolve("rot.yaml");
        double ox = 2.0;
        double oy = -1.0;
        Files.writeString(y, "image: map.pgm\nresolution: 0.1\norigin: [" + ox + ", " + oy + ", 1.5707963267948966]\n");
        // Rotated by 90°, pixel (c, rb) (rb counted from the bottom) covers x in ox − (rb+1)·0.1 .. ox − rb·0.1,
        // y in oy + c·0.1 .. oy + (c+1)·0.1.
        World w = MapServerLoader.load(y, new Pose2(ox - 2.5, oy + 0.5, 0), ox - 2.5, oy + 3.5, 0.3);
        OccupancyGrid g = w.grid();
        assertEquals(H, g.sizeX());
        assertEquals(W, g.sizeY());
        assertEquals(0.3, w.goalTolerance());
        OccupancyGrid aligned = WorldLoader.loadMapServer(yaml("map.pgm", ""), START, 2.5, 1.5).grid();
        for (int c = 0; c < W; c++) {
            for (int rb = 0; rb < H; rb++) {
                double x = ox - (rb + 0.5) * 0.1;
                double yy = oy + (c + 0.5) * 0.1;
                int ix = (int) Math.floor((x - g.originX()) / 0.1);
                int iy = (int) Math.floor((yy - g.originY()) / 0.1);
                assertEquals(aligned.isOccupied(c, rb), g.isOccupied(ix, iy), "pixel " + c + ", " + rb);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MapServerLoader.load(y, START, 2.5, 1.5, 0.0));
    }

    @Test
    void goalOnTheStartIsRejectedBeforeAnyRunStarts() throws IOException {
        writeP5("map.pgm");
        Path y = yaml("map.pgm", "");
        String m = assertThrows(IllegalArgumentException.class,
                () -> WorldLoader.loadMapServer(y, START, START.x(), START.y())).getMessage();
        assertTrue(m.contains("zero length") && m.contains("coincide"), m);
    }

    @Test
    void malformedPgmNamesFile() throws IOException {
        Path img = tmp.resolve("x.pgm");
        Path y = yaml("x.pgm", "");
        Files.writeString(img, "P6\n2 2\n255\n");
        String m1 = assertThrows(WorldFormatException.class, () -> WorldLoader.loadMapServer(y, START, 0.1, 0.1))
            .getMessage();
        assertEquals(img + ":1: not a PGM image: magic 'P6' (expected P5 or P2)", m1);
        Files.write(img, "P5\n4 4\n255\n\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1));
        String m2 = assertThrows(WorldFormatException.class, () -> WorldLoader.loadMapServer(y, START, 0.1, 0.1))
            .getMessage();
        assertEquals(img + ": expected 16 bytes of pixel data, found 2", m2);
        Files.writeString(img, "P2\n2 2\n255\n0 1\n2 x\n");
        String m3 = assertThrows(WorldFormatException.class, () -> WorldLoader.loadMapServer(y, START, 0.1, 0.1))
            .getMessage();
        assertEquals(img + ":5: bad pixel value 'x'", m3);
        Files.writeString(img, "P2\n2 2\n255\n0 1\n2 300\n");
        String m4 = assertThrows(WorldFormatException.class, () -> WorldLoader.loadMapServer(y, START, 0.1, 0.1))
            .getMessage();
        assertEquals(img + ":5: pixel value 300 outside 0..255", m4);
        Files.writeString(img, "P2\n2\n");
        String m5 = assertThrows(WorldFormatException.class, () -> WorldLoader.loadMapServer(y, START, 0.1, 0.1))
            .getMessage();
        assertEquals(img + ":3: unexpected end of file, expected height", m5);
        assertFalse(m5.isEmpty());
    }
}
