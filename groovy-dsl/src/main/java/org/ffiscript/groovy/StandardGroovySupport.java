package org.ffiscript.groovy;

import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.AnnotationConstantExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.transform.ASTTransformation;
import org.codehaus.groovy.transform.GroovyASTTransformation;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.ErrnoResult;
import org.ffiscript.engine.FFITypeTag;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.NativeBuffer;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.PointerType;

/**
 * Lets Groovy's own tools (the {@code groovy} command, a build's Groovy compiler, an IDE) run ffi-script scripts with
 * one standard line, either of:
 * <ul>
 * <li>{@code @Grab('org.ffiscript:ffi-script-groovy-dsl:VERSION') import org.ffiscript.groovy.*}: Grape puts the
 * DSL's jar on the class path, Groovy then finds this transformation in it, and this makes {@link FfiScript} the
 * script's base class;</li>
 * <li>{@code @groovy.transform.BaseScript org.ffiscript.groovy.FfiScript ffi}, with the jars already on the class
 * path: Groovy makes {@link FfiScript} the base class.</li>
 * </ul>
 * Either way this transformation adds the imports ffi-script's own launcher gives scripts ({@code DataType},
 * {@code Pointer}, {@code FfiException}, ...), and only to scripts with one of the lines.
 * <p>
 * Groovy's global transformations are the way it offers to change compilation from a library on the class path; a
 * configuration script would need a command-line option on every run.
 */
@GroovyASTTransformation(phase = CompilePhase.CONVERSION)
public final class StandardGroovySupport implements ASTTransformation {
    /** The coordinates a {@code @Grab} of the DSL starts with, in its one-string form. */
    static final String GRABBED = "org.ffiscript:ffi-script-groovy-dsl";

    private static final List<Class<?>> IMPORTED = List.of(
            DataType.class,
            PointerType.class,
            FFITypeTag.class,
            Pointer.class,
            NativeBuffer.class,
            FfiException.class,
            ErrnoResult.class,
            FfiLibrary.class,
            GroovyFfi.class);

    /** Made by Groovy's compiler, which finds this transformation through its {@code META-INF/services} entry. */
    public StandardGroovySupport() {}

    @Override
    public void visit(ASTNode[] nodes, SourceUnit source) {
        var module = source.getAST();
        if (module == null) {
            return;
        }
        var grabbed = grabsTheDsl(module);
        if (!grabbed && !declaresFfiBaseScript(module)) {
            return;
        }
        for (var type : IMPORTED) {
            if (module.getImport(type.getSimpleName()) == null) {
                module.addImport(type.getSimpleName(), ClassHelper.make(type));
            }
        }
        if (grabbed) {
            makeFfiScriptTheBaseClass(module);
        }
    }

    /**
     * Gives the script class {@link FfiScript} as its superclass, as {@code @BaseScript} would; a script that chose
     * another base class (by {@code @BaseScript} or the compiler configuration) keeps it.
     */
    private static void makeFfiScriptTheBaseClass(ModuleNode module) {
        for (var type : module.getClasses()) {
            if (type.isScript() && type.getSuperClass().getName().equals(ClassHelper.SCRIPT_TYPE.getName())) {
                type.setSuperClass(ClassHelper.make(FfiScript.class));
            }
        }
    }

    /** True when an import, a class or a top-level declaration carries a {@code @Grab} of the DSL's artifact. */
    private static boolean grabsTheDsl(ModuleNode module) {
        var annotated = new ArrayList<AnnotatedNode>();
        annotated.addAll(module.getImports());
        annotated.addAll(module.getStarImports());
        annotated.addAll(module.getStaticImports().values());
        annotated.addAll(module.getStaticStarImports().values());
        annotated.addAll(module.getClasses());
        annotated.addAll(declarations(module));
        return annotated.stream()
                .flatMap(node -> node.getAnnotations().stream())
                .anyMatch(StandardGroovySupport::isDslGrab);
    }

    private static boolean isDslGrab(AnnotationNode annotation) {
        var name = annotation.getClassNode().getName();
        if (name.equals("Grapes") || name.equals("groovy.lang.Grapes")) {
            var grabs = annotation.getMember("value");
            var each = grabs instanceof ListExpression list ? list.getExpressions() : List.of(grabs);
            return each.stream()
                    .anyMatch(grab -> grab instanceof AnnotationConstantExpression constant
                            && constant.getValue() instanceof AnnotationNode inner
                            && isDslGrab(inner));
        }
        if (!name.equals("Grab") && !name.equals("groovy.lang.Grab")) {
            return false;
        }
        var coordinates = text(annotation.getMember("value"));
        if (coordinates != null) {
            return coordinates.equals(GRABBED) || coordinates.startsWith(GRABBED + ":");
        }
        return "org.ffiscript".equals(text(annotation.getMember("group")))
                && "ffi-script-groovy-dsl".equals(text(annotation.getMember("module")));
    }

    private static String text(Expression expression) {
        return expression instanceof ConstantExpression constant && constant.getValue() instanceof String string
                ? string.strip()
                : null;
    }

    private static List<DeclarationExpression> declarations(ModuleNode module) {
        var found = new ArrayList<DeclarationExpression>();
        for (var statement : module.getStatementBlock().getStatements()) {
            if (statement instanceof ExpressionStatement expression
                    && expression.getExpression() instanceof DeclarationExpression declaration) {
                found.add(declaration);
            }
        }
        return found;
    }

    /** True when a top-level statement is {@code @BaseScript FfiScript name}, the names qualified or not. */
    private static boolean declaresFfiBaseScript(ModuleNode module) {
        return declarations(module).stream()
                .anyMatch(declaration -> isFfiScript(declaration
                                .getVariableExpression()
                                .getOriginType()
                                .getName())
                        && declaration.getAnnotations().stream().anyMatch(StandardGroovySupport::isBaseScript));
    }

    private static boolean isFfiScript(String name) {
        return name.equals(FfiScript.class.getName()) || name.equals(FfiScript.class.getSimpleName());
    }

    private static boolean isBaseScript(AnnotationNode annotation) {
        var name = annotation.getClassNode().getName();
        return name.equals("groovy.transform.BaseScript") || name.equals("BaseScript");
    }
}
