package org.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

/** The dependency rules of DESIGN.md, stated so that they stay true. */
@AnalyzeClasses(packages = "org.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule platformDependsOnNoFeature = noClasses().that().resideInAPackage("org.vigil.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vigil.content..", "org.vigil.checklist..",
                    "org.vigil.campaign..", "org.vigil.tip..", "org.vigil.triage..", "org.vigil.indicator..",
                    "org.vigil.forwarding..");

    @ArchTest
    static final ArchRule tipNeverDependsOnTriage = noClasses().that().resideInAPackage("org.vigil.tip..")
            .should().dependOnClassesThat().resideInAPackage("org.vigil.triage..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("org.vigil.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule entitiesNeverCrossHttp = methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
            .and().arePublic()
            .should().notHaveRawReturnType(CanBeAnnotated.Predicates.annotatedWith(Entity.class))
            .allowEmptyShould(true);
}
