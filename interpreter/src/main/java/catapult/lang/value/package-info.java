/**
 * Language values and how they print: numbers (Double), strings, booleans, none (null), lists,
 * {@link catapult.lang.value.Record}s, {@link catapult.lang.value.RangeValue}s, {@link
 * catapult.lang.value.Tensor}s (ND4J arrays, converted by {@link catapult.lang.value.Tensors} in
 * the session's precision) and callables ({@link catapult.lang.value.CatFunction}). Richer values
 * (networks, runs, tables, plots) implement {@link catapult.lang.value.CatValue} in the stdlib.
 * {@link catapult.lang.value.Printer} is the printing rule: up to 6 significant digits, integral
 * numbers without a decimal point, tensors abbreviated like NumPy.
 */
package catapult.lang.value;
