/**
 * Getting a stalled robot moving again: {@link org.foresight.mpc.recovery.StallRecovery} notices that the robot
 * has made no net progress for a while and either spins it in place towards the way on (when it faces away from
 * it and has room to turn) or backs it straight up while the strip behind is clear (the scripted recoveries of
 * move_base, Nav2 and MLDA's mode switching); {@link org.foresight.mpc.recovery.RecoveringPlanner} puts
 * it in front of any {@link org.foresight.mpc.Planner}.
 */
package org.foresight.mpc.recovery;
