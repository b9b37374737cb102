/**
 * What the robot knows of obstacles, as planners see it: an {@link org.foresight.mpc.perception.ObstacleField}
 * backed by a {@link org.foresight.mpc.perception.DistanceGrid}; {@code --perception map} is
 * {@link org.foresight.mpc.perception.MapObstacleField}, a lidar-built field plugs in the same way.
 */
package org.foresight.mpc.perception;
