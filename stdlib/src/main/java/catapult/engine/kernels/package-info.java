/**
 * Kernels, spectra and feature matrices of a model, all without forming a Jacobian or a Hessian.
 * {@link catapult.engine.kernels.Ntk}: the empirical tangent kernel K = J J' (thesis Eq. 2.17), by
 * per-group Gram products for dense networks ({@link catapult.engine.kernels.HasStructuredNtk}) or
 * chunked Jacobian contraction. {@link catapult.engine.kernels.CriticalLr}: eta_crit = 2 /
 * lambda_max(H_L), i.e. n / lambda_max(K) for mse and 2 / lambda_max(K) for half-sse (Eq. 3.6,
 * 3.8, C.1). {@link catapult.engine.kernels.LossHessian} and {@link
 * catapult.engine.kernels.HessianNorm}: the loss Hessian as an operator and ||H_f|| (Theorem
 * 2.3.6). {@link catapult.engine.kernels.Spectra} and {@link catapult.engine.kernels.Lanczos}: top
 * eigenpairs of matrices and operators. {@link catapult.engine.kernels.Agop}: the average gradient
 * outer product and its alignment (Eq. 4.5, 4.6). {@link catapult.engine.kernels.Loss}: the
 * squared losses and their curvature.
 */
package catapult.engine.kernels;
