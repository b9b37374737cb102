package org.foresight.examples.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.foresight.examples.campaign.ResultRow;
import org.foresight.examples.cli.EpisodeEngine;
import org.foresight.examples.cli.EpisodeSpec;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The episodes of a campaign as Spark tasks, one task per episode. A task receives an {@link EpisodeSpec} (strings,
 * the planner configuration as JSON) and runs {@link EpisodeSpec#run} in its executor's JVM, which builds the world,
 * model and planner there; its {@link ResultRow} comes back to the driver, which hands it over as soon as the task
 * ends ({@code SparkContext.runJob} with a result handler), so a killed sweep keeps every finished episode.
 * A task's planner uses {@code spark.task.cpus} threads (1 by default). Writes the rows as Parquet with Spark SQL.
 */
public final class SparkEngine implements EpisodeEngine {
    /** The {@code --add-opens} Spark needs on JDK 17 (the launcher and the surefire configuration pass them). */
    static final String[] OPENS = {"java.base/java.lang", "java.base/java.lang.invoke", "java.base/java.nio",
        "java.base/java.util", "java.base/sun.nio.ch", "java.base/sun.util.calendar"};

    private final SparkSession spark;

    /**
     * Starts Spark.
     *
     * @param master  {@code --master}: local[N], local[*] or spark://HOST:PORT; null for spark-submit's master
     *                ({@code spark.master}), else local[*].
     * @param appName the application's name.
     * @throws IllegalArgumentException one line when the JVM lacks the {@code --add-opens} or the master cannot be
     *                                  reached.
     */
    public SparkEngine(String master, String appName) {
        quietLogging(); // before the first Spark class logs
        for (String o : OPENS) {
            String[] mp = o.split("/");
            if (!Object.class.getModule().getLayer().findModule(mp[0]).orElseThrow().isOpen(mp[1],
                    SparkEngine.class.getModule())) {
                throw new IllegalArgumentException("--engine spark: this JVM was started without --add-opens=" + o
                        + "=ALL-UNNAMED (Spark needs it on Java 17; ./foresight passes it, see README)");
            }
        }
        SparkConf conf = new SparkConf().setAppName(appName).set("spark.ui.enabled", "false");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        String m = conf.get("spark.master");
        if (m.startsWith("local")) {
            // One machine: no network name needed (a host whose name does not resolve still works).
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else if (m.startsWith("spark://")) {
            reachable(m);
        }
        if (!m.startsWith("local") && !conf.contains("spark.jars")) {
            // Executors elsewhere need our classes: ship the jar this class came from (spark-submit ships its own).
            String jar = ownJar();
            if (jar != null) {
                conf.set("spark.jars", jar);
            }
        }
        try {
            spark = SparkSession.builder().config(conf).getOrCreate();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--master " + m + ": Spark did not start (" + firstLine(e) + ")");
        }
        spark.sparkContext().setLogLevel("WARN");
    }

    /** @return the jar holding this class (foresight.jar), or null when run from class folders (tests). */
    private static String ownJar() {
        try {
            Path p = Path.of(SparkEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toString() : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Checks that every master of a {@code spark://} URL accepts a connection within 5 s. */
    private static void reachable(String master) {
        for (String hp : master.substring("spark://".length()).split(",")) {
            int colon = hp.lastIndexOf(':');
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))), 5000);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("--master " + master + ": cannot reach " + hp + " (" + e.getMessage()
                        + ")");
            }
        }
    }

    /** Spark logs at INFO by default; ours is WARN, unless a log4j2 configuration is already given. */
    private static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") == null
                && ClassLoader.getSystemResource("log4j2.properties") == null) {
            URL ours = SparkEngine.class.getResource("log4j2-foresight.properties");
            if (ours != null) {
                System.setProperty("log4j2.configurationFile", ours.toString());
            }
        }
    }

    @Override
    public void run(List<EpisodeSpec> episodes, Consumer<ResultRow> sink) throws Exception {
        if (episodes.isEmpty()) {
            return;
        }
        SparkContext sc = spark.sparkContext();
        JavaRDD<EpisodeSpec> rdd = JavaSparkContext.fromSparkContext(sc).parallelize(episodes, episodes.size());
        ClassTag<ResultRow[]> tag = ClassTag$.MODULE$.apply(ResultRow[].class);
        try {
            sc.runJob(rdd.rdd(), new RunEpisodes(), new Hand(sink), tag);
        } catch (Exception e) { // Scala declares no checked exceptions: a failed job throws SparkException
            if (e instanceof SparkException) {
                throw new IllegalStateException("a Spark job failed: " + firstLine(e), e);
            }
            throw e;
        }
    }

    /** The task: runs its partition's episodes (one) in the executor's JVM. */
    private static final class RunEpisodes extends AbstractFunction1<scala.collection.Iterator<EpisodeSpec>, ResultRow[]>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public ResultRow[] apply(scala.collection.Iterator<EpisodeSpec> it) {
            TaskContext tc = TaskContext.get();
            int threads = tc == null ? 1 : Math.max(1, tc.cpus());
            List<ResultRow> rows = new ArrayList<>();
            while (it.hasNext()) {
                rows.add(EpisodeSpec.run(it.next(), threads));
            }
            return rows.toArray(new ResultRow[0]);
        }
    }

    /** On the driver, as each task ends: its rows to the sink. */
    private static final class Hand extends AbstractFunction2<Object, ResultRow[], BoxedUnit> {
        private final Consumer<ResultRow> sink;

        Hand(Consumer<ResultRow> sink) {
            this.sink = sink;
        }

        @Override
        public BoxedUnit apply(Object partition, ResultRow[] rows) {
            for (ResultRow r : rows) {
                sink.accept(r);
            }
            return BoxedUnit.UNIT;
        }
    }

    /** {@code results.csv}'s columns and their Parquet types. */
    static StructType schema() {
        String[] names = ResultRow.HEADER.split(",");
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            DataType t = i == 6 || i == 20 ? DataTypes.IntegerType
                    : i < 10 || i == 21 ? DataTypes.StringType : DataTypes.DoubleType;
            fields.add(DataTypes.createStructField(names[i], t, false));
        }
        return DataTypes.createStructType(fields);
    }

    /** Writes all rows (including those of earlier runs) to {@code results.parquet/}, one file, replacing it. */
    @Override
    public List<Path> writeTables(List<ResultRow> rows, Path out) {
        List<Row> data = new ArrayList<>();
        for (ResultRow r : rows) {
            data.add(RowFactory.create(r.world(), r.planner(), r.config(), r.model(), r.perception(), r.robot(), r.seed(),
                    r.localization(), r.latency(), r.outcome(), r.timeS(), r.otS(), r.score(), r.pathM(), r.planMsP50(),
                    r.planMsP99(), r.overrunFraction(), r.minClearanceM(), r.perceptionMsP50(), r.perceptionMsP99(),
                    r.stopCycles(), r.collisionWith()));
        }
        Path parquet = out.resolve("results.parquet");
        Dataset<Row> df = spark.createDataFrame(data, schema());
        df.coalesce(1).write().mode(SaveMode.Overwrite).parquet(parquet.toAbsolutePath().toUri().toString());
        return List.of(parquet);
    }

    @Override
    public void close() {
        spark.stop();
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
