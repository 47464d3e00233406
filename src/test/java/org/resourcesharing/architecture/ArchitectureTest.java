package org.resourcesharing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature: features may use the platform, the platform knows no feature, and features form no cycles. */
@AnalyzeClasses(packages = "org.resourcesharing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses().that().resideInAPackage("org.resourcesharing.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.resourcesharing.borrowing..", "org.resourcesharing.lending..", "org.resourcesharing.copyright..",
                    "org.resourcesharing.hiring..", "org.resourcesharing.mail..", "org.resourcesharing.catalogue..",
                    "org.resourcesharing.iso18626..", "org.resourcesharing.fees..", "org.resourcesharing.reports..");

    @ArchTest
    static final ArchRule featuresFormNoCycles = slices().matching("org.resourcesharing.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyThePublicEngineApi = noClasses().should()
            .dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
            .because("the engine's impl packages change between releases; use the public API");
}
