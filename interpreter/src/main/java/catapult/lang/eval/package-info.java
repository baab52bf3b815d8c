/**
 * Evaluation: the tree-walking {@link catapult.lang.eval.Interpreter} (statements, expressions,
 * calls, loops with interrupt checks), lexical scopes ({@link catapult.lang.eval.Environment}),
 * user functions and lambdas ({@link catapult.lang.eval.UserFunction}, closures), architecture
 * templates ({@link catapult.lang.eval.ArchValue}: an {@code arch} block that {@code init} runs
 * with a graph under construction), operators with broadcasting ({@link
 * catapult.lang.eval.Operators}) and indexing/slicing ({@link catapult.lang.eval.Indexing}).
 * What outlives one evaluation — globals, settings, imports — belongs to the session
 * (catapult.lang.session).
 */
package catapult.lang.eval;
