package org.ffiscript.groovy;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BooleanExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TernaryExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Compiles {@code load(library: ..., ...)} written without a receiver inside a script's closure as
 * <pre>
 * ScriptClosures.reachScript(getResolveStrategy(), getOwner())
 *     ? ScriptClosures.scriptOf(getResolveStrategy(), getOwner()).load(library: ..., ...)
 *     : load(library: ..., ...)
 * </pre>
 * The closure's own getters are cached by Groovy's call sites, and the script's {@code load} is then an ordinary
 * call on the script; where a delegate could answer first, the call stays as written. See {@link ScriptClosures}.
 */
final class ClosureLoads extends CompilationCustomizer {
    private static final ClassNode SCRIPT_CLOSURES = ClassHelper.make(ScriptClosures.class);

    ClosureLoads() {
        super(CompilePhase.CANONICALIZATION); // after variable scopes are settled
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeExpressionTransformer() {
            private int closureDepth;

            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public Expression transform(Expression expression) {
                if (expression instanceof ClosureExpression closure) {
                    closureDepth++;
                    try {
                        visitClosureExpression(closure);
                    } finally {
                        closureDepth--;
                    }
                    return closure;
                }
                var transformed = super.transform(expression);
                if (closureDepth > 0 && transformed instanceof MethodCallExpression call && isLoadWithDescription(call)) {
                    return viaScript(call);
                }
                return transformed;
            }
        }.visitClass(classNode);
    }

    private static boolean isLoadWithDescription(MethodCallExpression call) {
        return call.isImplicitThis() && "load".equals(call.getMethodAsString()) && !call.isSpreadSafe() && !call.isSafe()
                && call.getArguments() instanceof TupleExpression arguments && arguments.getExpressions().size() == 1
                && arguments.getExpression(0) instanceof MapExpression;
    }

    private static Expression viaScript(MethodCallExpression call) {
        // a tuple of the same arguments for the other branch: only one branch runs, and each compiles them (a closure
        // among them becomes one class all the same)
        var description = call.getArguments().transformExpression(expression -> expression);
        var onScript = new MethodCallExpression(new StaticMethodCallExpression(SCRIPT_CLOSURES, "scriptOf", closureState()),
                "load", description);
        var reaches = new BooleanExpression(new StaticMethodCallExpression(SCRIPT_CLOSURES, "reachScript", closureState()));
        var choice = new TernaryExpression(reaches, onScript, call);
        for (var node : new Expression[] {onScript, reaches, choice}) {
            node.setSourcePosition(call);
        }
        return choice;
    }

    private static ArgumentListExpression closureState() {
        return new ArgumentListExpression(closureGetter("getResolveStrategy"), closureGetter("getOwner"));
    }

    private static MethodCallExpression closureGetter(String name) {
        var getter = new MethodCallExpression(VariableExpression.THIS_EXPRESSION, name, ArgumentListExpression.EMPTY_ARGUMENTS);
        getter.setImplicitThis(true); // inside a closure: the closure's own method
        getter.setMethodTarget(ClassHelper.CLOSURE_TYPE.getMethod(name, Parameter.EMPTY_ARRAY)); // a plain virtual call
        return getter;
    }
}
