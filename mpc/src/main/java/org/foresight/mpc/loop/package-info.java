/** The closed loop: {@link org.foresight.mpc.loop.EpisodeRunner} drives the simulator with a planner and writes the run directory. */
package org.foresight.mpc.loop;
