/**
 * Data sets ({@link catapult.engine.data.Dataset}: inputs n x d or n x h x w x c, targets n x k)
 * and where they come from: the synthetic sets of the thesis ({@link
 * catapult.engine.data.Mixture} for Fig. 3.3, {@link catapult.engine.data.Synthetic} and {@link
 * catapult.engine.data.Regress} with the rank-k targets of Section 4.4, {@link
 * catapult.engine.data.NamedTarget}), file readers that validate before they allocate (MNIST IDX,
 * CIFAR-10 binary, CSV, NumPy .npy via our own {@link catapult.engine.data.NpyArray} parser), the
 * bundled UCI digits, and transforms (split, subset, standardize, normalize, label noise, scaling
 * one example). Labels follow one convention ({@link catapult.engine.data.Labels}): two classes
 * are +-1 scalars, more are one-hot.
 */
package catapult.engine.data;
