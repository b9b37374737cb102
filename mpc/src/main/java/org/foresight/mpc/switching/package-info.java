/**
 * MPC mode switching after the MLDA entry of ICRA BARN 2024: each cycle a mode (open, obstacle, careful,
 * reverse, recovery) is chosen from the clearance the robot's map shows around the guide path ahead and from
 * the progress it has made; underneath, an MPPI optimiser runs with that mode's speed limits and weights.
 */
package org.foresight.mpc.switching;
