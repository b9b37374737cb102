/**
 * Getting a stalled robot moving again: {@link org.foresight.mpc.recovery.StallRecovery} notices that the robot
 * has made no net progress for a while and backs it straight up while the strip behind is clear (the scripted
 * recovery of move_base and of MLDA's mode switching); {@link org.foresight.mpc.recovery.RecoveringPlanner} puts
 * it in front of any {@link org.foresight.mpc.Planner}.
 */
package org.foresight.mpc.recovery;
