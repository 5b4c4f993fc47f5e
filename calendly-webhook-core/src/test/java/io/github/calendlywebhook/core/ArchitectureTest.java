package io.github.calendlywebhook.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of core, checked on every build: packages depend in one direction, mechanisms never
 * read the processor or its configuration, and core stays free of application frameworks.
 */
@AnalyzeClasses(packages = ArchitectureTest.CORE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String CORE = "io.github.calendlywebhook.core";

    @ArchTest
    static final ArchRule corePackagesDependOnEachOtherInOneDirectionOnly = slices()
            .matching(CORE + ".(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule mechanismsDoNotImportThePipelineOrTheConfiguration = noClasses()
            .that().resideInAnyPackage(CORE + ".signature..", CORE + ".ip..", CORE + ".ratelimit..", CORE + ".event..")
            .should().dependOnClassesThat().resideInAnyPackage(CORE + ".pipeline..", CORE + ".config..");

    @ArchTest
    static final ArchRule coreImportsNeitherSpringNorMicronaut = noClasses()
            .that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micronaut..");

    @ArchTest
    static final ArchRule onlyTheServletPackageImportsTheServletApi = noClasses()
            .that().resideInAPackage(CORE + "..").and().resideOutsideOfPackage(CORE + ".servlet..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..");
}
