package org.foresight.worldmodel.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A split of episodes into training and validation sets, by whole episode (never by row, so validation
 * windows are never seen in training, not even their neighbouring rows).
 *
 * @param train      training episodes, in input order.
 * @param validation validation (held-out) episodes, in input order.
 */
public record EpisodeSplit(List<Episode> train, List<Episode> validation) {

    /** Copies the lists. */
    public EpisodeSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /**
     * Holds out round(fraction·N) episodes (at least 1, at most N − 1), chosen by a seeded shuffle.
     *
     * @param episodes all episodes (at least 2).
     * @param fraction share held out, in (0, 1).
     * @param seed     shuffle seed; same seed and list ⇒ same split.
     * @return the split.
     * @throws IllegalArgumentException with fewer than 2 episodes or a fraction outside (0, 1).
     */
    public static EpisodeSplit split(List<Episode> episodes, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("holdout fraction must be in (0, 1), got " + fraction);
        }
        int n = episodes.size();
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 episodes to hold some out for validation, got " + n);
        }
        int held = (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] isHeld = new boolean[n];
        for (int i = 0; i < held; i++) {
            isHeld[order[i]] = true;
        }
        List<Episode> train = new ArrayList<>();
        List<Episode> val = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (isHeld[i] ? val : train).add(episodes.get(i));
        }
        return new EpisodeSplit(train, val);
    }
}
