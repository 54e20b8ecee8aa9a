package org.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
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
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Version;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.platform.crypto.Sealed;
import org.vigil.platform.crypto.SealedFields;
import org.vigil.platform.crypto.SealedRow;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.web.Cursor;
import org.vigil.platform.web.Keyset;

/** The dependency rules of DESIGN.md, stated so that they stay true. */
@AnalyzeClasses(packages = "org.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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

    /** Every feature package, from the drawn arrows (so a new feature cannot be forgotten here). */
    private static String[] featurePackages() {
        return ARROWS.keySet().stream()
                .filter(f -> !f.equals("platform"))
                .map(f -> "org.vigil." + f + "..")
                .toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule platformDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("org.vigil.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(featurePackages());

    @ArchTest
    static final ArchRule tipNeverDependsOnTriage = noClasses()
            .that()
            .resideInAPackage("org.vigil.tip..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.vigil.triage..")
            .allowEmptyShould(true);

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

    /**
     * Request and response bodies are records nested in their feature's two holders,
     * {@code <Feature>Requests} and {@code <Feature>Views} (docs/ARCHITECTURE.md, "Records at the
     * boundary"): not top-level files, not records inside resources, not a bean.
     */
    @ArchTest
    static final ArchRule bodiesLiveInTheFeaturesHolders = classes()
            .that()
            .areRecords()
            .and()
            .areAnnotatedWith(Schema.class)
            .and()
            .resideInAnyPackage(featurePackages())
            .should(new ArchCondition<JavaClass>("be nested in a *Views or *Requests holder") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    JavaClass outer = type;
                    while (outer.getEnclosingClass().isPresent()) {
                        outer = outer.getEnclosingClass().get();
                    }
                    boolean held = outer != type && isHolder(outer);
                    events.add(new SimpleConditionEvent(
                            type,
                            held,
                            type.getName() + (held ? " is" : " is not") + " nested in a *Views or *Requests holder"));
                }
            });

    private static boolean isHolder(JavaClass type) {
        return type.getSimpleName().endsWith("Views") || type.getSimpleName().endsWith("Requests");
    }

    /**
     * A holder only holds: final, not instantiable, no state, no method, no bean (making a record
     * from an entity is the record's own {@code of} factory); constants that several of its records'
     * limits share may sit beside them.
     */
    @ArchTest
    static final ArchRule holdersOnlyHold = classes()
            .that()
            .haveSimpleNameEndingWith("Views")
            .or()
            .haveSimpleNameEndingWith("Requests")
            .and()
            .resideInAnyPackage(featurePackages())
            .and()
            .areTopLevelClasses()
            .should(
                    new ArchCondition<JavaClass>(
                            "be a final class with only a private constructor, no state and no method") {
                        @Override
                        public void check(JavaClass type, ConditionEvents events) {
                            boolean shape = type.getModifiers().contains(JavaModifier.FINAL)
                                    && type.getFields().stream()
                                            .allMatch(f -> f.getModifiers()
                                                    .containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL)))
                                    && type.getConstructors().stream()
                                            .allMatch(c -> c.getModifiers().contains(JavaModifier.PRIVATE))
                                    && type.getMethods().isEmpty()
                                    && type.getAnnotations().isEmpty();
                            events.add(new SimpleConditionEvent(
                                    type,
                                    shape,
                                    type.getName() + (shape ? " is" : " is not") + " a holder of records only"));
                        }
                    });

    /**
     * Lists are keyset pages: only platform reads and writes cursors ({@code Keyset}, {@code Cursor});
     * no feature pages by offset.
     */
    @ArchTest
    static final ArchRule cursorsStayInPlatform = noClasses()
            .that()
            .resideOutsideOfPackage("org.vigil.platform..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(Cursor.class);

    @ArchTest
    static final ArchRule noOffsetPaging = noClasses()
            .should()
            .callMethodWhere(
                    new DescribedPredicate<JavaMethodCall>(
                            "an offset: Query.setFirstResult, PanacheQuery.page or range") {
                        @Override
                        public boolean test(JavaMethodCall call) {
                            String name = call.getTarget().getName();
                            JavaClass owner = call.getTargetOwner();
                            return (name.equals("setFirstResult")
                                            && owner.isAssignableTo(jakarta.persistence.Query.class))
                                    || (owner.isAssignableTo(PanacheQuery.class)
                                            && List.of("page", "range", "nextPage", "previousPage")
                                                    .contains(name));
                        }
                    });

    /** A keyset ordering is declared once per list, as a constant of the class that serves it. */
    @ArchTest
    static final ArchRule keysetsAreConstants = fields().that()
            .haveRawType(Keyset.class)
            .should()
            .beStatic()
            .andShould()
            .beFinal();

    /**
     * Resources and pages are thin: no query and no transaction of their own; they call the
     * feature's services (which own the transaction and the rules).
     */
    @ArchTest
    static final ArchRule resourcesNeitherQueryNorOwnTransactions = noClasses()
            .that()
            .areAnnotatedWith(Path.class)
            .should()
            .dependOnClassesThat()
            .areAssignableTo(EntityManager.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(jakarta.persistence.Query.class)
            .orShould()
            .beAnnotatedWith(Transactional.class)
            .orShould(new ArchCondition<JavaClass>("have a @Transactional method") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    type.getMethods().stream()
                            .filter(m -> m.isAnnotatedWith(Transactional.class))
                            .forEach(m -> events.add(
                                    SimpleConditionEvent.violated(m, m.getFullName() + " is @Transactional")));
                }
            });

    /** Entities never cross HTTP, in a body either (a resource method's parameter). */
    @ArchTest
    static final ArchRule entitiesAreNeverBodies = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Path.class)
            .should(new ArchCondition<JavaMethod>("take no entity") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    method.getRawParameterTypes().stream()
                            .filter(t -> t.isAnnotatedWith(Entity.class))
                            .forEach(t -> events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " takes the entity " + t.getName())));
                }
            })
            .allowEmptyShould(true);

    /** Settings are typed @ConfigMapping interfaces; raw configuration is read in platform alone. */
    @ArchTest
    static final ArchRule settingsAreTyped = noClasses()
            .that()
            .resideOutsideOfPackage("org.vigil.platform..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.eclipse.microprofile.config.ConfigProvider")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.eclipse.microprofile.config.inject.ConfigProperty");

    /** Blocking style: no reactive types (DESIGN.md); an answer from memory uses MemoryFirst. */
    @ArchTest
    static final ArchRule noReactiveTypes =
            noClasses().should().dependOnClassesThat().resideInAPackage("io.smallrye.mutiny..");

    /**
     * The caller is read through platform.security.Staff: with two login mechanisms an injected
     * JsonWebToken depends on which one authenticated.
     */
    @ArchTest
    static final ArchRule callerThroughStaff = noClasses()
            .that()
            .resideOutsideOfPackages("org.vigil.platform.security..", "org.vigil.platform.console..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.eclipse.microprofile.jwt.JsonWebToken");

    /** Errors become problems in one place. */
    @ArchTest
    static final ArchRule oneProblemMapper = classes()
            .that()
            .implement(ExceptionMapper.class)
            .or()
            .containAnyMethodsThat(CanBeAnnotated.Predicates.annotatedWith(ServerExceptionMapper.class))
            .should()
            .resideInAPackage("org.vigil.platform.error..");

    /** Cache-Control is set by path family (PrivateAnswers, PublicCaching), never by a feature. */
    @ArchTest
    static final ArchRule cachingByPathFamily = noClasses()
            .that()
            .resideInAnyPackage(featurePackages())
            .should()
            .dependOnClassesThat()
            .areAssignableTo(CacheControl.class);
}
