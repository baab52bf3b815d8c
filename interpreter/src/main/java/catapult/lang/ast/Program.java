package catapult.lang.ast;

import catapult.lang.syntax.SourceFile;
import java.util.List;

/** A parsed script or REPL entry. */
public record Program(SourceFile source, List<Stmt> statements) {}
