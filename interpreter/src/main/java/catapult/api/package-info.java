/**
 * Catapult embedded in a Java program: {@link catapult.api.Catapult} wraps one language session
 * with plain-Java values in and out ({@link catapult.api.HostValues}: Double, String, List, Map,
 * double[] / double[][] for tensors), user errors as {@link catapult.api.CatapultException} with
 * the positioned diagnostic, and an {@link catapult.api.InterruptHandle} a host thread can press.
 *
 * <pre>{@code
 * try (Catapult cat = Catapult.create()) {
 *     cat.eval("let data = mixture(128, d: 1, seed: 0)");
 *     double eta = (Double) cat.eval("critical_lr(init(fcn()), data)");
 * }
 * }</pre>
 */
package catapult.api;
