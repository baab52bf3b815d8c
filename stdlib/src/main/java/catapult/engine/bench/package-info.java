/**
 * {@code catapult bench}: times the engine on the figures of the PyTorch peer benchmark (the same
 * networks, sizes, definitions and timing rule: warm-up calls, then the median of timed calls)
 * and prints one JSON object with the peer's figures and the ratios beside them. {@link
 * catapult.engine.bench.CpuMonitor} records how busy the machine was ({@code others_cpu_frac}) so a
 * figure measured under load can be recognised; docs/performance.md explains how to run both
 * sides in one window.
 */
package catapult.engine.bench;
