/**
 * What the robot knows of obstacles, as planners see it: an {@link org.foresight.mpc.perception.ObstacleField}
 * backed by a {@link org.foresight.mpc.perception.DistanceGrid}; {@code --perception map} is
 * {@link org.foresight.mpc.perception.MapObstacleField} (the exact static map); {@code --perception lidar} is
 * {@link org.foresight.mpc.perception.LidarMap}, a log-odds occupancy grid built from scans alone with an
 * incrementally updated distance field ({@link org.foresight.mpc.perception.LidarMapConfig}).
 */
package org.foresight.mpc.perception;
