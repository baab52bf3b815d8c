/**
 * Plots independent of where they are drawn: a {@link catapult.engine.plot.Plot} of named {@link
 * catapult.engine.plot.PlotLine}s with axis labels and log scales, written to PNG or SVG by {@link
 * catapult.engine.plot.ChartFiles} (XChart) and drawn in a terminal by {@link
 * catapult.engine.plot.TextChart} (braille dots), with the same colours ({@link
 * catapult.engine.plot.Palette}) and readable ticks ({@link catapult.engine.plot.Ticks}). Values
 * that know how to plot themselves (runs) implement {@link catapult.engine.plot.Plottable}.
 */
package catapult.engine.plot;
