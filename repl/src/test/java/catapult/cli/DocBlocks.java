package catapult.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Catapult code blocks of a Markdown file: fences whose info string starts with {@code cat}
 * (code that must run) or {@code cat-error} (code that must fail; the rest of the info string is
 * a piece of the expected message). Other fences (shell commands, REPL transcripts, output) are
 * prose and are skipped.
 */
record DocBlocks(Path file, List<Block> blocks) {

    /** One block: where it starts (the fence's 1-based line), its code, and for cat-error its expected message. */
    record Block(Path file, int line, String code, String expectedError) {
        boolean mustFail() {
            return expectedError != null;
        }

        String name() {
            return file.getFileName() + ":" + line;
        }
    }

    static DocBlocks read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.startsWith("```")) {
                continue;
            }
            String info = fence.substring(3).strip();
            int end = closing(lines, i);
            String code = String.join("\n", lines.subList(i + 1, end)) + "\n";
            if (info.equals("cat")) {
                blocks.add(new Block(file, i + 1, code, null));
            } else if (info.equals("cat-error") || info.startsWith("cat-error ")) {
                blocks.add(new Block(file, i + 1, code, info.substring("cat-error".length()).strip()));
            }
            i = end;
        }
        return new DocBlocks(file, blocks);
    }

    private static int closing(List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals("```")) {
                return j;
            }
        }
        throw new IllegalArgumentException("unclosed ``` fence at line " + (open + 1));
    }
}
