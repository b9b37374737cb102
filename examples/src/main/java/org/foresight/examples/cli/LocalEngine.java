package org.foresight.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.foresight.examples.campaign.ResultRow;

/** The episodes on this machine: {@code threads} at a time (0 = one per core), the cores left to each planner. */
final class LocalEngine implements EpisodeEngine {
    private final int threads;

    /** @param threads episodes in parallel, 0 = one per core. */
    LocalEngine(int threads) {
        this.threads = threads;
    }

    @Override
    public void run(List<EpisodeSpec> episodes, Consumer<ResultRow> sink) throws Exception {
        if (episodes.isEmpty()) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = threads > 0 ? threads : cores;
        int plannerThreads = Math.max(1, cores / parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (EpisodeSpec e : episodes) {
                futures.add(pool.submit(() -> {
                    sink.accept(EpisodeSpec.run(e, plannerThreads));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
