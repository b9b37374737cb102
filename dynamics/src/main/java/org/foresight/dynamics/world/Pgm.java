package org.foresight.dynamics.world;

/**
 * A greyscale Netpbm image (PGM, P5 binary or P2 ASCII), as used by ROS map_server. Pixels are stored row-major,
 * row 0 at the top. Errors: {@link WorldFormatException} "FILE:LINE: reason" for header/ASCII problems,
 * "FILE: reason" for binary data.
 */
final class Pgm {
    private final int width;
    private final int height;
    private final int maxval;
    private final int[] pixels;

    private Pgm(int width, int height, int maxval, int[] pixels) {
        this.width = width;
        this.height = height;
        this.maxval = maxval;
        this.pixels = pixels;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int maxval() {
        return maxval;
    }

    /** @return pixel value in [0, maxval] at row r (top = 0), column c. */
    int pixel(int r, int c) {
        return pixels[r * width + c];
    }

    /** Parses P5 or P2 bytes. */
    static Pgm parse(String file, byte[] data) {
        Reader rd = new Reader(file, data);
        String magic = rd.token("magic number");
        boolean binary;
        if (magic.equals("P5")) {
            binary = true;
        } else if (magic.equals("P2")) {
            binary = false;
        } else {
            throw new WorldFormatException(file, 1, "not a PGM image: magic '" + magic + "' (expected P5 or P2)");
        }
        int width = rd.positiveInt("width", 1 << 16);
        int height = rd.positiveInt("height", 1 << 16);
        int maxval = rd.positiveInt("maxval", 65535);
        if ((long) width * height > 100_000_000L) {
            throw new WorldFormatException(file, rd.line, "image too large: " + width + " × " + height);
        }
        int[] px = new int[width * height];
        if (binary) {
            int pos = rd.pos + 1; // exactly one whitespace byte after maxval
            int bpp = maxval < 256 ? 1 : 2;
            long need = (long) px.length * bpp;
            if (data.length - pos < need) {
                throw new WorldFormatException(file, "expected " + need + " bytes of pixel data, found "
                        + Math.max(0, data.length - pos));
            }
            for (int i = 0; i < px.length; i++) {
                int v = bpp == 1 ? (data[pos + i] & 0xff)
                        : ((data[pos + 2 * i] & 0xff) << 8) | (data[pos + 2 * i + 1] & 0xff);
                if (v > maxval) {
                    throw new WorldFormatException(file, "pixel " + i + " value " + v + " exceeds maxval " + maxval);
                }
                px[i] = v;
            }
        } else {
            for (int i = 0; i < px.length; i++) {
                String t = rd.token("pixel " + i + " of " + px.length);
                int v;
                try {
                    v = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw new WorldFormatException(file, rd.line, "bad pixel value '" + t + "'");
                }
                if (v < 0 || v > maxval) {
                    throw new WorldFormatException(file, rd.line, "pixel value " + v + " outside 0.." + maxval);
                }
                px[i] = v;
            }
        }
        return new Pgm(width, height, maxval, px);
    }

    /** Whitespace/comment-aware tokenizer over the header (and P2 body), tracking the line. */
    private static final class Reader {
        final String file;
        final byte[] data;
        int pos;
        int line = 1;

        Reader(String file, byte[] data) {
            this.file = file;
            this.data = data;
        }

        String token(String what) {
            while (pos < data.length) {
                byte b = data[pos];
                if (b == '#') {
                    while (pos < data.length && data[pos] != '\n') {
                        pos++;
                    }
                } else if (b == '\n') {
                    line++;
                    pos++;
                } else if (b == ' ' || b == '\t' || b == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
            if (pos >= data.length) {
                throw new WorldFormatException(file, line, "unexpected end of file, expected " + what);
            }
            int start = pos;
            while (pos < data.length && !Character.isWhitespace((char) (data[pos] & 0xff)) && data[pos] != '#') {
                pos++;
            }
            return new String(data, start, pos - start, java.nio.charset.StandardCharsets.US_ASCII);
        }

        int positiveInt(String what, int max) {
            String t = token(what);
            int v;
            try {
                v = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new WorldFormatException(file, line, "bad " + what + " '" + t + "'");
            }
            if (v < 1 || v > max) {
                throw new WorldFormatException(file, line, what + " " + v + " outside 1.." + max);
            }
            return v;
        }
    }
}
