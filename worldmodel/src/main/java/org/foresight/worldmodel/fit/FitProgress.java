package org.foresight.worldmodel.fit;

/**
 * Receives how far a long fit has come (MLP training steps, ensemble members), for a progress bar. Called
 * on the fitting thread, at most every few hundred milliseconds of work; must be cheap.
 */
@FunctionalInterface
public interface FitProgress {
    /** Ignores every update. */
    FitProgress NONE = (done, total) -> { };

    /**
     * @param done  units of work done, 0 ≤ done ≤ total.
     * @param total units of work in all, &gt; 0.
     */
    void update(long done, long total);
}
