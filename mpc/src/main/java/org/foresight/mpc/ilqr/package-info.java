/**
 * The box-constrained iLQR planner ({@link org.foresight.mpc.ilqr.IlqrPlanner}, box-DDP after Tassa et al. 2014)
 * over any {@link org.foresight.dynamics.model.DynamicsModel}: guide tracking, an SDF barrier with its gradient,
 * Levenberg–Marquardt regularisation, a backtracking line search, warm start, and a collision check that falls
 * back to a stop.
 */
package org.foresight.mpc.ilqr;
