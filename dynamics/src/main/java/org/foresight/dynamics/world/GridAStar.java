package org.foresight.dynamics.world;

import java.util.Arrays;

/**
 * 8-connected A* on an (already inflated) occupancy grid, the global guide path of the planners and the
 * fallback reference path of worlds without one.
 *
 * <pre>
 * step cost  c = resolution · (1 straight, √2 diagonal); diagonal steps may not cut an occupied corner
 * heuristic  h = resolution · ((max(|Δx|,|Δy|) − min(|Δx|,|Δy|)) + √2 · min(|Δx|,|Δy|))   (octile, admissible)
 * </pre>
 *
 * Implementation: primitive arrays and a binary min-heap with lazy deletion; about 10⁴ cells per call for a
 * BARN grid. Deterministic: ties are broken by insertion order of the heap, which depends only on the input.
 */
public final class GridAStar {
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final int[] DX = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DY = {0, 0, 1, -1, 1, -1, 1, -1};

    private GridAStar() {
    }

    /**
     * Plans from (sx, sy) to (gx, gy). The start cell may be occupied (the robot may already sit inside the
     * inflation margin); every other cell of the path, including the goal cell, is free.
     *
     * @param inflated the grid to plan on (usually {@link OccupancyGrid#inflate} of the world grid). Not modified.
     * @param sx       start x [m].
     * @param sy       start y [m].
     * @param gx       goal x [m].
     * @param gy       goal y [m].
     * @return the path as interleaved x0, y0, x1, y1, … [m]: the exact start point, the centres of the cells
     *         between the start and goal cells, then the exact goal point; or null when start or goal lie outside
     *         the grid, the goal cell is occupied, or no path exists.
     */
    public static double[] plan(OccupancyGrid inflated, double sx, double sy, double gx, double gy) {
        int nx = inflated.sizeX();
        int ny = inflated.sizeY();
        int six = inflated.cellX(sx);
        int siy = inflated.cellY(sy);
        int gix = inflated.cellX(gx);
        int giy = inflated.cellY(gy);
        if (six < 0 || siy < 0 || six >= nx || siy >= ny || gix < 0 || giy < 0 || gix >= nx || giy >= ny) {
            return null;
        }
        if (inflated.isOccupied(gix, giy)) {
            return null;
        }
        double res = inflated.resolution();
        int n = nx * ny;
        int start = six * ny + siy;
        int goal = gix * ny + giy;
        if (start == goal) {
            return new double[] {sx, sy, gx, gy};
        }
        double[] g = new double[n];
        Arrays.fill(g, Double.POSITIVE_INFINITY);
        int[] parent = new int[n];
        boolean[] closed = new boolean[n];
        Heap open = new Heap(1024);
        g[start] = 0.0;
        parent[start] = -1;
        open.push(start, octile(six, siy, gix, giy, res));
        boolean found = false;
        while (open.size > 0) {
            int cur = open.pop();
            if (closed[cur]) {
                continue;
            }
            closed[cur] = true;
            if (cur == goal) {
                found = true;
                break;
            }
            int cx = cur / ny;
            int cy = cur - cx * ny;
            for (int k = 0; k < 8; k++) {
                int x = cx + DX[k];
                int y = cy + DY[k];
                if (x < 0 || y < 0 || x >= nx || y >= ny || inflated.isOccupied(x, y)) {
                    continue;
                }
                if (k >= 4 && (inflated.isOccupied(cx + DX[k], cy) || inflated.isOccupied(cx, cy + DY[k]))) {
                    continue; // no corner cutting
                }
                int nb = x * ny + y;
                if (closed[nb]) {
                    continue;
                }
                double cand = g[cur] + (k < 4 ? res : SQRT2 * res);
                if (cand < g[nb]) {
                    g[nb] = cand;
                    parent[nb] = cur;
                    open.push(nb, cand + octile(x, y, gix, giy, res));
                }
            }
        }
        if (!found) {
            return null;
        }
        int len = 0;
        for (int c = goal; c != -1; c = parent[c]) {
            len++;
        }
        double[] out = new double[2 * len];
        int i = len - 1;
        for (int c = goal; c != -1; c = parent[c], i--) {
            int cx = c / ny;
            int cy = c - cx * ny;
            out[2 * i] = inflated.centerX(cx);
            out[2 * i + 1] = inflated.centerY(cy);
        }
        out[0] = sx;
        out[1] = sy;
        out[2 * len - 2] = gx;
        out[2 * len - 1] = gy;
        return out;
    }

    /** h = res · ((max − min) + √2 · min) over |Δx|, |Δy| in cells. */
    private static double octile(int x, int y, int gx, int gy, double res) {
        int dx = Math.abs(x - gx);
        int dy = Math.abs(y - gy);
        int mn = Math.min(dx, dy);
        int mx = Math.max(dx, dy);
        return res * ((mx - mn) + SQRT2 * mn);
    }

    /** Binary min-heap of (node, key) in parallel primitive arrays. */
    private static final class Heap {
        int[] node;
        double[] key;
        int size;

        Heap(int capacity) {
            node = new int[capacity];
            key = new double[capacity];
        }

        void push(int v, double k) {
            if (size == node.length) {
                node = Arrays.copyOf(node, 2 * size);
                key = Arrays.copyOf(key, 2 * size);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (key[p] <= k) {
                    break;
                }
                node[i] = node[p];
                key[i] = key[p];
                i = p;
            }
            node[i] = v;
            key[i] = k;
        }

        int pop() {
            int top = node[0];
            size--;
            if (size > 0) {
                int v = node[size];
                double k = key[size];
                int i = 0;
                while (true) {
                    int c = 2 * i + 1;
                    if (c >= size) {
                        break;
                    }
                    if (c + 1 < size && key[c + 1] < key[c]) {
                        c++;
                    }
                    if (key[c] >= k) {
                        break;
                    }
                    node[i] = node[c];
                    key[i] = key[c];
                    i = c;
                }
                node[i] = v;
                key[i] = k;
            }
            return top;
        }
    }
}
