package catapult.fuzz;

import catapult.grammar.CatapultLexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * A seeded, grammar-aware mutation fuzzer for Catapult programs. It lexes the project's own
 * scripts and golden files with the real lexer and mutates them token by token: deletes,
 * duplicates, swaps, inserts tokens from the corpus' vocabulary, replaces numbers and strings
 * with hostile values (huge counts, /dev/zero, paths outside the sandbox), renames calls to
 * other built-ins, splices statements from other files, truncates, nests deeply, and appends
 * the bad calls issue 15 listed. Input i of seed s is always the same program.
 */
final class ScriptMutator {
    private static final String[] NUMBERS = {"0", "1", "2", "-1", "0.5", "3", "64", "1e9", "1e12", "3e9", "1e5",
        "2147483648", "1e308", "1e-300", "65536", "100000", "-1e9", "7.5", "1e6", "0.0001"};
    private static final String[] STRINGS = {"\"\"", "\"x.npy\"", "\"/dev/zero\"", "\"out.json\"", "\"t.csv\"",
        "\"results/r.json\"", "\"../escape.json\"", "\"/etc/passwd\"", "\"no/such/file.npy\"", "\"${1 + 1}\"",
        "\"plot.png\"", "\"plot.svg\"", "\"mse\"", "\"half_sse\"", "\"onehot\"", "\"signs\"", "\"rank2\"", "\"a.txt\""};
    private static final String[] HOSTILE = {"zeros(1e5, 1e5)", "eye(1e9)", "zeros(3e9)", "linspace(0, 1, 1e10)",
        "polyfit([1, 1, 1], [1, 2, 3], 2)", "digits(classes: [1e12, 1])", "mixture(1e9, d: 1e6)",
        "quadratic(dim: 1e9, phi: x => x)", "import \"/dev/zero\"", "load(\"/dev/zero\")", "eigs(tensor([[0 / 0]]))",
        "randn(1e5, 1e5)", "ones(0)", "reshape(zeros(4), 0, -1)", "tensor([])", "sum([])", "max([])",
        "save(zeros(3), \"z.npy\")", "load(\"z.npy\")", "save({a: 0 / 0}, \"n.json\")", "load(\"n.json\")",
        "mixture(8)[0:0]", "split(mixture(8), [9])", "subset(mixture(8), 9)", "gaussian(4, 2).x[9]"};

    private final List<String> corpus;
    private final List<String> vocabulary = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> builtins;

    /** @param sources the files to mutate; @param builtins names of the built-ins (for call renames) */
    ScriptMutator(List<Path> sources, List<String> builtins) {
        this.builtins = builtins;
        this.corpus = new ArrayList<>();
        for (Path p : sources) {
            try {
                String text = Files.readString(p);
                corpus.add(text);
                for (Token t : tokens(text)) vocabulary.add(t.getText());
                text.lines().filter(l -> !l.isBlank() && !l.trim().startsWith("#")).forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (corpus.isEmpty()) throw new IllegalArgumentException("no corpus files");
    }

    /** The .cat files under the given directories, sorted (so the corpus order is stable). */
    static List<Path> catFiles(Path... dirs) {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.walk(d)) {
                s.filter(p -> p.toString().endsWith(".cat")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    int corpusSize() { return corpus.size(); }

    /** Program number {@code index} of the run seeded with {@code seed}. */
    String program(long seed, int index) {
        Random r = new Random(seed * 1_000_003L + index);
        List<String> pieces = pieces(corpus.get(r.nextInt(corpus.size())));
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) mutate(pieces, r);
        return String.join("", pieces);
    }

    private static List<Token> tokens(String text) {
        CatapultLexer lexer = new CatapultLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) out.add(t);
        return out;
    }

    /** The text cut at token ends: each piece is a token with the whitespace and comments before it. */
    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (Token t : tokens(text)) {
            out.add(text.substring(from, t.getStopIndex() + 1));
            from = t.getStopIndex() + 1;
        }
        out.add(text.substring(from));
        return out;
    }

    /**
     * One mutation. About a third break the syntax (the parser's error paths); the rest keep it
     * and change what runs: numbers, strings, which built-in is called, spliced statements,
     * deep nesting and hostile calls.
     */
    private void mutate(List<String> p, Random r) {
        int i = r.nextInt(p.size());
        int dice = r.nextInt(100);
        if (dice < 7) p.remove(i);
        else if (dice < 12) p.add(i, p.get(i));
        else if (dice < 16) {
            if (i + 1 < p.size()) p.set(i, p.set(i + 1, p.get(i)));
        } else if (dice < 22) p.set(i, " " + pick(vocabulary, r));
        else if (dice < 28) p.add(i, " " + pick(vocabulary, r));
        else if (dice < 31) p.subList(i, p.size()).clear();
        else if (dice < 34) p.add(i, " " + pick(List.of(NUMBERS), r) + " " + pick(List.of("+", "*", "-", "/", "^", "..", "==", "and"), r));
        else if (dice < 54) replaceLike(p, r, "[0-9][0-9_.eE+-]*", NUMBERS);
        else if (dice < 64) replaceLike(p, r, "\"[^\\n]*\"", STRINGS);
        else if (dice < 76) renameCall(p, r);
        else if (dice < 86) p.add(statementStart(p, i), "\n" + pick(lines, r) + "\n");
        else if (dice < 90) nest(p, i, r);
        else p.add(r.nextBoolean() ? p.size() : statementStart(p, i), "\n" + pick(List.of(HOSTILE), r) + "\n");
        if (p.isEmpty()) p.add("");
    }

    /** The first piece at or after i that starts a line (so a spliced statement lands between statements). */
    private static int statementStart(List<String> p, int i) {
        for (int k = i; k < p.size(); k++) if (p.get(k).startsWith("\n")) return k;
        return p.size();
    }

    /** Replaces a random piece whose token matches regex (keeping its leading whitespace) by one of values. */
    private static void replaceLike(List<String> p, Random r, String regex, String[] values) {
        List<Integer> hits = new ArrayList<>();
        for (int k = 0; k < p.size(); k++) if (p.get(k).strip().matches(regex)) hits.add(k);
        if (hits.isEmpty()) return;
        int k = hits.get(r.nextInt(hits.size()));
        String piece = p.get(k);
        String lead = piece.substring(0, piece.length() - piece.stripLeading().length());
        p.set(k, lead + values[r.nextInt(values.length)]);
    }

    /** An identifier followed by '(' becomes another built-in's name. */
    private void renameCall(List<String> p, Random r) {
        List<Integer> calls = new ArrayList<>();
        for (int k = 0; k + 1 < p.size(); k++) {
            if (p.get(k).strip().matches("[A-Za-z_][A-Za-z0-9_]*") && p.get(k + 1).equals("(")) calls.add(k);
        }
        if (calls.isEmpty()) return;
        int k = calls.get(r.nextInt(calls.size()));
        String piece = p.get(k);
        p.set(k, piece.substring(0, piece.length() - piece.stripLeading().length()) + pick(builtins, r));
    }

    /** Wraps piece i in many parentheses, minus signs or brackets (sometimes far past the nesting limit). */
    private static void nest(List<String> p, int i, Random r) {
        int depth = new int[] {3, 60, 199, 250, 5000}[r.nextInt(5)];
        String[][] kinds = {{"(", ")"}, {"-", ""}, {"[", "]"}, {"not ", ""}, {"{a: ", "}"}};
        String[] k = kinds[r.nextInt(kinds.length)];
        p.set(i, " " + k[0].repeat(depth) + p.get(i).strip() + k[1].repeat(depth));
    }

    private static String pick(List<String> from, Random r) {
        return from.get(r.nextInt(from.size()));
    }
}
