package org.resourcesharing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.junit.jupiter.api.Test;

/** Package by feature: features may use the platform, the platform knows no feature, and features form no cycles. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.resourcesharing");

    @Test
    void platformKnowsNoFeature() {
        noClasses().that().resideInAPackage("org.resourcesharing.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.resourcesharing.borrowing..", "org.resourcesharing.lending..", "org.resourcesharing.copyright..",
                        "org.resourcesharing.hiring..", "org.resourcesharing.mail..", "org.resourcesharing.catalogue..",
                        "org.resourcesharing.iso18626..", "org.resourcesharing.fees..", "org.resourcesharing.reports..")
                .check(PRODUCTION_CLASSES);
    }

    @Test
    void featuresFormNoCycles() {
        slices().matching("org.resourcesharing.(*)..").should().beFreeOfCycles().check(PRODUCTION_CLASSES);
    }

    @Test
    void onlyThePublicEngineApi() {
        noClasses().that(are(not(partOfAnEnginePlugin()))).and().areNotAssignableTo(ResourceAuthorizationProvider.class)
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("the engine's impl packages change between releases; use the public API (the engine's"
                        + " plugins, with the classes nested in them, and authorization providers have none: they alone may)")
                .check(PRODUCTION_CLASSES);
    }

    /** A plugin, or a class nested in one (such as the history handler a plugin installs). */
    private static DescribedPredicate<JavaClass> partOfAnEnginePlugin() {
        return DescribedPredicate.describe("part of an engine plugin", javaClass -> {
            for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
                if (c.isAssignableTo(ProcessEnginePlugin.class)) {
                    return true;
                }
            }
            return false;
        });
    }
}
