package org.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
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
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Version;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.platform.crypto.Sealed;
import org.vigil.platform.crypto.SealedFields;
import org.vigil.platform.crypto.SealedRow;
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
                    "org.vigil.forwarding..",
                    "org.vigil.home..",
                    "org.vigil.stats..");

    @ArchTest
    static final ArchRule tipNeverDependsOnTriage = noClasses()
            .that()
            .resideInAPackage("org.vigil.tip..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.vigil.triage..")
            .allowEmptyShould(true);

    /**
     * The arrows between features that docs/ARCHITECTURE.md draws, and no others: public content
     * (articles, checklists, events) reaches nothing of tips or the police; tips reach only platform;
     * indicators read tips' identifiers and checklists' scam types; triage reads tips and implements
     * indicators' reader; forwarding reads tips' events; partners' urgent pushes go through forwarding's
     * outbox; the citizens' home page reads what public
     * content publishes; public statistics count tips (by category), listed indicators (by type) and
     * held campaign events (by SQL alone, no class of campaign). A new arrow is a decision: draw it here.
     */
    static final Map<String, Set<String>> ARROWS = Map.ofEntries(
            Map.entry("content", Set.of()),
            Map.entry("checklist", Set.of()),
            Map.entry("campaign", Set.of()),
            Map.entry("tip", Set.of()),
            Map.entry("indicator", Set.of("checklist", "tip")),
            Map.entry("triage", Set.of("tip", "indicator")),
            Map.entry("forwarding", Set.of("tip")),
            Map.entry("partner", Set.of("indicator", "tip", "stats", "forwarding")),
            Map.entry("home", Set.of("content", "checklist", "campaign")),
            Map.entry("stats", Set.of("tip", "indicator")),
            Map.entry("platform", Set.of()));

    @ArchTest
    static final ArchRule onlyTheDrawnArrowsBetweenFeatures = classes()
            .that()
            .resideInAPackage("org.vigil..")
            .should(new ArchCondition<JavaClass>("depend on other features only along the drawn arrows") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    String from = feature(type.getPackageName());
                    Set<String> allowed = ARROWS.get(from);
                    if (allowed == null) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " is in no known feature"));
                        return;
                    }
                    type.getDirectDependenciesFromSelf().forEach(dependency -> {
                        String to = feature(dependency.getTargetClass().getPackageName());
                        if (to != null && !to.equals(from) && !to.equals("platform") && !allowed.contains(to)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }
            });

    /** {@code org.vigil.tip.x} → {@code tip}; null outside org.vigil. */
    private static String feature(String packageName) {
        if (!packageName.startsWith("org.vigil.")) {
            return packageName.equals("org.vigil") ? "platform" : null;
        }
        String rest = packageName.substring("org.vigil.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

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

    /**
     * Encrypted columns are declared, not handled: an entity with {@link Sealed} fields is a
     * {@link SealedRow} sealed by {@link SealedFields}, and no ciphertext column ({@code *_enc}) is
     * reachable from outside its entity's package (services set and read the plain field).
     */
    @ArchTest
    static final ArchRule encryptedColumnsAreSealedFields = classes()
            .that()
            .areAnnotatedWith(Entity.class)
            .should(new ArchCondition<JavaClass>("seal *_enc columns through @Sealed fields and SealedFields") {
                @Override
                public void check(JavaClass entity, ConditionEvents events) {
                    boolean sealing = entity.getFields().stream().anyMatch(f -> f.isAnnotatedWith(Sealed.class));
                    entity.getFields().stream()
                            .filter(f -> f.isAnnotatedWith(Column.class)
                                    && f.getAnnotationOfType(Column.class)
                                            .name()
                                            .endsWith("_enc"))
                            .forEach(f -> {
                                boolean hidden = !f.getModifiers().contains(JavaModifier.PUBLIC);
                                boolean declared = entity.getFields().stream()
                                        .anyMatch(p -> p.isAnnotatedWith(Sealed.class)
                                                && p.getAnnotationOfType(Sealed.class)
                                                        .value()
                                                        .equals(f.getName()));
                                // tip_idempotency's receipt is under a key only the client's retry can derive
                                boolean clientKey = entity.getSimpleName().equals("TipIdempotency");
                                events.add(new SimpleConditionEvent(
                                        f,
                                        hidden && (declared || clientKey),
                                        f.getFullName() + (hidden && declared ? " is" : " is not")
                                                + " a package-private column behind a @Sealed field"));
                            });
                    if (sealing) {
                        boolean listened = entity.isAnnotatedWith(EntityListeners.class)
                                && List.of(entity.getAnnotationOfType(EntityListeners.class)
                                                .value())
                                        .contains(SealedFields.class);
                        boolean row = entity.isAssignableTo(SealedRow.class);
                        events.add(new SimpleConditionEvent(
                                entity,
                                listened && row,
                                entity.getName() + (listened && row ? " is" : " is not")
                                        + " a SealedRow with @EntityListeners(SealedFields.class)"));
                    }
                }
            });
}
