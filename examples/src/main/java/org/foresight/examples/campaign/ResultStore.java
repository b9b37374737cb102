package org.foresight.examples.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.foresight.dynamics.log.AtomicFiles;

/**
 * The rows of a campaign in {@code DIR/results.csv}, written so that a campaign can be killed at any moment
 * (even SIGKILL) and resumed by running the same command again:
 * <ul>
 *   <li>each finished episode is appended as one line in one write, then forced to disk; a line cut short by a
 *       kill has no newline and is dropped (the file truncated to its last complete line) on the next open, so the
 *       episode simply runs again;</li>
 *   <li>once every episode has its row, {@link #finish} rewrites the file in the campaign's order, so that two runs
 *       of one command give their rows in the same order whatever the thread count;</li>
 *   <li>{@code campaign.json} records the command (worlds, planners, models, perceptions, robots, seeds and the
 *       settings that change results); a different command into the same directory is refused unless forced,
 *       so rows of two campaigns never mix.</li>
 * </ul>
 * Thread-safe: workers append concurrently.
 */
public final class ResultStore implements AutoCloseable {
    /** The rows file. */
    public static final String RESULTS = "results.csv";
    /** The command file. */
    public static final String CAMPAIGN = "campaign.json";
    /** Files and folders a forced restart removes (nothing else in the directory is touched). */
    private static final List<String> OURS = List.of(RESULTS, CAMPAIGN, "summary.md", "results.md", "success.png",
            "score_per_world.png", "runs", "results.parquet");

    private final Path dir;
    private final List<ResultRow> rows = new ArrayList<>();
    private final Set<EpisodeKey> done = new HashSet<>();
    private final FileChannel channel;

    private ResultStore(Path dir, FileChannel channel) {
        this.dir = dir;
        this.channel = channel;
    }

    /**
     * Opens (or creates) the store of a campaign.
     *
     * @param dir      the {@code --out} directory.
     * @param campaign the command's canonical description (JSON text).
     * @param force    whether a different campaign already there may be replaced.
     * @return the store, holding the rows already finished.
     * @throws IllegalArgumentException one line naming {@code --out} when the directory is a file, holds another
     *                                  campaign (without force) or a malformed row.
     */
    public static ResultStore open(Path dir, String campaign, boolean force) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + ": is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
            Path cfile = dir.resolve(CAMPAIGN);
            boolean same = Files.isRegularFile(cfile) && Files.readString(cfile).equals(campaign);
            if (!same && !isEmpty(dir)) {
                if (!force) {
                    throw new IllegalArgumentException("--out " + dir + ": holds "
                            + (Files.isRegularFile(cfile) ? "a different bench (its " + CAMPAIGN + " differs from this command)"
                            : "other files") + "; use --force to replace its results, or another --out");
                }
                for (String name : OURS) {
                    deleteTree(dir.resolve(name));
                }
            }
            if (!same) {
                AtomicFiles.writeText(cfile, w -> w.write(campaign));
            }
            Path results = dir.resolve(RESULTS);
            if (!Files.exists(results)) {
                AtomicFiles.writeText(results, w -> w.write(ResultRow.HEADER + "\n"));
            }
            FileChannel ch = FileChannel.open(results, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ResultStore store = new ResultStore(dir, ch);
            store.load(results);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("--out " + dir + ": " + AtomicFiles.reason(e), e);
        }
    }

    private void load(Path results) throws IOException {
        byte[] all = Files.readAllBytes(results);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--; // a line cut short by a kill: drop it
        }
        if (end < all.length) {
            channel.truncate(end);
            channel.force(true);
        }
        String text = new String(all, 0, end, StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(ResultRow.HEADER)) {
            throw new IllegalArgumentException(results + ":1: not a results file of this version (header differs)");
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            ResultRow r = ResultRow.parse(lines[i], results + ":" + (i + 1));
            if (done.add(r.key())) {
                rows.add(r);
            }
        }
        channel.position(channel.size());
    }

    /** @return the directory. */
    public Path dir() {
        return dir;
    }

    /** @return whether an episode has a row. */
    public synchronized boolean isDone(EpisodeKey key) {
        return done.contains(key);
    }

    /** @return a copy of the rows, in the order they were finished (after {@link #finish}: its order). */
    public synchronized List<ResultRow> rows() {
        return List.copyOf(rows);
    }

    /**
     * Appends a finished episode's row in one write and forces it to disk. A key already present is ignored.
     *
     * @param row the row.
     */
    public synchronized void append(ResultRow row) {
        if (!done.add(row.key())) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap((row.toCsv() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(RESULTS) + ": " + AtomicFiles.reason(e), e);
        }
        rows.add(row);
    }

    /**
     * Rewrites {@code results.csv} with the rows in the given order (the campaign's, not the order the episodes
     * finished in, which depends on the thread count and the machine), atomically: a crash leaves either the
     * appended file or the sorted one, both whole. Then closes the store; nothing can be appended after this.
     *
     * @param ordered every row of the store, each once, in the order wanted.
     * @throws IllegalArgumentException if {@code ordered} is not a permutation of the store's rows.
     */
    public synchronized void finish(List<ResultRow> ordered) {
        Set<EpisodeKey> keys = new HashSet<>();
        for (ResultRow r : ordered) {
            keys.add(r.key());
        }
        if (ordered.size() != rows.size() || !keys.equals(done)) {
            throw new IllegalArgumentException("finish: the rows given are not the store's rows (" + ordered.size()
                    + " given, " + rows.size() + " stored)");
        }
        close();
        AtomicFiles.writeText(dir.resolve(RESULTS), w -> {
            w.write(ResultRow.HEADER + "\n");
            for (ResultRow r : ordered) {
                w.write(r.toCsv() + "\n");
            }
        });
        rows.clear();
        rows.addAll(ordered);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
