/**
 * Tables of results and the text forms values are saved in: {@link catapult.engine.table.Table}
 * (rows of named columns, as {@code sweep} and {@code phases} return them, with col, where, sort
 * and grouped means), {@link catapult.engine.table.TableText} (aligned text and CSV), {@link
 * catapult.engine.table.JsonText} (JSON for {@code save}/{@code load}, runs and tables) and {@link
 * catapult.engine.table.NumberText} (the language's number printing rule, shared by all of them).
 */
package catapult.engine.table;
