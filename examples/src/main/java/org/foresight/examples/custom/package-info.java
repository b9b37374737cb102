/**
 * Plugging one's own robot model into Foresight: {@link org.foresight.examples.custom.LaggedUnicycle} is a
 * complete {@link org.foresight.dynamics.model.DynamicsModel} a user could write, run with
 * {@code ./foresight navigate --world barn:0 --model class:org.foresight.examples.custom.LaggedUnicycle --out runs/custom}.
 */
package org.foresight.examples.custom;
