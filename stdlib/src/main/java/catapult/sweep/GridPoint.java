package catapult.sweep;

import catapult.lang.value.Record;

/** One point of a sweep's grid: its place in grid order and its key values ({lr: 0.5, seed: 3}). */
public record GridPoint(int index, Record values) {}
