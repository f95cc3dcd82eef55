package org.breadbot.testsupport;

import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves the shared test infrastructure as parameters (of constructors, {@code @BeforeAll}/{@code @BeforeEach}
 * and test methods); register it with {@link BreadBotInfrastructure} or {@code @ExtendWith}.
 *
 * <ul>
 *   <li>{@link KafkaBroker}: the JVM's one broker ({@link TestKafka}).</li>
 *   <li>{@link TestDatabase}: one fresh database per top-level test class, created on first request and shared by
 *       all its tests (and {@code @Nested} classes), so schema set up in {@code @BeforeAll} is there in every test;
 *       call {@link TestPostgres#newDatabase()} for a database per test. It stays on the JVM's one server
 *       ({@link TestPostgres}), which goes away with the JVM.</li>
 *   <li>{@link FakeTelegram}: one per top-level test class, started on first request and closed after the class;
 *       it is not reset between tests ({@link FakeTelegram#reset()} in {@code @BeforeEach} when tests must not see
 *       each other's calls).</li>
 * </ul>
 */
public final class BreadBotExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BreadBotExtension.class);
    private static final Set<Class<?>> RESOLVED = Set.of(KafkaBroker.class, TestDatabase.class, FakeTelegram.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == KafkaBroker.class) {
            return new KafkaBroker(TestKafka.bootstrapServers());
        }
        ExtensionContext.Store store = topLevelClass(context).getStore(NAMESPACE);
        if (type == TestDatabase.class) {
            return store.computeIfAbsent(TestDatabase.class, key -> TestPostgres.newDatabase(), TestDatabase.class);
        }
        // an AutoCloseable in a store is closed when the store's context ends: here, after the class
        return store.computeIfAbsent(FakeTelegram.class, key -> FakeTelegram.start(), FakeTelegram.class);
    }

    private static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }
}
