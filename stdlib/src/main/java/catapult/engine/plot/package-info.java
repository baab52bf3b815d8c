/**
 * Figures independent of where they are drawn: a {@link catapult.engine.plot.Plot} of stacked
 * {@link catapult.engine.plot.Panel}s (named {@link catapult.engine.plot.PlotLine}s, translucent
 * {@link catapult.engine.plot.Band}s, reference lines, a y scale each) over a shared x axis.
 * {@link catapult.engine.plot.FigurePainter} lays a plot out once and draws it on a
 * {@link catapult.engine.plot.Canvas}: a raster image for PNG or SVG text, both written by
 * {@link catapult.engine.plot.ChartFiles}; {@link catapult.engine.plot.TextChart} draws it in a
 * terminal (braille dots). Colours ({@link catapult.engine.plot.Palette}) and tick rules
 * ({@link catapult.engine.plot.AxisScale}, {@link catapult.engine.plot.Ticks}) are shared. Values
 * that know how to plot themselves (runs) implement {@link catapult.engine.plot.Plottable}.
 */
package catapult.engine.plot;
