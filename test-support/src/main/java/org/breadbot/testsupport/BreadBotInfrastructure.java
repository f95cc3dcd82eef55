package org.breadbot.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets a test class take {@link KafkaBroker}, {@link TestDatabase} and {@link FakeTelegram} parameters in its
 * constructor, lifecycle methods and tests; see {@link BreadBotExtension} for their scope.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BreadBotExtension.class)
public @interface BreadBotInfrastructure {
}
