package catapult.lang.builtins;

import catapult.lang.value.CatFunction;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import catapult.lang.value.Tensors;
import catapult.lang.value.Values;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A parameter's type: what it accepts, how it converts the value, and how it is named in
 * messages ("a positive integer") and docs ("int"). Types are values so engine modules can add
 * their own (dataset, model, optimizer...) with {@link #of}.
 */
public final class Type {
    private final String docName;
    private final String description;
    private final Predicate<Object> accepts;
    private final Function<Object, Object> convert;
    private final Function<Object, String> rejection;

    public Type(String docName, String description, Predicate<Object> accepts, Function<Object, Object> convert) {
        this(docName, description, accepts, convert, v -> null);
    }

    private Type(String docName, String description, Predicate<Object> accepts, Function<Object, Object> convert,
                 Function<Object, String> rejection) {
        this.docName = docName;
        this.description = description;
        this.accepts = accepts;
        this.convert = convert;
        this.rejection = rejection;
    }

    /** Short name for signatures and docs: "number", "int", "tensor", ... */
    public String docName() { return docName; }

    /** Phrase for messages: "must be <description>". */
    public String description() { return description; }

    public boolean accepts(Object v) { return accepts.test(v); }

    public Object convert(Object v) { return convert.apply(v); }

    /**
     * How a rejected value is shown after "got": "a list whose element [1] is a number" (indices
     * counted from 0, as the language does) where the type can say which part is wrong, else the
     * value's kind ("a string", "-3").
     */
    public String describeRejected(Object v) {
        String specific = rejection.apply(v);
        return specific != null ? specific : describe(v);
    }

    /** A value as messages show it: numbers, booleans and short strings literally, else its kind. */
    public static String describe(Object v) {
        if (v == null || v instanceof Double || v instanceof Boolean) return catapult.lang.value.Printer.repr(v);
        if (v instanceof String s) return s.length() > 30 ? "a string" : catapult.lang.value.Printer.repr(s);
        return "a " + Values.typeName(v);
    }

    /**
     * A list whose every item is of {@code element}'s type, converted item by item; {@code plural}
     * names the items in messages: "a list of models", "got a list whose element [1] is a number".
     */
    public static Type listOf(Type element, String plural) {
        return listOf(element, plural, false);
    }

    /** Like {@link #listOf}, and the list must hold at least one item ("got an empty list"). */
    public static Type nonEmptyListOf(Type element, String plural) {
        return listOf(element, plural, true);
    }

    private static Type listOf(Type element, String plural, boolean nonEmpty) {
        String description = (nonEmpty ? "a non-empty list of " : "a list of ") + plural;
        return new Type("list[" + element.docName + "]", description,
                v -> v instanceof List<?> l && (!nonEmpty || !l.isEmpty()) && l.stream().allMatch(element::accepts),
                v -> ((List<?>) v).stream().map(element::convert).toList(),
                v -> v instanceof List<?> l ? listRejection(element, l, nonEmpty) : null);
    }

    private static String listRejection(Type element, List<?> list, boolean nonEmpty) {
        if (nonEmpty && list.isEmpty()) return "an empty list";
        for (int i = 0; i < list.size(); i++) {
            if (!element.accepts(list.get(i))) {
                return "a list whose element [" + i + "] is " + element.describeRejected(list.get(i));
            }
        }
        return null;
    }

    /** Values of one Java class, named as the language names them. */
    public static Type of(Class<?> cls, String name) {
        String article = "aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
        return new Type(name, article + name, cls::isInstance, v -> v);
    }

    /** This type or none. */
    public Type orNone() {
        return new Type(docName + "?", description + " or none", v -> v == null || accepts(v),
                v -> v == null ? null : convert(v), rejection);
    }

    /** Either of two types (first match converts). */
    public Type or(Type other) {
        return new Type(docName + "|" + other.docName, description + " or " + other.description,
                v -> accepts(v) || other.accepts(v), v -> accepts(v) ? convert(v) : other.convert(v),
                v -> rejection.apply(v) != null ? rejection.apply(v) : other.rejection.apply(v));
    }

    /** One of a fixed set of strings. */
    public static Type oneOf(String... options) {
        List<String> opts = List.of(options);
        String shown = String.join(" | ", opts.stream().map(o -> '"' + o + '"').toList());
        return new Type("string", "one of " + shown, v -> v != null && opts.contains(v), v -> v);
    }

    /** One of a fixed set of numbers (e.g. precision 32 or 64). */
    public static Type oneOfNumbers(double... options) {
        StringBuilder shown = new StringBuilder();
        for (double o : options) shown.append(shown.length() == 0 ? "" : " or ").append(catapult.lang.value.Printer.number(o));
        return new Type("number", shown.toString(), v -> {
            Double d = v instanceof Boolean ? null : Values.asNumber(v);
            if (d == null) return false;
            for (double o : options) if (o == d) return true;
            return false;
        }, Values::asNumber);
    }

    private static boolean isNumber(Object v) { return Values.asNumber(v) != null && !(v instanceof Boolean); }

    private static boolean isInt(Object v) { return isNumber(v) && Values.isIntegral(Values.asNumber(v)); }

    public static final Type ANY = new Type("any", "any value", v -> true, v -> v);
    public static final Type NUMBER = new Type("number", "a number", Type::isNumber, Values::asNumber);
    public static final Type POSITIVE = new Type("number", "a positive number",
            v -> isNumber(v) && Values.asNumber(v) > 0, Values::asNumber);
    public static final Type NONNEGATIVE = new Type("number", "a non-negative number",
            v -> isNumber(v) && Values.asNumber(v) >= 0, Values::asNumber);
    public static final Type PROBABILITY = new Type("number", "a number in [0, 1]",
            v -> isNumber(v) && Values.asNumber(v) >= 0 && Values.asNumber(v) <= 1, Values::asNumber);
    /** A number in [0, 1): a decay rate or the share of something dropped, where 1 would keep nothing. */
    public static final Type FRACTION = new Type("number", "a number in [0, 1)",
            v -> isNumber(v) && Values.asNumber(v) >= 0 && Values.asNumber(v) < 1, Values::asNumber);
    public static final Type FINITE_NONNEGATIVE = new Type("number", "a finite number >= 0",
            v -> isNumber(v) && Values.asNumber(v) >= 0 && Values.asNumber(v) < Double.POSITIVE_INFINITY, Values::asNumber);
    public static final Type FINITE_POSITIVE = new Type("number", "a finite positive number",
            v -> isNumber(v) && Values.asNumber(v) > 0 && Values.asNumber(v) < Double.POSITIVE_INFINITY, Values::asNumber);
    public static final Type INT = new Type("int", "an integer", Type::isInt, Values::asNumber);
    public static final Type POSITIVE_INT = new Type("int", "a positive integer",
            v -> isInt(v) && Values.asNumber(v) > 0, Values::asNumber);
    public static final Type NONNEGATIVE_INT = new Type("int", "a non-negative integer",
            v -> isInt(v) && Values.asNumber(v) >= 0, Values::asNumber);
    public static final Type BOOL = new Type("bool", "true or false", v -> v instanceof Boolean, v -> v);
    public static final Type STRING = new Type("string", "a string", v -> v instanceof String, v -> v);
    public static final Type LIST = new Type("list", "a list", v -> v instanceof List, v -> v);
    public static final Type RECORD = new Type("record", "a record", v -> v instanceof Record, v -> v);
    public static final Type FUNCTION = new Type("function", "a function", v -> v instanceof CatFunction, v -> v);
    /** Tensors, numbers and (nested) lists of numbers; converted to a Tensor. */
    public static final Type TENSOR = new Type("tensor", "a tensor (or a number or list of numbers)",
            v -> v instanceof Tensor || isNumber(v) || v instanceof List, Tensors::toTensor);
}
