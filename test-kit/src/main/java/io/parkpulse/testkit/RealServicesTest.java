package io.parkpulse.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose constructor, lifecycle and test methods may take {@link MqttBroker} and
 * {@link InfluxDb} parameters: shorthand for {@code @ExtendWith(RealServicesExtension.class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(RealServicesExtension.class)
public @interface RealServicesTest {
}
