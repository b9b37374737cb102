/** The global guide: A* on the inflated grid ({@link org.foresight.mpc.path.GuidePlanner}) and the path fields critics read ({@link org.foresight.mpc.path.GuidePath}). */
package org.foresight.mpc.path;
