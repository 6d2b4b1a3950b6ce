package org.ffiscript.groovy;

import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
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
 * one standard line: {@code @groovy.transform.BaseScript org.ffiscript.groovy.FfiScript ffi}. Groovy then makes
 * {@link FfiScript} the script's base class (the ffi-rs functions and the DSL); this transformation, found on the
 * class path through Groovy's service file for global transformations, adds the imports ffi-script's own launcher
 * gives scripts ({@code DataType}, {@code Pointer}, {@code FfiException}, ...), and only to scripts with that line.
 * <p>
 * Groovy's global transformations are the way it offers to change compilation from a library on the class path; a
 * configuration script would need a command-line option on every run.
 */
@GroovyASTTransformation(phase = CompilePhase.CONVERSION)
public final class StandardGroovySupport implements ASTTransformation {
    private static final List<Class<?>> IMPORTED = List.of(DataType.class, PointerType.class, FFITypeTag.class,
            Pointer.class, NativeBuffer.class, FfiException.class, ErrnoResult.class, FfiLibrary.class, GroovyFfi.class);

    @Override
    public void visit(ASTNode[] nodes, SourceUnit source) {
        var module = source.getAST();
        if (module == null || !declaresFfiBaseScript(module)) {
            return;
        }
        for (var type : IMPORTED) {
            if (module.getImport(type.getSimpleName()) == null) {
                module.addImport(type.getSimpleName(), ClassHelper.make(type));
            }
        }
    }

    /** True when a top-level statement is {@code @BaseScript FfiScript name}, the names qualified or not. */
    private static boolean declaresFfiBaseScript(ModuleNode module) {
        for (var statement : module.getStatementBlock().getStatements()) {
            if (statement instanceof ExpressionStatement expression
                    && expression.getExpression() instanceof DeclarationExpression declaration
                    && isFfiScript(declaration.getVariableExpression().getOriginType().getName())
                    && declaration.getAnnotations().stream().anyMatch(StandardGroovySupport::isBaseScript)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFfiScript(String name) {
        return name.equals(FfiScript.class.getName()) || name.equals(FfiScript.class.getSimpleName());
    }

    private static boolean isBaseScript(AnnotationNode annotation) {
        var name = annotation.getClassNode().getName();
        return name.equals("groovy.transform.BaseScript") || name.equals("BaseScript");
    }
}
