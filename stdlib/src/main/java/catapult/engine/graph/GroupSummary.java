package catapult.engine.graph;

/**
 * One row of {@link Network#summary()}: a group's name, kind, per-example shape, number of
 * trainable parameters and in-degree ("k", or "min..max" when neurons differ; empty for groups
 * without edges).
 */
public record GroupSummary(String group, String kind, String shape, long params, String indegree) {}
