package catapult.lang.value;

import java.util.List;

/**
 * A language value implemented in Java beyond the core ones (number, bool, string, none, list):
 * records, ranges, tensors, and the engine's datasets, networks, models, runs, tables, plots.
 * Fields, iteration, indexing and operators are optional capabilities with safe defaults, so
 * the interpreter can treat every such value uniformly.
 */
public interface CatValue {
    /** Marks "no such field" (distinct from a field whose value is none). */
    Object NO_FIELD = new Object() {
        @Override public String toString() { return "<no field>"; }
    };

    /** The name users see in messages: "tensor", "dataset", "run", ... */
    String typeName();

    /** How print and the REPL show this value. */
    String show();

    /** The value of field `name`, or {@link #NO_FIELD}. */
    default Object field(String name) { return NO_FIELD; }

    /** Field names, for completion after '.' and for :vars. */
    default List<String> fieldNames() { return List.of(); }

    /**
     * This value as plain Java for embedding hosts (numbers, strings, lists, maps, double
     * arrays); values without a natural plain form return themselves.
     */
    default Object toHost() { return this; }

    /** Values supporting `for x in v`, `len(v)` and `v[i]`. */
    interface Sequence extends CatValue {
        int length();

        /** Element i with 0 <= i < length(). */
        Object get(int i);

        /** Rows start, start+step, ... before stop (bounds already normalized). */
        default Object slice(int start, int stop, int step) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            for (int i = start; step > 0 ? i < stop : i > stop; i += step) out.add(get(i));
            return java.util.Collections.unmodifiableList(out);
        }
    }

    /** Values with their own meaning for binary operators (graph nodes: skip `a + b`, `c * a`). */
    interface Operand extends CatValue {
        /** Result of `this op other` (or `other op this` when reversed), or null if unsupported. */
        Object binary(String op, Object other, boolean reversed);
    }
}
