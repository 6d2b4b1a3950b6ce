package org.ffiscript.groovy;

import java.util.List;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.MethodCall;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.transform.stc.AbstractTypeCheckingExtension;
import org.codehaus.groovy.transform.stc.StaticTypeCheckingVisitor;

/**
 * Lets {@code @TypeChecked} code use the DSL as it is written elsewhere:
 * {@code @TypeChecked(extensions = 'org.ffiscript.groovy.DslTypeChecking')}. Without it the type checker sees the
 * library block through {@link LibraryBuilder} alone ({@code @DelegatesTo}), so only
 * {@code function 'atoi', returns: int, takes: [String]} and the type makers pass, and a library's functions are
 * called as {@code libc.call('atoi', '42')}. With it, three things the DSL resolves by name are left to run time,
 * as Groovy would: a declaration {@code atoi returns: int, takes: [String]} in a library block, a DataType or
 * declared struct name there ({@code U64}, {@code Point}), and a call of a declared function on an
 * {@link FfiLibrary} ({@code libc.atoi('42')}, typed {@code Object}). Everything else is checked as usual.
 */
public final class DslTypeChecking extends AbstractTypeCheckingExtension {
    private static final String LIBRARY_METHOD = "library";

    /** Made by Groovy's type checker for each class it checks with this extension. */
    public DslTypeChecking(StaticTypeCheckingVisitor visitor) {
        super(visitor);
    }

    @Override
    public List<MethodNode> handleMissingMethod(
            ClassNode receiver,
            String name,
            ArgumentListExpression arguments,
            ClassNode[] argumentTypes,
            MethodCall call) {
        if (receiver.getName().equals(FfiLibrary.class.getName())) {
            return List.of(makeDynamic(call, ClassHelper.OBJECT_TYPE));
        }
        var declaration = argumentTypes.length == 1 && argumentTypes[0].implementsInterface(ClassHelper.MAP_TYPE);
        if (declaration && inLibraryBlock()) {
            return List.of(makeDynamic(call, ClassHelper.VOID_TYPE));
        }
        return List.of();
    }

    @Override
    public boolean handleUnresolvedVariableExpression(VariableExpression variable) {
        if (inLibraryBlock()) {
            makeDynamic(variable, ClassHelper.OBJECT_TYPE);
            return true;
        }
        return false;
    }

    /** True when the innermost closure being checked is the block of a {@code library(...) { }} call. */
    private boolean inLibraryBlock() {
        var closure = getEnclosingClosure();
        if (closure == null) {
            return false;
        }
        for (var call : getEnclosingMethodCalls()) {
            if (call instanceof MethodCallExpression method
                    && LIBRARY_METHOD.equals(method.getMethodAsString())
                    && method.getArguments() instanceof ArgumentListExpression arguments
                    && !arguments.getExpressions().isEmpty()
                    && arguments.getExpressions().getLast() instanceof ClosureExpression block
                    && block == closure.getClosureExpression()) {
                return true;
            }
        }
        return false;
    }
}
