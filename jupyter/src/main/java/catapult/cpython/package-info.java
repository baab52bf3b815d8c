/**
 * The Java side of the CPython package {@code catapult} (python/ in the repository): a session
 * host whose evaluations run on one worker thread so the Python main thread stays free to
 * receive Ctrl-C and to stream printed output, plus bulk conversions between tensors and the
 * primitive arrays JPype hands to numpy without a per-element copy.
 */
package catapult.cpython;
