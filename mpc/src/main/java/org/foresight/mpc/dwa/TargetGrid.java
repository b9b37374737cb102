package org.foresight.mpc.dwa;

import java.util.Arrays;

/**
 * Distances in cells over the local costmap from a set of target cells, as base_local_planner's MapGrid
 * propagates them: a breadth-first wave over the 4-neighbourhood (so the distance is a Manhattan path length
 * around obstacles), where lethal and inscribed cells are not entered (they get {@link #obstacle()}) unless
 * exempt (the cells under the robot's current footprint, for the path grid), and cells the wave never reaches
 * keep {@link #unreachable()}. A trajectory point on a cell at or above {@link #obstacle()} is illegal.
 * Allocation-free after construction; not thread-safe.
 */
final class TargetGrid {
    private final int n;
    private final int[] dist;
    private final boolean[] marked;
    private final int[] queue;
    private int head;
    private int tail;

    TargetGrid(int n) {
        this.n = n;
        this.dist = new int[n * n];
        this.marked = new boolean[n * n];
        this.queue = new int[n * n];
    }

    /** @return the value of a blocked cell (the cell count). */
    int obstacle() {
        return n * n;
    }

    /** @return the value of a cell the wave did not reach (one above {@link #obstacle()}). */
    int unreachable() {
        return n * n + 1;
    }

    /** Forgets all distances and targets. */
    void reset() {
        Arrays.fill(dist, unreachable());
        Arrays.fill(marked, false);
        head = 0;
        tail = 0;
    }

    /** @param index a target cell iy·n + ix: distance 0. */
    void target(int index) {
        if (marked[index]) {
            return;
        }
        marked[index] = true;
        dist[index] = 0;
        queue[tail++] = index;
    }

    /**
     * Propagates the wave from the targets.
     *
     * @param map    the costmap whose lethal and inscribed cells block.
     * @param exempt cells that never block (the footprint's cells), or null.
     */
    void propagate(LocalCostmap map, boolean[] exempt) {
        int blocked = obstacle();
        while (head < tail) {
            int c = queue[head++];
            int ix = c % n;
            int iy = c / n;
            int next = dist[c] + 1;
            if (ix > 0) {
                visit(c - 1, next, map, exempt, blocked);
            }
            if (ix < n - 1) {
                visit(c + 1, next, map, exempt, blocked);
            }
            if (iy > 0) {
                visit(c - n, next, map, exempt, blocked);
            }
            if (iy < n - 1) {
                visit(c + n, next, map, exempt, blocked);
            }
        }
    }

    private void visit(int c, int next, LocalCostmap map, boolean[] exempt, int blocked) {
        if (marked[c]) {
            return;
        }
        marked[c] = true;
        if (map.cost(c) >= LocalCostmap.INSCRIBED && (exempt == null || !exempt[c])) {
            dist[c] = blocked;
            return;
        }
        dist[c] = next;
        queue[tail++] = c;
    }

    /** @param index cell iy·n + ix. @return its distance [cells], or {@link #obstacle()} / {@link #unreachable()}. */
    int distance(int index) {
        return dist[index];
    }
}
