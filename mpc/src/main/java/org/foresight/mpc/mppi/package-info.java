/**
 * MPPI (Nav2-class): {@link org.foresight.mpc.mppi.MppiPlanner} composes a
 * {@link org.foresight.mpc.mppi.NoiseSampler}, grow-only structure-of-arrays
 * {@link org.foresight.mpc.mppi.RolloutBuffers}, any {@code DynamicsModel}, a {@code CriticSet}, a
 * {@link org.foresight.mpc.mppi.WorkerPool} and {@link org.foresight.mpc.mppi.SavitzkyGolay} smoothing,
 * configured by one {@link org.foresight.mpc.mppi.MppiConfig}.
 */
package org.foresight.mpc.mppi;
