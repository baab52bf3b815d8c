package catapult.lang.builtins;

import catapult.lang.value.Printer;

/** Renders the registry as the Markdown reference docs/builtins.md (a test keeps that file fresh). */
public final class DocsGenerator {
    private DocsGenerator() {}

    public static String markdown(BuiltinRegistry registry) {
        StringBuilder md = new StringBuilder();
        md.append("# Built-in reference\n\n");
        md.append("Generated from the builtin registry by `./catapult docs`; do not edit by hand.\n");
        md.append("Every parameter may be passed by name; `name: default` marks optional ones.\n");
        for (String category : registry.categories()) {
            md.append("\n## ").append(category).append("\n");
            if (!registry.categoryHeader(category).isEmpty()) md.append('\n').append(registry.categoryHeader(category)).append(".\n");
            for (Builtin b : registry.all()) {
                if (!b.category().equals(category)) continue;
                md.append("\n### `").append(b.signature()).append("`\n\n").append(b.summary()).append('\n');
                if (!b.formula().isEmpty()) md.append("\nFormula: `").append(b.formula()).append("`\n");
                if (!b.params().isEmpty()) {
                    md.append("\n| parameter | type | default | meaning |\n|---|---|---|---|\n");
                    for (Param p : b.params()) {
                        String def = p.required() ? "required" : p.variadic() ? "(any number)" : "`" + Printer.repr(p.defaultValue()) + "`";
                        md.append("| `").append(p.name()).append("` | ").append(p.type().docName().replace("|", "\\|"))
                                .append(" | ").append(def).append(" | ").append(p.doc().replace("|", "\\|")).append(" |\n");
                    }
                }
                if (!b.returns().isEmpty()) md.append("\nReturns: ").append(b.returns()).append('\n');
                if (!b.example().isEmpty()) md.append("\n```\n").append(b.example()).append("\n```\n");
                if (!b.reference().isEmpty()) md.append("\nReference: ").append(b.reference()).append('\n');
            }
        }
        return md.toString();
    }

    /** Plain-text help for one built-in (the REPL's `:help name`). */
    public static String help(Builtin b) {
        StringBuilder s = new StringBuilder(b.signature()).append("\n  ").append(b.summary()).append('\n');
        if (!b.formula().isEmpty()) s.append("  formula: ").append(b.formula()).append('\n');
        for (Param p : b.params()) {
            s.append("  ").append(p.signature()).append("  (").append(p.type().docName()).append(")  ").append(p.doc()).append('\n');
        }
        if (!b.returns().isEmpty()) s.append("  returns: ").append(b.returns()).append('\n');
        if (!b.example().isEmpty()) s.append("  example: ").append(b.example()).append('\n');
        if (!b.reference().isEmpty()) s.append("  reference: ").append(b.reference()).append('\n');
        return s.toString();
    }
}
