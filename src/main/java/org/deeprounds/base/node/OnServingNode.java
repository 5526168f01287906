package org.deeprounds.base.node;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A bean only nodes that serve pages and the API have (roles {@code all} and {@code web}): what seeds the library at
 * first start, so workers joining an installation never race the web node to create the same rows.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Conditional(OnServingNode.Serving.class)
public @interface OnServingNode {

    /** True unless {@code deeprounds.node.role} says worker. */
    final class Serving implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("deeprounds.node.role", NodeSettings.Role.class)
                    .orElse(NodeSettings.Role.ALL)
                    .serves();
        }
    }
}
