/**
 * Planning: the {@link org.foresight.mpc.Planner} interface (state, perception, goal and guide in via
 * {@link org.foresight.mpc.PlanRequest}; command, status, plan and weighted rollouts out via the
 * caller-owned {@link org.foresight.mpc.Plan}). Implementations: {@code mppi}. Shared cost terms live in
 * {@code critic}, the global guide in {@code path}, what the robot knows of obstacles in
 * {@code perception}, the closed-loop episode in {@code loop}.
 */
package org.foresight.mpc;
