package io.github.calendlywebhook.micronaut;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Micronaut adapter uses core's public API only: core's {@code internal} packages may change in any release.
 */
@AnalyzeClasses(packages = "io.github.calendlywebhook.micronaut", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreInternalsTest {

    @ArchTest
    static final ArchRule micronautCodeDoesNotReachIntoCoreInternalPackages = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.github.calendlywebhook.core..internal..");
}
