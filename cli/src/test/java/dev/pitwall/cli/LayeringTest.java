package dev.pitwall.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * Dependencies point inward: cli, then server, store, io, and core at the centre; scenarios and strategy beside io,
 * on core only.
 */
class LayeringTest {

    private static final JavaClasses PITWALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.pitwall");

    @Test
    void dependenciesPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("dev.pitwall.cli..")
                .layer("server").definedBy("dev.pitwall.server..")
                .layer("store").definedBy("dev.pitwall.store..")
                .layer("scenarios").definedBy("dev.pitwall.scenarios..")
                .layer("strategy").definedBy("dev.pitwall.strategy..")
                .layer("io").definedBy("dev.pitwall.io..")
                .layer("core").definedBy("dev.pitwall.core..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("server", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("store", "server", "cli")
                .whereLayer("scenarios").mayOnlyBeAccessedByLayers("server", "cli")
                .whereLayer("strategy").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("core").mayOnlyBeAccessedByLayers("io", "store", "scenarios", "strategy", "server", "cli")
                .check(PITWALL);
    }
}
