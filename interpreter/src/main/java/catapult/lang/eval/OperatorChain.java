package catapult.lang.eval;

import catapult.lang.ast.Expr;
import catapult.lang.errors.CatapultError;
import catapult.lang.errors.RuntimeError;
import catapult.lang.value.Values;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Evaluates binary and logical operators. Left-associative chains (1 + 1 + ... + 1, a and b
 * and c ...) form left-deep trees as long as the chain; walking down the left spine first and
 * folding back up keeps the Java stack flat however long the chain is, with the same order of
 * evaluation (left operand before right, and/or short-circuit) as plain recursion.
 */
final class OperatorChain {
    private OperatorChain() {}

    static Object evaluate(Interpreter interp, Expr top, Environment env) {
        Deque<Expr> spine = new ArrayDeque<>();
        Expr e = top;
        while (e instanceof Expr.Binary || e instanceof Expr.Logical) {
            spine.push(e);
            e = e instanceof Expr.Binary b ? b.left() : ((Expr.Logical) e).left();
        }
        Object acc = interp.evaluate(e, env);
        while (!spine.isEmpty()) {
            Expr link = spine.pop();
            if (link instanceof Expr.Binary b) {
                acc = apply(b, acc, interp.evaluate(b.right(), env));
            } else {
                Expr.Logical l = (Expr.Logical) link;
                boolean left = Values.truthy(acc);
                boolean decided = l.op().equals("and") ? !left : left;
                acc = decided ? left : Values.truthy(interp.evaluate(l.right(), env));
            }
        }
        return acc;
    }

    /** One operator; a failure inside ND4J on odd shapes is the user's error at the operator, not a crash. */
    private static Object apply(Expr.Binary b, Object left, Object right) {
        try {
            return Operators.binary(b.op(), left, right, b.opSpan());
        } catch (CatapultError e) {
            throw e;
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new RuntimeError("'" + b.op() + "' failed on " + Values.typeName(left) + " and " + Values.typeName(right)
                    + ": " + m, b.opSpan());
        }
    }
}
