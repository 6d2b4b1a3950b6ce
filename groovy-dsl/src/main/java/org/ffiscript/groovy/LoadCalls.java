package org.ffiscript.groovy;

import groovyjarjarasm.asm.Opcodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.FieldNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BooleanExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.FieldExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
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
 * Compiles {@code load(library: ..., ...)} written without a receiver so that a call costs the native call and
 * the values' conversion, not a meta-class lookup and a read of the description:
 * <ul>
 * <li>where the description is constants but for {@code paramsValue} (names as strings, types as DataType numbers,
 * options as booleans), in a script's method, as {@code $ffiLoadSiteN.call(this, paramsValue)} on a
 * {@link LoadSite} the script's class keeps;</li>
 * <li>inside a closure, as
 * <pre>
 * ScriptClosures.reachScript(getResolveStrategy(), getOwner())
 *     ? (the same call on ScriptClosures.scriptOf(getResolveStrategy(), getOwner()))
 *     : load(library: ..., ...)
 * </pre>
 * The closure's own getters are plain virtual calls; where a delegate could answer first, the call stays as
 * written. See {@link ScriptClosures}.</li>
 * </ul>
 * A script that declares a {@code load} method of its own keeps its calls as written.
 */
final class LoadCalls extends CompilationCustomizer {
    private static final ClassNode SCRIPT_CLOSURES = ClassHelper.make(ScriptClosures.class);
    private static final ClassNode LOAD_SITE = ClassHelper.make(LoadSite.class);
    private static final MethodNode SITE_CALL = LOAD_SITE.getMethod("call", new Parameter[] {
        new Parameter(ClassHelper.OBJECT_TYPE, "script"), new Parameter(ClassHelper.OBJECT_TYPE, "paramsValue")
    });

    LoadCalls() {
        super(CompilePhase.CANONICALIZATION); // after variable scopes are settled
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        boolean keepsSites = classNode.isScript()
                && classNode.getSuperClass().getName().equals(FfiScript.class.getName())
                && classNode.getDeclaredMethods("load").isEmpty();
        var sites = new ArrayList<FieldNode>();
        new ClassCodeExpressionTransformer() {
            private int closureDepth;
            private boolean instanceMethod;

            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            protected void visitConstructorOrMethod(MethodNode node, boolean isConstructor) {
                instanceMethod = !node.isStatic();
                try {
                    super.visitConstructorOrMethod(node, isConstructor);
                } finally {
                    instanceMethod = false;
                }
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
                if (!(transformed instanceof MethodCallExpression call) || !isLoadWithDescription(call)) {
                    return transformed;
                }
                var site = keepsSites && instanceMethod ? siteFor(call, classNode, sites) : null;
                if (closureDepth > 0) {
                    return viaScript(call, site);
                }
                return site == null ? call : siteCall(site, VariableExpression.THIS_EXPRESSION, call);
            }
        }.visitClass(classNode);
        sites.forEach(classNode::addField);
    }

    private static boolean isLoadWithDescription(MethodCallExpression call) {
        return call.isImplicitThis()
                && "load".equals(call.getMethodAsString())
                && !call.isSpreadSafe()
                && !call.isSafe()
                && call.getArguments() instanceof TupleExpression arguments
                && arguments.getExpressions().size() == 1
                && arguments.getExpression(0) instanceof MapExpression;
    }

    private static MapExpression description(MethodCallExpression call) {
        return (MapExpression) ((TupleExpression) call.getArguments()).getExpression(0);
    }

    /** A new site for a call whose description is constant but for its values; null for any other call. */
    private static FieldNode siteFor(MethodCallExpression call, ClassNode owner, List<FieldNode> sites) {
        var constant = constantPart(description(call));
        if (constant == null) {
            return null;
        }
        var site = new FieldNode(
                "$ffiLoadSite" + sites.size(),
                Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC,
                LOAD_SITE,
                owner,
                new ConstructorCallExpression(LOAD_SITE, new ArgumentListExpression(constant)));
        site.setSourcePosition(call);
        sites.add(site);
        return site;
    }

    /**
     * The description without {@code paramsValue}, as new constant expressions, when each of its entries is one of
     * load's keys written once with a constant of the right kind; otherwise null.
     */
    private static MapExpression constantPart(MapExpression description) {
        var constant = new MapExpression();
        var keys = new HashSet<String>();
        for (MapEntryExpression entry : description.getMapEntryExpressions()) {
            if (!(entry.getKeyExpression() instanceof ConstantExpression key)
                    || !(key.getValue() instanceof String name)
                    || !keys.add(name)) {
                return null;
            }
            if (name.equals("paramsValue")) {
                continue;
            }
            var value = constantValue(name, entry.getValueExpression());
            if (value == null) {
                return null;
            }
            constant.addMapEntryExpression(new ConstantExpression(name), value);
        }
        boolean complete = keys.containsAll(List.of("library", "funcName", "retType", "paramsType", "paramsValue"));
        return complete ? constant : null;
    }

    private static Expression constantValue(String key, Expression value) {
        return switch (key) {
            case "library", "funcName" ->
                value instanceof ConstantExpression c && c.getValue() instanceof String s
                        ? new ConstantExpression(s)
                        : null;
            case "errno", "runInNewThread", "freeResultMemory" ->
                value instanceof ConstantExpression c && c.getValue() instanceof Boolean b
                        ? new ConstantExpression(b)
                        : null;
            case "retType" -> typeCode(value);
            case "paramsType" -> {
                if (!(value instanceof ListExpression list)) {
                    yield null;
                }
                var codes = new ListExpression();
                for (var type : list.getExpressions()) {
                    var code = typeCode(type);
                    if (code == null) {
                        yield null;
                    }
                    codes.addExpression(code);
                }
                yield codes;
            }
            default -> null; // an unknown key: load names it
        };
    }

    // A type as its DataType number (DataType.I32, or 1): names and struct descriptions depend on what is declared
    private static Expression typeCode(Expression type) {
        Object code = type instanceof ConstantExpression c ? c.getValue() : ConstantInlining.constantOf(type);
        return code instanceof Integer number ? new ConstantExpression(number) : null;
    }

    private static Expression siteCall(FieldNode site, Expression script, MethodCallExpression load) {
        var values = description(load).getMapEntryExpressions().stream()
                .filter(entry -> "paramsValue".equals(((ConstantExpression) entry.getKeyExpression()).getValue()))
                .findFirst()
                .orElseThrow()
                .getValueExpression();
        var call =
                new MethodCallExpression(new FieldExpression(site), "call", new ArgumentListExpression(script, values));
        call.setImplicitThis(false);
        call.setMethodTarget(SITE_CALL); // a plain virtual call
        call.setSourcePosition(load);
        return call;
    }

    private static Expression viaScript(MethodCallExpression call, FieldNode site) {
        // a tuple of the same arguments for the other branch: only one branch runs, and each compiles them (a closure
        // among them becomes one class all the same)
        var script = new StaticMethodCallExpression(SCRIPT_CLOSURES, "scriptOf", closureState());
        var onScript = site != null
                ? siteCall(site, script, call)
                : new MethodCallExpression(
                        script, "load", call.getArguments().transformExpression(expression -> expression));
        var reaches =
                new BooleanExpression(new StaticMethodCallExpression(SCRIPT_CLOSURES, "reachScript", closureState()));
        var choice = new TernaryExpression(reaches, onScript, call);
        for (var node : new Expression[] {script, onScript, reaches, choice}) {
            node.setSourcePosition(call);
        }
        return choice;
    }

    private static ArgumentListExpression closureState() {
        return new ArgumentListExpression(closureGetter("getResolveStrategy"), closureGetter("getOwner"));
    }

    private static MethodCallExpression closureGetter(String name) {
        var getter = new MethodCallExpression(
                VariableExpression.THIS_EXPRESSION, name, ArgumentListExpression.EMPTY_ARGUMENTS);
        getter.setImplicitThis(true); // inside a closure: the closure's own method
        getter.setMethodTarget(ClassHelper.CLOSURE_TYPE.getMethod(name, Parameter.EMPTY_ARRAY)); // a plain virtual call
        return getter;
    }
}
