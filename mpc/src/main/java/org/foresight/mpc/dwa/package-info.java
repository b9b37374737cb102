/**
 * DWA as the BARN harness runs it: {@link org.foresight.mpc.dwa.DwaPlanner} (ROS base_local_planner's trajectory
 * planner with {@code dwa: true}, unicycle arcs, not through a learned model) over a rolling
 * {@code LocalCostmap} approximated from the signed distance field and MapGrid-style path and goal grids
 * ({@code TargetGrid}), sampling a {@link org.foresight.mpc.dwa.DynamicWindow}, configured by one
 * {@link org.foresight.mpc.dwa.DwaConfig} whose defaults are the harness's parameters.
 */
package org.foresight.mpc.dwa;
