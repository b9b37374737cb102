package org.foresight.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.foresight.examples.campaign.ResultRow;

/**
 * Where the episodes of a campaign run: this machine's cores ({@link LocalEngine}) or Apache Spark
 * ({@code org.foresight.examples.spark.SparkEngine}, loaded by name so that the CLI compiles and runs without
 * Spark). Both run each episode with {@link EpisodeSpec#run}.
 */
public interface EpisodeEngine extends AutoCloseable {
    /**
     * Runs the episodes in any order and hands each finished row to {@code sink} in this JVM (the driver), as it
     * finishes, so that an interrupted campaign keeps every finished row.
     *
     * @param episodes the episodes.
     * @param sink     receives the rows; thread-safe (it may be called from several threads).
     * @throws Exception an episode's failure (the rows handed over before it are kept).
     */
    void run(List<EpisodeSpec> episodes, Consumer<ResultRow> sink) throws Exception;

    /**
     * Writes further tables of all rows beside {@code results.csv} (Spark: {@code results.parquet/}).
     *
     * @param rows the campaign's rows.
     * @param out  the {@code --out} directory.
     * @return what was written.
     */
    default List<Path> writeTables(List<ResultRow> rows, Path out) {
        return List.of();
    }

    @Override
    default void close() {
    }
}
