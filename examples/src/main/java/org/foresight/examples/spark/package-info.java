/**
 * The Apache Spark engine of {@code sweep} ({@code --engine spark}). Spark is a {@code provided} dependency: it is
 * on the compile and test classpaths but not in {@code foresight.jar}; {@code ./foresight} adds Spark's jars for
 * {@code --engine spark}, and on a cluster {@code spark-submit} provides them. Nothing outside this package refers
 * to Spark; the CLI loads {@link org.foresight.examples.spark.SparkEngine} by name.
 */
package org.foresight.examples.spark;
