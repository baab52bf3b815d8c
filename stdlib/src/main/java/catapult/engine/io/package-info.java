/**
 * Writing user files safely: {@link catapult.engine.io.AtomicWrite} is how every file a user
 * asks for (saved values, runs, tables, plots, sweep results) reaches the disk, so that a
 * crash, a kill or a full disk leaves either the old file or the new one, never a part.
 */
package catapult.engine.io;
