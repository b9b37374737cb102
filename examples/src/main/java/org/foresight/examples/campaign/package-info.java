/**
 * Benchmark campaigns: the world lists a {@code bench} runs over ({@link org.foresight.examples.campaign.WorldSpecs}),
 * one row per finished episode kept in a crash-safe, resumable store
 * ({@link org.foresight.examples.campaign.ResultStore}), and what is made of the rows: the markdown summary beside
 * the published BARN entries and the PNG charts.
 */
package org.foresight.examples.campaign;
