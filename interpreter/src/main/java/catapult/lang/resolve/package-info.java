/**
 * The resolver pass that runs before evaluation ({@link catapult.lang.resolve.Resolver}): binds
 * every name to a scope and reports unknown names with their position and a "did you mean"
 * suggestion ({@link catapult.lang.resolve.Suggest}, edit distance), so a typo fails before a long
 * computation starts rather than after it.
 */
package catapult.lang.resolve;
