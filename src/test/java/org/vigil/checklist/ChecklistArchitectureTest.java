package org.vigil.checklist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ChecklistArchitectureTest {

    private final JavaClasses checklist = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigil.checklist");

    @Test
    void assessmentCodeCannotLogAnswers() {
        noClasses()
                .that()
                .haveSimpleNameContaining("Assessment")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jboss.logging..",
                        "java.util.logging..",
                        "org.slf4j..",
                        "org.apache.logging..",
                        "io.quarkus.logging..")
                .orShould()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("a citizen's answers are private: nothing about an assessment is logged")
                .check(checklist);
    }

    @Test
    void checklistsDoNotDependOnOtherFeatures() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.vigil.content..",
                        "org.vigil.campaign..",
                        "org.vigil.tip..",
                        "org.vigil.triage..",
                        "org.vigil.indicator..",
                        "org.vigil.forwarding..")
                .because("related articles are stored as slugs and the tip line as a URL")
                .check(checklist);
    }
}
