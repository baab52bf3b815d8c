/**
 * Training and what it records. {@link catapult.engine.train.Trainer} runs gradient-based training
 * of one model or several in lockstep (a network with its linear and quadratic models on the same
 * batches), driven by an {@link catapult.engine.train.Optimizer} (learning rate or {@link
 * catapult.engine.train.LrSchedule}, batch size, {@link catapult.engine.train.UpdateRule}) and a
 * {@link catapult.engine.train.TrainConfig}; it returns a {@link catapult.engine.train.Run} whose
 * {@link catapult.engine.train.Series} hold the tracked {@link catapult.engine.train.Metric}s
 * (loss, kernel eigenvalues via {@link catapult.engine.train.KernelTracker}, the loss split of Eq.
 * 4.2, AGOP alignment, ...). {@link catapult.engine.train.Catapults} finds loss spikes (thesis
 * Sections 3.3 and 4.3); {@link catapult.engine.train.Phases} labels learning rates monotone,
 * catapult or diverged; {@link catapult.engine.train.MaxLr} bisects for the largest stable rate.
 * Grids of experiments run in {@link catapult.sweep}.
 */
package catapult.engine.train;
