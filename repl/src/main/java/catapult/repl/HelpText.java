package catapult.repl;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Formats {@code :help}: the command table, the builtin list, and one builtin's full entry. */
final class HelpText {
    private static final int SUMMARY_WIDTH = 100;

    private HelpText() {
    }

    /** Commands, then every builtin's name under its category's heading, wrapped to {@code width} columns. */
    static String overview(List<BuiltinDoc> builtins, Map<String, String> categories, int width) {
        StringBuilder sb = new StringBuilder("Commands:\n");
        int w = ReplCommands.ALL.stream().mapToInt(c -> c.usage().length()).max().orElse(0);
        for (ReplCommand c : ReplCommands.ALL) {
            sb.append("  ").append(pad(c.usage(), w)).append("  ").append(c.help()).append('\n');
        }
        sb.append("\nBuilt-ins by category (:help <category> for one-line summaries, :help <name> for one in full):\n");
        for (Map.Entry<String, String> c : categories.entrySet()) {
            List<String> names = builtins.stream().filter(b -> b.category().equals(c.getKey())).map(BuiltinDoc::name).toList();
            if (names.isEmpty()) {
                continue;
            }
            sb.append('\n').append(heading(c.getKey(), c.getValue())).append('\n');
            wrap(sb, names, "  ", width);
        }
        sb.append("\nKeys: Tab completes, Ctrl-C interrupts a running evaluation (or clears the line), Ctrl-D quits.\n");
        return sb.toString();
    }

    /** One category: its heading and each builtin's one-line summary. */
    static String category(String name, String header, List<BuiltinDoc> builtins) {
        StringBuilder sb = new StringBuilder(heading(name, header)).append('\n');
        List<BuiltinDoc> members = builtins.stream().filter(b -> b.category().equals(name)).toList();
        int bw = members.stream().mapToInt(b -> b.name().length()).max().orElse(0);
        for (BuiltinDoc b : members) {
            sb.append("  ").append(pad(b.name(), bw)).append("  ").append(clip(b.summary(), SUMMARY_WIDTH)).append('\n');
        }
        return sb.toString();
    }

    private static String heading(String name, String header) {
        return header.isEmpty() ? name : name + " - " + header;
    }

    private static void wrap(StringBuilder sb, List<String> words, String indent, int width) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : words) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                sb.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(word);
        }
        sb.append(line).append('\n');
    }

    static String builtin(BuiltinDoc b) {
        StringBuilder sb = new StringBuilder(b.signature()).append('\n');
        section(sb, "", b.summary());
        if (!b.params().isEmpty()) {
            sb.append("\n  Parameters:\n");
            int w = b.params().stream().mapToInt(p -> p.name().length()).max().orElse(0);
            for (BuiltinDoc.Param p : b.params()) {
                String kind = p.variadic() ? "any number of them" : p.defaultValue() == null ? "required" : "default " + p.defaultValue();
                sb.append("    ").append(pad(p.name(), w)).append("  ").append(p.doc().isBlank() ? p.type() : p.doc())
                        .append("  (").append(kind).append(")\n");
            }
        }
        section(sb, "Formula", b.formula());
        section(sb, "Returns", b.returns());
        section(sb, "Example", b.example());
        section(sb, "Reference", b.reference());
        return sb.toString();
    }

    static String command(ReplCommand c) {
        return c.usage() + "\n  " + c.help() + "\n";
    }

    private static void section(StringBuilder sb, String title, String text) {
        if (text.isBlank()) {
            return;
        }
        if (!title.isEmpty()) {
            sb.append('\n').append("  ").append(title).append(":\n");
        }
        for (String line : text.strip().split("\n")) {
            sb.append(title.isEmpty() ? "  " : "    ").append(line).append('\n');
        }
    }

    /** The known name closest to {@code name} by edit distance, if it is close enough to be a typo. */
    static Optional<String> nearest(String name, List<String> known) {
        return known.stream().min(Comparator.comparingInt(k -> distance(name, k)))
                .filter(k -> distance(name, k) <= Math.max(1, name.length() / 3));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String clip(String s, int n) {
        String first = s.lines().findFirst().orElse("");
        return first.length() <= n ? first : first.substring(0, n - 1) + "…";
    }
}
