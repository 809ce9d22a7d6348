package io.parkpulse.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a real {@link MqttBroker} and {@link InfluxDb} into constructors,
 * {@code @BeforeAll}, {@code @BeforeEach} and test methods.
 *
 * <ul>
 *   <li>One instance of each per test class (a {@code @Nested} class counts as its own class), created
 *       on the first parameter that asks for it: a class that breaks its broker cannot affect another.</li>
 *   <li>Kept in the class's {@link ExtensionContext.Store}, which closes {@link AutoCloseable} values
 *       when the class is done: servers stop and their directories are deleted.</li>
 *   <li>Before each test, a service a previous test left stopped or killed is started again, on the same
 *       port, so one fault-injection test cannot poison the next.</li>
 * </ul>
 *
 * <p>Thread-safe: the store creates each instance once even under parallel execution.
 */
public final class RealServicesExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealServicesExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MqttBroker.class || type == InfluxDb.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = classStore(context);
        if (parameter.getParameter().getType() == MqttBroker.class) {
            return getOrCreate(store, MqttBroker.class, RealServices::mosquitto);
        }
        return getOrCreate(store, InfluxDb.class, RealServices::influxDb);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = classStore(context);
        MqttBroker broker = store.get(MqttBroker.class, MqttBroker.class);
        if (broker != null && !broker.isRunning()) {
            broker.start();
        }
        InfluxDb influx = store.get(InfluxDb.class, InfluxDb.class);
        if (influx != null && !influx.isRunning()) {
            influx.start();
        }
    }

    private static <T> T getOrCreate(ExtensionContext.Store store, Class<T> type, Supplier<T> factory) {
        return store.getOrComputeIfAbsent(type, key -> factory.get(), type);
    }

    /** The store of the nearest enclosing class context, whichever method or invocation asks. */
    private static ExtensionContext.Store classStore(ExtensionContext context) {
        ExtensionContext current = context;
        while (!isClassContext(current)) {
            Optional<ExtensionContext> parent = current.getParent();
            if (parent.isEmpty()) {
                throw new IllegalStateException("RealServicesExtension needs a test class context, got " + context);
            }
            current = parent.get();
        }
        return current.getStore(NAMESPACE);
    }

    private static boolean isClassContext(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        return element.isPresent() && element.get() instanceof Class;
    }
}
