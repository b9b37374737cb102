/**
 * Cost terms shared by sampling planners: one class per {@link org.foresight.mpc.critic.Critic}, each adding
 * weight × term into the per-sample costs, built by name into a {@link org.foresight.mpc.critic.CriticSet}
 * from {@link org.foresight.mpc.critic.CriticParams}.
 */
package org.foresight.mpc.critic;
