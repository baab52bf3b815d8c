/**
 * Models: the {@link catapult.engine.models.Model} contract shared by training, kernels and AGOP,
 * and the Taylor models of a network — {@link catapult.engine.models.LinearModel} (f_lin, Eq. 2.9)
 * and {@link catapult.engine.models.QuadraticModel} (the NQM, Eq. 3.2), both computed by jets at a
 * cached expansion point w0 — plus the {@link catapult.engine.models.GeneralQuadraticModel}
 * (Eq. 3.3). Input gradients are available for networks and linear models; the quadratic models
 * throw UnsupportedOperationException for them (they would need third-order jets).
 */
package catapult.engine.models;
