/**
 * The cross-entropy method planner ({@link org.foresight.mpc.cem.CemPlanner}, PETS style) over any
 * {@link org.foresight.dynamics.model.DynamicsModel}, sharing MPPI's rollout buffers, worker pool, noise
 * streams and critics.
 */
package org.foresight.mpc.cem;
