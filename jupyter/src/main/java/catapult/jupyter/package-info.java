/**
 * The {@code catapult} Jupyter kernel for pure-Catapult notebooks, built on the jjava-jupyter
 * kernel base (wire protocol, channels, message signing): one session per kernel, a cell's last
 * value shown as text, PNG (plots) or HTML (tables), completion and inspection from the builtin
 * registry, positioned errors, interrupts; and {@code catapult jupyter install}, which writes
 * the kernelspec.
 */
package catapult.jupyter;
