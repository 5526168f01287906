package org.deeprounds;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For tests that start application contexts of their own: each such context installs its own global
 * {@link SecurityContextHolder} strategy, which outlives it and would leave the shared test context's services
 * reading an empty security context. This puts the previous strategy back after each test, and after the class for a
 * context started in {@code @BeforeAll}.
 */
public class RestoresSecurityStrategy
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        afterEach(context);
    }

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
