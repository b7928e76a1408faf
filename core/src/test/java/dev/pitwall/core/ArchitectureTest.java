package dev.pitwall.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The lines the architecture draws around core: no libraries, no files, no clock, no randomness. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pitwall.core");

    @Test
    void coreUsesNothingButTheJavaPlatform() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.pitwall.core..", "java..")
                .check(CORE);
    }

    @Test
    void coreReadsNoFilesClocksOrRandomness() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .check(CORE);
    }

    @Test
    void scoringSitsOnTopOfModelAndRulesNotTheOtherWayRound() {
        noClasses().that().resideInAnyPackage("dev.pitwall.core.model..", "dev.pitwall.core.rules..")
                .should().dependOnClassesThat().resideInAPackage("dev.pitwall.core.scoring..")
                .check(CORE);
    }
}
