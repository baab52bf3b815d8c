package catapult.polyglot;

import catapult.lang.builtins.Args;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinProvider;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.builtins.Type;

/** `js(code)` and `python(code)`: functions written in JavaScript or Python, run by GraalVM in a sandbox. */
public final class PolyglotBuiltins implements BuiltinProvider {

    @Override
    public void register(BuiltinRegistry r) {
        r.describeCategory("polyglot", "functions written in JavaScript or Python, callable from Catapult");
        r.register(Builtin.define("js").category("polyglot")
                .summary("A JavaScript function (GraalJS, sandboxed) usable as a Catapult function: "
                        + "a regress target, an lr schedule, an until predicate.")
                .formula("arguments arrive as native JS values (tensors as nested arrays, records as objects); "
                        + "the result converts back")
                .param("code", Type.STRING, "JavaScript whose value is a function (any other value is returned converted)")
                .returns("function")
                .example("let double = js(\"x => x * 2\")\ndouble(21)   # 42")
                .impl(a -> define(GuestLanguage.JS, a)));
        r.register(Builtin.define("python").category("polyglot")
                .summary("A Python function (GraalPy, sandboxed) usable as a Catapult function: "
                        + "a regress target, an lr schedule, an until predicate.")
                .formula("arguments arrive as native Python values (integral numbers as int, tensors as nested lists, "
                        + "records as dicts whose keys read as attributes); the result converts back")
                .param("code", Type.STRING, "Python whose last expression is a function (any other value is returned converted)")
                .returns("function")
                .example("let schedule = python(\"lambda t: 0.5 if t < 100 else 0.05\")\nschedule(150)   # 0.05")
                .impl(a -> define(GuestLanguage.PYTHON, a)));
    }

    private static Object define(GuestLanguage language, Args a) {
        return GuestSession.of(a.session()).define(language, a.string("code"), a.site());
    }
}
