package org.breadbot.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of architecture §2, checked on the compiled main code of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the other modules' main classes arrive as jars on this module's class path, so jars stay included
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.breadbot");
    }

    @Test
    void commandsNeverTouchKafkaOrTheDatabase() {
        noClasses().that().resideInAPackage("org.breadbot.processor.command..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.kafka..", "org.springframework.kafka..",
                        "io.r2dbc..", "org.springframework.r2dbc..", "org.springframework.data.r2dbc..")
                .check(classes);
    }

    @Test
    void botLogicNeverTouchesKafka() {
        noClasses().that().resideInAnyPackage("org.breadbot.processor.bot..", "org.breadbot.processor.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(classes);
    }

    @Test
    void commonDependsOnNoService() {
        noClasses().that().resideInAPackage("org.breadbot.common..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.breadbot.ingress..", "org.breadbot.processor..", "org.breadbot.sender..",
                        "org.breadbot.standalone..", "org.breadbot.testsupport..")
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.breadbot.ingress..")
                .should().dependOnClassesThat().resideInAnyPackage("org.breadbot.processor..", "org.breadbot.sender..")
                .check(classes);
        noClasses().that().resideInAPackage("org.breadbot.processor..")
                .should().dependOnClassesThat().resideInAnyPackage("org.breadbot.ingress..", "org.breadbot.sender..")
                .check(classes);
        noClasses().that().resideInAPackage("org.breadbot.sender..")
                .should().dependOnClassesThat().resideInAnyPackage("org.breadbot.ingress..", "org.breadbot.processor..")
                .check(classes);
    }
}
