/**
 * The differentiation engine behind every network-based model. A compiled
 * {@link catapult.engine.autodiff.OpProgram} runs three passes over its ops:
 * <ul>
 *   <li>forward: primal values a (n x size per node), kept on a {@link catapult.engine.autodiff.Tape};</li>
 *   <li>tangents: second-order Taylor coefficients (b, c) of every node along a parameter
 *       direction d, i.e. f(w + t d) = a + t b + t^2/2 c;</li>
 *   <li>reverse: the gradient with respect to d of &lt;bbar, b_out&gt; + &lt;cbar, c_out&gt;
 *       and the input cotangent. cbar = null gives the vjp J^T bbar; (r, r/2) the quadratic
 *       model's gradient J^T r + (sum r H) d; (0, c) gives 2 (sum c H) d (Hessian-vector
 *       products); the input cotangent with (c, c/2) is the linear model's input gradient.</li>
 * </ul>
 * Each op kind implements those three rules once. A {@link catapult.engine.autodiff.KernelSink}
 * turns the reverse pass into the structured tangent kernel. No Hessian and no n x p Jacobian is
 * ever formed.
 */
package catapult.engine.autodiff;
