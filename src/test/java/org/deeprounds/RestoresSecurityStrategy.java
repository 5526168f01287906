package org.deeprounds;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For tests that start application contexts of their own: each such context installs its own global
 * {@link SecurityContextHolder} strategy, which outlives it and would leave the shared test context's services
 * reading an empty security context. This puts the previous strategy back after each test.
 */
public class RestoresSecurityStrategy implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RestoresSecurityStrategy.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("strategy", SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
        var saved = context.getStore(NAMESPACE).get("strategy", SecurityContextHolderStrategy.class);
        if (saved != null) {
            SecurityContextHolder.setContextHolderStrategy(saved);
        }
    }
}
