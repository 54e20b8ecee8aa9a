package org.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.util.List;
import org.vigil.platform.db.Versioned;

/** The dependency rules of DESIGN.md, stated so that they stay true. */
@AnalyzeClasses(packages = "org.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule platformDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("org.vigil.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.vigil.content..",
                    "org.vigil.checklist..",
                    "org.vigil.campaign..",
                    "org.vigil.tip..",
                    "org.vigil.triage..",
                    "org.vigil.indicator..",
                    "org.vigil.forwarding..");

    @ArchTest
    static final ArchRule tipNeverDependsOnTriage = noClasses()
            .that()
            .resideInAPackage("org.vigil.tip..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.vigil.triage..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule featuresHaveNoCycles =
            slices().matching("org.vigil.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule entitiesNeverCrossHttp = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Path.class)
            .and()
            .arePublic()
            .should()
            .notHaveRawReturnType(CanBeAnnotated.Predicates.annotatedWith(Entity.class))
            .allowEmptyShould(true);

    /**
     * Every endpoint says who may call it (quarkus.security.jaxrs.deny-unannotated-endpoints refuses
     * the others at run time; this names them at build time).
     */
    @ArchTest
    static final ArchRule everyEndpointHasASecurityAnnotation = methods()
            .that()
            .areMetaAnnotatedWith(HttpMethod.class)
            .and()
            .areDeclaredInClassesThat()
            .resideInAPackage("org.vigil..")
            .should(
                    new ArchCondition<JavaMethod>(
                            "be annotated, or be in a class annotated, with @PermitAll, @RolesAllowed"
                                    + " or @DenyAll") {
                        private final List<Class<? extends java.lang.annotation.Annotation>> security =
                                List.of(PermitAll.class, RolesAllowed.class, DenyAll.class);

                        @Override
                        public void check(JavaMethod method, ConditionEvents events) {
                            boolean annotated = security.stream()
                                    .anyMatch(a -> method.isAnnotatedWith(a)
                                            || method.getOwner().isAnnotatedWith(a));
                            events.add(new SimpleConditionEvent(
                                    method,
                                    annotated,
                                    method.getFullName() + (annotated ? " is" : " is not")
                                            + " annotated with a security annotation"));
                        }
                    });

    /** Demo content is switched on in one place (DemoSeeding); features only say what to create. */
    @ArchTest
    static final ArchRule buildProfileSwitchesLiveInPlatform =
            classes().that().areAnnotatedWith(IfBuildProfile.class).should().resideInAPackage("org.vigil.platform..");

    /** created_at, updated_at and version are declared once, in Versioned, not again in each entity. */
    @ArchTest
    static final ArchRule timestampsAndVersionComeFromVersioned = classes()
            .that()
            .areAnnotatedWith(Entity.class)
            .should(
                    new ArchCondition<JavaClass>("not declare createdAt, updatedAt and a @Version field all three"
                            + " (extend " + Versioned.class.getSimpleName() + ")") {
                        @Override
                        public void check(JavaClass entity, ConditionEvents events) {
                            boolean all = entity.getFields().stream()
                                            .anyMatch(f -> f.getName().equals("createdAt"))
                                    && entity.getFields().stream()
                                            .anyMatch(f -> f.getName().equals("updatedAt"))
                                    && entity.getFields().stream().anyMatch(f -> f.isAnnotatedWith(Version.class));
                            events.add(new SimpleConditionEvent(
                                    entity,
                                    !all,
                                    entity.getName() + (all ? " declares" : " does not declare")
                                            + " its own created/updated/version fields"));
                        }
                    });
}
