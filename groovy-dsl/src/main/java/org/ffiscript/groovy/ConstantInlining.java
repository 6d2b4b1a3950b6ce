package org.ffiscript.groovy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.FFITypeTag;
import org.ffiscript.engine.PointerType;

/**
 * Compiles {@code DataType.I32}, {@code PointerType.RsPointer} and {@code FFITypeTag.StackStruct} in scripts
 * as the numbers they stand for. Dynamic Groovy reads a Java class's static field through its meta-class on
 * every evaluation (about 30 ns), and a {@code load} description names three or more of them per call.
 */
final class ConstantInlining extends CompilationCustomizer {
    private static final Map<String, Map<String, Object>> CONSTANTS = new HashMap<>();

    static {
        for (var holder : new Class<?>[] {DataType.class, PointerType.class, FFITypeTag.class}) {
            var values = new HashMap<String, Object>();
            for (Field field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && Modifier.isFinal(field.getModifiers())
                        && field.getType() == int.class) {
                    try {
                        values.put(field.getName(), field.getInt(null));
                    } catch (IllegalAccessException e) {
                        throw new ExceptionInInitializerError(e);
                    }
                }
            }
            CONSTANTS.put(holder.getName(), values);
        }
    }

    ConstantInlining() {
        super(CompilePhase.CANONICALIZATION); // after names are resolved to classes
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new ClassCodeExpressionTransformer() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            public Expression transform(Expression expression) {
                if (expression instanceof ClosureExpression closure) {
                    visitClosureExpression(closure);
                    return closure;
                }
                var constant = constantOf(expression);
                if (constant != null) {
                    var inlined = new ConstantExpression(constant, true);
                    inlined.setSourcePosition(expression);
                    return inlined;
                }
                return super.transform(expression);
            }
        }.visitClass(classNode);
    }

    static Object constantOf(Expression expression) {
        if (expression instanceof PropertyExpression property
                && property.getObjectExpression() instanceof ClassExpression owner
                && !property.isSafe()
                && !property.isSpreadSafe()) {
            var values = CONSTANTS.get(owner.getType().getName());
            var name = property.getPropertyAsString();
            return values == null || name == null ? null : values.get(name);
        }
        return null;
    }
}
