package org.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.platform.db.EmbeddedDbConfigSourceFactory;

/**
 * The manifests under {@code k8s/}, checked without a cluster: each document is bound to the
 * Kubernetes API model (fabric8's classes, generated from the Kubernetes OpenAPI schema) and any field
 * that the schema does not know fails, as does every rule of the deployment issue (probes, security
 * context, replicas, resources, network policy, placeholder-only Secret), and every setting they give
 * the service must be one the service has. The prod overlay is rendered with {@code kubectl kustomize}
 * where kubectl exists and checked the same way.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    /** Where a placeholder is the whole value: {@code <…>}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");
    /** Kinds of other operators, shown as examples in k8s/platform/ (their schemas are not in the model). */
    private static final Set<String> OPERATOR_KINDS =
            Set.of("k8s.mariadb.com/v1alpha1 MariaDB", "rabbitmq.com/v1beta1 RabbitmqCluster");

    private static final Map<String, Class<?>> MODEL = Map.of(
            "v1 Namespace", Namespace.class,
            "v1 ServiceAccount", ServiceAccount.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Service", Service.class,
            "apps/v1 Deployment", Deployment.class,
            "networking.k8s.io/v1 Ingress", Ingress.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class);
    /** Environment variables read by the JVM rather than by the service's configuration. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    record Doc(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String key() {
            return node.path("apiVersion").asText() + " " + kind();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file + " (" + kind() + " " + name() + ")";
        }
    }

    static List<Doc> docs;
    static List<Doc> rendered;

    @BeforeAll
    static void load() throws Exception {
        docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList()) {
                docs.addAll(parse(file, Files.readString(file)));
            }
        }
        rendered = render(K8S.resolve("overlays/prod"));
    }

    static List<Doc> parse(Path file, String yaml) throws IOException {
        List<Doc> out = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    out.add(new Doc(file, node));
                }
            }
        }
        return out;
    }

    /** The overlay as kustomize renders it, or null where kubectl is not installed. */
    static List<Doc> render(Path overlay) throws Exception {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            System.out.println(
                    "KubernetesManifestsTest: kubectl not found, the prod overlay is checked file by file only");
            return null;
        }
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue())
                .as("kubectl kustomize %s:%n%s", overlay, output)
                .isZero();
        return parse(Path.of("kubectl kustomize " + overlay), output);
    }

    // ---- every document

    @Test
    void everyDocumentNamesItsApiVersionKindAndName() {
        assertThat(docs).isNotEmpty();
        for (Doc doc : all()) {
            assertThat(doc.node.path("apiVersion").asText())
                    .as("apiVersion of %s", doc)
                    .isNotBlank();
            assertThat(doc.kind()).as("kind of %s", doc).isNotBlank();
            if (!doc.kind().equals("Kustomization")) {
                assertThat(doc.name()).as("metadata.name of %s", doc).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            }
        }
    }

    @Test
    void everyDocumentFitsTheKubernetesApiSchema() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Doc doc : all()) {
            if (doc.kind().equals("Kustomization") || OPERATOR_KINDS.contains(doc.key())) {
                continue;
            }
            Class<?> type = MODEL.get(doc.key());
            if (type == null) {
                problems.add(doc + ": " + doc.key()
                        + " is not a kind/apiVersion this test knows (a typo, or an old API version?)");
                continue;
            }
            Object bound;
            try {
                bound = YAML.treeToValue(doc.node, type);
            } catch (Exception e) {
                problems.add(doc + ": does not bind to " + type.getSimpleName() + ": " + e.getMessage());
                continue;
            }
            unknownFields(bound, doc.toString(), problems, new IdentityHashMap<>());
        }
        assertThat(problems).as("fields the Kubernetes API does not have").isEmpty();
    }

    @Test
    void kustomizationsReferToFilesThatExistAndNeverToTheSecretTemplate() throws IOException {
        List<Doc> kustomizations =
                docs.stream().filter(d -> d.kind().equals("Kustomization")).toList();
        assertThat(kustomizations)
                .extracting(d -> d.file.toString())
                .contains("k8s/base/kustomization.yaml", "k8s/overlays/prod/kustomization.yaml");
        for (Doc k : kustomizations) {
            List<String> refs = new ArrayList<>();
            k.node.path("resources").forEach(r -> refs.add(r.asText()));
            k.node.path("patches").forEach(p -> refs.add(p.path("path").asText()));
            for (String ref : refs) {
                Path target = k.file.getParent().resolve(ref).normalize();
                assertThat(Files.exists(target))
                        .as("%s refers to %s", k.file, ref)
                        .isTrue();
                assertThat(target.toString())
                        .as("the Secret template is never applied")
                        .doesNotContain("secret.template");
            }
        }
    }

    // ---- the Deployment

    @Test
    void deploymentRunsAtLeastTwoHardenedReplicasWithProbesAndResources() throws Exception {
        for (Deployment deployment : inEverySet(Deployment.class)) {
            assertThat(deployment.getSpec().getReplicas()).as("replicas").isGreaterThanOrEqualTo(2);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getAutomountServiceAccountToken())
                    .as("no service account token")
                    .isFalse();
            var podSecurity = pod.getSecurityContext();
            assertThat(podSecurity.getRunAsNonRoot()).as("pod runAsNonRoot").isTrue();
            assertThat(podSecurity.getRunAsUser())
                    .as("pod runAsUser (numeric, not root)")
                    .isPositive();
            assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            for (Container c : pod.getContainers()) {
                var security = c.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation())
                        .as("%s allowPrivilegeEscalation", c.getName())
                        .isFalse();
                assertThat(security.getReadOnlyRootFilesystem())
                        .as("%s readOnlyRootFilesystem", c.getName())
                        .isTrue();
                assertThat(security.getPrivileged())
                        .as("%s privileged", c.getName())
                        .isNotEqualTo(Boolean.TRUE);
                assertThat(security.getCapabilities().getDrop())
                        .as("%s drops capabilities", c.getName())
                        .contains("ALL");
                assertThat(security.getCapabilities().getAdd())
                        .as("%s adds no capability", c.getName())
                        .isNullOrEmpty();
                assertThat(security.getRunAsNonRoot()).isNotEqualTo(Boolean.FALSE);

                assertThat(httpGet(c.getStartupProbe(), "startup")).isEqualTo("/q/health/started");
                assertThat(httpGet(c.getLivenessProbe(), "liveness")).isEqualTo("/q/health/live");
                assertThat(httpGet(c.getReadinessProbe(), "readiness")).isEqualTo("/q/health/ready");
                assertThat(c.getPorts()).anySatisfy(p -> {
                    assertThat(p.getName()).isEqualTo("http");
                    assertThat(p.getContainerPort()).isEqualTo(8080);
                });

                var resources = c.getResources();
                assertThat(resources.getRequests())
                        .as("%s requests", c.getName())
                        .containsKeys("cpu", "memory");
                assertThat(resources.getLimits()).as("%s limits", c.getName()).containsKeys("cpu", "memory");

                var tmp = c.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst();
                assertThat(tmp).as("%s mounts a writable /tmp", c.getName()).isPresent();
                assertThat(pod.getVolumes()).anySatisfy(v -> {
                    assertThat(v.getName()).isEqualTo(tmp.get().getName());
                    assertThat(v.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
                });
                assertThat(c.getImage()).as("a pinned image, never :latest").doesNotEndWith(":latest");
                assertThat(c.getEnvFrom())
                        .anySatisfy(e -> assertThat(e.getSecretRef())
                                .isNotNull()
                                .satisfies(ref -> assertThat(ref.getName()).isEqualTo("vigil-secrets")));
            }
        }
    }

    @Test
    void multipartUploadsAreKeptInMemoryWithinThePodsMemoryLimit() throws Exception {
        Properties app = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            app.load(in);
        }
        String uploads = app.getProperty("quarkus.http.body.uploads-directory").replace("${java.io.tmpdir}", "/tmp");
        assertThat(app.getProperty("quarkus.http.body.delete-uploaded-files-on-end"))
                .isEqualTo("true");
        long maxBody = io.quarkus.runtime.configuration.MemorySizeConverter.class
                .getDeclaredConstructor()
                .newInstance()
                .convert(app.getProperty("quarkus.http.limits.max-body-size"))
                .asLongValue();
        for (List<Doc> set : sets()) {
            Deployment deployment = one(set, Deployment.class);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            int percentage = Integer.parseInt(percentageOf(one(set, ConfigMap.class)));
            for (Container c : pod.getContainers()) {
                var mount = c.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals(uploads))
                        .findFirst();
                assertThat(mount)
                        .as("%s mounts a volume on the uploads directory %s", c.getName(), uploads)
                        .isPresent();
                var volume = pod.getVolumes().stream()
                        .filter(v -> v.getName().equals(mount.get().getName()))
                        .findFirst()
                        .orElseThrow();
                assertThat(volume.getEmptyDir())
                        .as("the uploads volume is an emptyDir")
                        .isNotNull();
                assertThat(volume.getEmptyDir().getMedium())
                        .as("uploads never reach the node's disk")
                        .isEqualTo("Memory");
                long size = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                                volume.getEmptyDir().getSizeLimit())
                        .longValue();
                long limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                                c.getResources().getLimits().get("memory"))
                        .longValue();
                assertThat(size).as("room for two maximal bodies").isGreaterThanOrEqualTo(2 * maxBody);
                long heap = limit * percentage / 100;
                assertThat(heap + size)
                        .as("heap + uploads leave 128Mi of %s for the rest of the JVM", c.getName())
                        .isLessThanOrEqualTo(limit - 128L * 1024 * 1024);
            }
        }
        String pom = Files.readString(Path.of("pom.xml"));
        ConfigMap config = one(sets().get(0), ConfigMap.class);
        assertThat(pom)
                .as("the image's own option (it overrides JAVA_TOOL_OPTIONS) is the same")
                .contains("<image.jvm.heap>-XX:MaxRAMPercentage=" + percentageOf(config) + "</image.jvm.heap>")
                .contains("<arg>${image.jvm.heap}</arg>");
        Matcher gc = Pattern.compile("<image.jvm.gc>(-XX:\\+Use\\w+GC)</image.jvm.gc>")
                .matcher(pom);
        assertThat(gc.find()).as("the image names its collector").isTrue();
        assertThat(pom).contains("<arg>${image.jvm.gc}</arg>");
        assertThat(config.getData().get("JAVA_TOOL_OPTIONS"))
                .as("the pod's options name the image's collector (and the AOT cache was trained with it)")
                .contains(gc.group(1));
    }

    private static String percentageOf(ConfigMap config) {
        Matcher m = Pattern.compile("MaxRAMPercentage=(\\d+)")
                .matcher(config.getData().get("JAVA_TOOL_OPTIONS"));
        assertThat(m.find())
                .as("the heap is a share of the memory limit (JAVA_TOOL_OPTIONS)")
                .isTrue();
        return m.group(1);
    }

    @Test
    void renderedProdOverlayPinsItsImageAndScalesFromThree() throws Exception {
        if (rendered == null) {
            return;
        }
        Deployment deployment = one(rendered, Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .matches("[a-z0-9.-]+(:[0-9]+)?/[a-z0-9/._-]+(:[0-9][0-9A-Za-z._-]*|@sha256:[0-9a-f]{64})");
        assertThat(one(rendered, HorizontalPodAutoscaler.class).getSpec().getMinReplicas())
                .isGreaterThanOrEqualTo(3);
        assertThat(rendered).allSatisfy(d -> {
            if (!d.kind().equals("Namespace")) {
                assertThat(d.node.path("metadata").path("namespace").asText())
                        .as("namespace of %s", d)
                        .isEqualTo("vigil");
            }
        });
    }

    // ---- what surrounds it

    @Test
    void serviceHpaAndPdbSelectTheDeploymentsPods() throws Exception {
        for (List<Doc> set : sets()) {
            Deployment deployment = one(set, Deployment.class);
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            Service service = one(set, Service.class);
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts())
                    .allSatisfy(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

            HorizontalPodAutoscaler hpa = one(set, HorizontalPodAutoscaler.class);
            if (hpa.getSpec().getScaleTargetRef() != null) {
                assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
                assertThat(hpa.getSpec().getScaleTargetRef().getName())
                        .isEqualTo(deployment.getMetadata().getName());
                assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
                assertThat(hpa.getSpec().getMaxReplicas())
                        .isGreaterThan(hpa.getSpec().getMinReplicas());
            }
            PodDisruptionBudget pdb = one(set, PodDisruptionBudget.class);
            assertThat(podLabels)
                    .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            assertThat(pdb.getSpec().getMaxUnavailable() != null
                            || pdb.getSpec().getMinAvailable() != null)
                    .isTrue();
        }
    }

    @Test
    void ingressesServeOnlyTheApiOverTlsWithoutAccessLogAndWithPerClientLimits() throws Exception {
        for (List<Doc> set : sets()) {
            List<Ingress> ingresses = all(set, Ingress.class);
            assertThat(ingresses).isNotEmpty();
            assertThat(ingresses)
                    .anySatisfy(i -> assertThat(i.getSpec().getRules())
                            .anySatisfy(r -> assertThat(r.getHttp().getPaths())
                                    .anySatisfy(p -> assertThat(p.getPath()).isEqualTo("/api/v1/tips"))));
            for (Ingress ingress : ingresses) {
                Map<String, String> annotations = ingress.getMetadata().getAnnotations();
                assertThat(annotations)
                        .as("no access log: it would write tipsters' addresses")
                        .containsEntry("nginx.ingress.kubernetes.io/enable-access-log", "false");
                assertThat(annotations.keySet())
                        .as("a per-client limit at the ingress")
                        .containsAnyOf(
                                "nginx.ingress.kubernetes.io/limit-rps", "nginx.ingress.kubernetes.io/limit-rpm");
                List<String> tlsHosts = ingress.getSpec().getTls().stream()
                        .flatMap(t -> t.getHosts().stream())
                        .toList();
                assertThat(ingress.getSpec().getTls())
                        .allSatisfy(t -> assertThat(t.getSecretName()).isNotBlank());
                for (var rule : ingress.getSpec().getRules()) {
                    assertThat(tlsHosts).as("TLS for %s", rule.getHost()).contains(rule.getHost());
                    for (var path : rule.getHttp().getPaths()) {
                        assertThat(path.getPath())
                                .as("health and metrics stay inside")
                                .doesNotStartWith("/q");
                        if (path.getPath().equals("/")) {
                            assertThat(path.getPathType())
                                    .as("the home page only, not a prefix of everything")
                                    .isEqualTo("Exact");
                        }
                        if (path.getPath().startsWith("/console")) {
                            assertThat(annotations)
                                    .as("the console only on an allow-listed host")
                                    .containsKey("nginx.ingress.kubernetes.io/whitelist-source-range");
                        }
                        assertThat(path.getBackend().getService().getName()).isEqualTo("vigil");
                    }
                }
            }
        }
    }

    @Test
    void thePublicHostServesTheCitizensPagesAndTheStaffHostTheConsole() throws Exception {
        for (List<Doc> set : sets()) {
            Map<String, List<String>> pathsByHost = new java.util.HashMap<>();
            for (Ingress ingress : all(set, Ingress.class)) {
                for (var rule : ingress.getSpec().getRules()) {
                    rule.getHttp()
                            .getPaths()
                            .forEach(path -> pathsByHost
                                    .computeIfAbsent(rule.getHost(), h -> new java.util.ArrayList<>())
                                    .add(path.getPath()));
                }
            }
            assertThat(pathsByHost)
                    .as("a public host with every citizens' page family and none of the console")
                    .anySatisfy((host, paths) -> assertThat(paths)
                            .contains(
                                    "/",
                                    "/articles",
                                    "/events",
                                    "/checklists",
                                    "/check",
                                    "/tip",
                                    "/follow-up",
                                    "/static")
                            .noneMatch(p -> p.startsWith("/console")))
                    .anySatisfy((host, paths) -> assertThat(paths).contains("/console"));
        }
    }

    @Test
    void networkPolicyAdmitsOnlyTheIngressControllerAndReachesOnlyItsBackends() throws Exception {
        for (List<Doc> set : sets()) {
            Deployment deployment = one(set, Deployment.class);
            NetworkPolicy policy = one(set, NetworkPolicy.class);
            var spec = policy.getSpec();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(spec.getPodSelector().getMatchLabels());
            assertThat(spec.getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(spec.getIngress()).hasSize(1);
            assertThat(spec.getIngress().get(0).getFrom()).singleElement().satisfies(peer -> {
                assertThat(peer.getIpBlock()).isNull();
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
            });
            List<Integer> ports = new ArrayList<>();
            for (NetworkPolicyEgressRule rule : spec.getEgress()) {
                assertThat(rule.getTo())
                        .as("an egress rule without 'to' would allow everywhere")
                        .isNotEmpty();
                assertThat(rule.getPorts())
                        .as("an egress rule without ports would allow every port")
                        .isNotEmpty();
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    assertThat(peer.getIpBlock() == null
                                    || !"0.0.0.0/0".equals(peer.getIpBlock().getCidr()))
                            .isTrue();
                }
                rule.getPorts().forEach(p -> ports.add(p.getPort().getIntVal()));
            }
            assertThat(ports).as("DNS, MariaDB, RabbitMQ, the OIDC provider").contains(53, 3306, 5672, 8443);
        }
    }

    // ---- secrets and settings

    @Test
    void theSecretIsATemplateOfPlaceholdersOnlyAndHasWhatProductionRequires() throws Exception {
        List<Doc> secrets = docs.stream().filter(d -> d.kind().equals("Secret")).toList();
        assertThat(secrets)
                .as("exactly one Secret in k8s/: the template")
                .singleElement()
                .satisfies(d -> assertThat(d.file.getFileName().toString()).isEqualTo("secret.template.yaml"));
        Secret template = YAML.treeToValue(secrets.get(0).node, Secret.class);
        assertThat(template.getData())
                .as("no base64 data: values would hide there")
                .isNullOrEmpty();
        Map<String, String> values = template.getStringData();
        values.forEach((key, value) -> assertThat(value).as("value of %s", key).matches(PLACEHOLDER));
        assertThat(values)
                .containsKeys(
                        "VIGIL_DB_URL",
                        "VIGIL_CRYPTO_ACTIVE_KEY_ID",
                        "VIGIL_CRYPTO_HASH_KEY",
                        "VIGIL_JWT_ISSUER",
                        "VIGIL_JWT_PUBLIC_KEY_LOCATION",
                        "VIGIL_FORWARDING_RABBITMQ_USERNAME",
                        "VIGIL_FORWARDING_RABBITMQ_PASSWORD");
        assertThat(values.keySet()).anySatisfy(k -> assertThat(k).startsWith("VIGIL_CRYPTO_KEYS_"));
        // and no credentials elsewhere: ConfigMaps hold no password, key or JDBC URL
        for (Doc doc : all()) {
            if (doc.kind().equals("ConfigMap")) {
                doc.node
                        .path("data")
                        .fieldNames()
                        .forEachRemaining(k -> assertThat(k)
                                .as("%s: secrets belong in the Secret", doc)
                                .doesNotContain("PASSWORD", "KEY", "DB_URL", "SECRET", "TOKEN"));
            }
        }
    }

    @Test
    void everySettingTheManifestsGiveIsASettingOfTheService() throws Exception {
        Settings settings = Settings.ofService();
        // the ConfigMaps and Secrets that the service's containers take their environment from
        Set<String> sources = new TreeSet<>();
        for (Doc doc : all()) {
            if (doc.kind().equals("Deployment")) {
                doc.node
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .forEach(c -> c.path("envFrom").forEach(e -> {
                            sources.add("ConfigMap "
                                    + e.path("configMapRef").path("name").asText());
                            sources.add(
                                    "Secret " + e.path("secretRef").path("name").asText());
                        }));
            }
        }
        assertThat(sources).contains("ConfigMap vigil-config", "Secret vigil-secrets");
        Map<String, String> given = new LinkedHashMap<>();
        for (Doc doc : all()) {
            if (!doc.kind().equals("Deployment") && !sources.contains(doc.kind() + " " + doc.name())) {
                continue;
            }
            switch (doc.kind()) {
                case "ConfigMap" ->
                    doc.node.path("data").fieldNames().forEachRemaining(k -> given.put(k, doc.toString()));
                case "Secret" ->
                    doc.node.path("stringData").fieldNames().forEachRemaining(k -> given.put(k, doc.toString()));
                case "Deployment" ->
                    doc.node
                            .path("spec")
                            .path("template")
                            .path("spec")
                            .path("containers")
                            .forEach(c -> c.path("env")
                                    .forEach(e -> given.put(e.path("name").asText(), doc.toString())));
                default -> {}
            }
        }
        assertThat(given).containsKeys("VIGIL_TIP_LIMITS_SUBMISSIONS_PER_SOURCE", "VIGIL_FORWARDING_RABBITMQ_HOST");
        List<String> unknown = new ArrayList<>();
        given.forEach((name, where) -> {
            Optional<String> problem = settings.problem(name);
            problem.ifPresent(p -> unknown.add(name + " in " + where + ": " + p));
        });
        assertThat(unknown).isEmpty();
    }

    /**
     * Behind the ingress every request has a controller pod's address, so each per-source limit of the
     * service (every {@code *PerSource} count of a {@code @ConfigMapping}, found in target/classes, not
     * listed here) must be lifted in the ConfigMap to at least the rate of its global cap: the cap of the
     * same name ({@code xGlobal}), else the lowest cap of its group. Values not in the ConfigMap are the
     * service's defaults.
     */
    @Test
    void everyPerSourceLimitIsLiftedBehindTheIngress() throws Exception {
        List<PerSource> limits = PerSource.ofService();
        assertThat(limits)
                .as("per-source limits of the service")
                .extracting(PerSource::env)
                .contains("VIGIL_TIP_LIMITS_SUBMISSIONS_PER_SOURCE", "VIGIL_INDICATOR_LIMITS_CHECKS_PER_SOURCE");
        List<List<Doc>> configs = new ArrayList<>(List.of(docs));
        if (!rendered.isEmpty()) {
            configs.add(rendered);
        }
        for (List<Doc> set : configs) {
            Map<String, String> data = new LinkedHashMap<>();
            set.stream()
                    .filter(d -> d.kind().equals("ConfigMap") && d.name().equals("vigil-config"))
                    .forEach(d -> d.node.path("data")
                            .fields()
                            .forEachRemaining(
                                    e -> data.put(e.getKey(), e.getValue().asText())));
            assertThat(data).as("the vigil-config ConfigMap").isNotEmpty();
            for (PerSource limit : limits) {
                assertThat(data).as("%s is set in the ConfigMap", limit.env()).containsKey(limit.env());
                double perSource = PerSource.perMinute(data, limit.count(), limit.period());
                double global = limit.globals().stream()
                        .mapToDouble(g -> PerSource.perMinute(data, g[0], g[1]))
                        .min()
                        .orElseThrow();
                assertThat(perSource)
                        .as("%s (per minute) lifted to its global cap", limit.env())
                        .isGreaterThanOrEqualTo(global);
            }
        }
    }

    /** A setting by environment name, with the service's default. */
    record Setting(String env, String fallback) {

        String in(Map<String, String> configMap) {
            return configMap.getOrDefault(env, fallback);
        }
    }

    /** A per-source limit (count and period) and the global caps it is compared with. */
    record PerSource(Setting count, Setting period, List<Setting[]> globals) {

        String env() {
            return count.env();
        }

        /** Requests a minute that count over period allow, as the ConfigMap (or the default) sets them. */
        static double perMinute(Map<String, String> configMap, Setting count, Setting period) {
            return Double.parseDouble(count.in(configMap))
                    * 60.0
                    / duration(period.in(configMap)).toSeconds();
        }

        /** SmallRye's durations: ISO-8601, or a number with s, m, h or d. */
        static java.time.Duration duration(String text) {
            if (text.startsWith("P") || text.startsWith("p")) {
                return java.time.Duration.parse(text);
            }
            Matcher m = Pattern.compile("(\\d+)([smhd])").matcher(text);
            assertThat(m.matches()).as("duration %s", text).isTrue();
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> java.time.Duration.ofSeconds(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofDays(n);
            };
        }

        /** Every {@code xPerSource} int of the service's {@code @ConfigMapping} interfaces (groups included). */
        static List<PerSource> ofService() throws Exception {
            List<PerSource> out = new ArrayList<>();
            for (Class<?> type : Settings.serviceClasses()) {
                ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
                if (mapping != null) {
                    collect(type, mapping.prefix(), out);
                }
            }
            return out;
        }

        private static void collect(Class<?> group, String prefix, List<PerSource> out) {
            Map<String, Method> methods = new LinkedHashMap<>();
            for (Method method : group.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers())
                        && !method.isDefault()
                        && method.getParameterCount() == 0) {
                    methods.put(method.getName(), method);
                }
            }
            for (Method method : methods.values()) {
                if (method.getReturnType().isInterface()
                        && method.getReturnType().getName().startsWith("org.vigil")) {
                    collect(method.getReturnType(), prefix + "." + Settings.kebab(method.getName()), out);
                }
            }
            List<Setting[]> allGlobals = new ArrayList<>();
            for (String name : methods.keySet()) {
                if (name.endsWith("Global") && methods.containsKey(name + "Period")) {
                    allGlobals.add(new Setting[] {
                        setting(prefix, methods.get(name)), setting(prefix, methods.get(name + "Period"))
                    });
                }
            }
            for (String name : methods.keySet()) {
                if (name.endsWith("PerSource") && methods.get(name).getReturnType() == int.class) {
                    Method period = methods.get(name + "Period");
                    assertThat(period).as("%s has a period", name).isNotNull();
                    String base = name.substring(0, name.length() - "PerSource".length());
                    List<Setting[]> globals = methods.containsKey(base + "Global")
                            ? java.util.Collections.singletonList(new Setting[] {
                                setting(prefix, methods.get(base + "Global")),
                                setting(prefix, methods.get(base + "GlobalPeriod"))
                            })
                            : allGlobals;
                    assertThat(globals)
                            .as("%s has a global cap to compare with", name)
                            .isNotEmpty();
                    out.add(new PerSource(setting(prefix, methods.get(name)), setting(prefix, period), globals));
                }
            }
        }

        private static Setting setting(String prefix, Method method) {
            io.smallrye.config.WithDefault fallback = method.getAnnotation(io.smallrye.config.WithDefault.class);
            assertThat(fallback).as("%s has a default", method).isNotNull();
            return new Setting(Settings.env(prefix + "." + Settings.kebab(method.getName())), fallback.value());
        }
    }

    @Test
    void settingsCheckKnowsRealSettingsFromTypos() throws Exception {
        Settings settings = Settings.ofService();
        assertThat(settings.problem("VIGIL_TIP_LIMITS_SUBMISSIONS_PER_SOURCE")).isEmpty();
        assertThat(settings.problem("VIGIL_CRYPTO_KEYS_K2027A")).isEmpty();
        assertThat(settings.problem("VIGIL_DB_URL")).isEmpty();
        assertThat(settings.problem("VIGIL_JWT_ISSUER")).isEmpty();
        assertThat(settings.problem("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")).isEmpty();
        assertThat(settings.problem("VIGIL_TIP_LIMITS_SUBMISSION_PER_SOURCE")).isPresent();
        assertThat(settings.problem("VIGIL_FORWARDING_RABBITMQ")).isPresent();
        assertThat(settings.problem("QUARKUS_DATASOURCE_JDBC_MAXSIZE")).isPresent();
        assertThat(settings.problem("QUARKUS_DATASOURCE_DB_KIND"))
                .as("fixed at build time")
                .get()
                .asString()
                .contains("build");
        assertThat(settings.problem("DATABASE_URL")).isPresent();
    }

    /**
     * The settings of the service, as environment variable names (SmallRye: {@code vigil.tip.limits.x}
     * is {@code VIGIL_TIP_LIMITS_X}): the {@code @ConfigMapping} interfaces and {@code @ConfigProperty}
     * injection points of org.vigil, application.properties and the variables it refers to, the
     * database URL variable, and Quarkus' own settings from each extension's configuration model.
     */
    record Settings(List<Pattern> vigil, Set<String> named, Map<String, String> quarkusPhases) {

        /** Every class of the service (target/classes), loaded without initialising it. */
        static List<Class<?>> serviceClasses() throws Exception {
            List<Class<?>> out = new ArrayList<>();
            Path classes = Path.of("target/classes");
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file)
                            .toString()
                            .replace('/', '.')
                            .replaceAll("\\.class$", "");
                    out.add(Class.forName(name, false, KubernetesManifestsTest.class.getClassLoader()));
                }
            }
            return out;
        }

        static Settings ofService() throws Exception {
            List<Pattern> vigil = new ArrayList<>();
            Set<String> named = new TreeSet<>();
            named.add(EmbeddedDbConfigSourceFactory.SERVER_URL_ENV);
            for (Class<?> type : serviceClasses()) {
                ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
                if (mapping != null) {
                    walk(type, mapping.prefix(), vigil);
                }
                for (var field : type.getDeclaredFields()) {
                    ConfigProperty property = field.getAnnotation(ConfigProperty.class);
                    if (property != null) {
                        named.add(env(property.name()));
                    }
                }
                for (var constructor : type.getDeclaredConstructors()) {
                    for (var parameter : constructor.getParameters()) {
                        ConfigProperty property = parameter.getAnnotation(ConfigProperty.class);
                        if (property != null) {
                            named.add(env(property.name()));
                        }
                    }
                }
            }
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
                properties.load(in);
            }
            Matcher reference = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)").matcher("");
            for (String key : properties.stringPropertyNames()) {
                named.add(env(key.replaceFirst("^%[^.]+\\.", "")));
                reference.reset(properties.getProperty(key));
                while (reference.find()) {
                    named.add(env(reference.group(1)));
                }
            }
            return new Settings(vigil, named, quarkusModel());
        }

        Optional<String> problem(String variable) {
            if (JVM_VARIABLES.contains(variable)) {
                return Optional.empty();
            }
            if (!variable.matches("[A-Z0-9_]+")) {
                return Optional.of("not an environment variable name SmallRye maps");
            }
            if (variable.startsWith("QUARKUS_")) {
                String phase = quarkusPhases.get(variable);
                if (phase == null) {
                    return Optional.of("no Quarkus extension of the service has this setting");
                }
                return phase.equals("RUN_TIME")
                        ? Optional.empty()
                        : Optional.of("fixed at build time (" + phase + "): an environment variable cannot change it");
            }
            if (named.contains(variable)
                    || vigil.stream().anyMatch(p -> p.matcher(variable).matches())) {
                return Optional.empty();
            }
            return Optional.of("the service has no such setting");
        }

        /** Walks a mapping interface: groups recurse, maps take any key, the rest are leaves. */
        static void walk(Class<?> type, String prefix, List<Pattern> out) {
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers())
                        || method.isDefault()
                        || method.getParameterCount() > 0
                        || method.getDeclaringClass() == Object.class) {
                    continue;
                }
                WithName withName = method.getAnnotation(WithName.class);
                String name = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
                leafOrGroup(method.getGenericReturnType(), Pattern.quote(env(name)), out);
            }
        }

        private static void leafOrGroup(Type type, String envPattern, List<Pattern> out) {
            if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
                if (raw == Optional.class) {
                    leafOrGroup(p.getActualTypeArguments()[0], envPattern, out);
                    return;
                }
                if (Map.class.isAssignableFrom(raw)) {
                    leafOrGroup(p.getActualTypeArguments()[1], envPattern + "_[A-Z0-9_]+", out);
                    return;
                }
                if (Collection.class.isAssignableFrom(raw)) {
                    out.add(Pattern.compile(envPattern + "(_[0-9]+_)?"));
                    return;
                }
            }
            if (type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("org.vigil")) {
                // a group: recurse with the already-quoted prefix
                for (Method method : c.getMethods()) {
                    if (Modifier.isStatic(method.getModifiers())
                            || method.isDefault()
                            || method.getParameterCount() > 0) {
                        continue;
                    }
                    WithName withName = method.getAnnotation(WithName.class);
                    String segment = env(withName != null ? withName.value() : kebab(method.getName()));
                    leafOrGroup(method.getGenericReturnType(), envPattern + Pattern.quote("_" + segment), out);
                }
                return;
            }
            out.add(Pattern.compile(envPattern));
        }

        /** Every Quarkus setting of the extensions on the classpath, by environment name, with its phase. */
        static Map<String, String> quarkusModel() throws IOException {
            Map<String, String> phases = new HashMap<>();
            ObjectMapper json = new ObjectMapper();
            Enumeration<URL> models = KubernetesManifestsTest.class
                    .getClassLoader()
                    .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
            int count = 0;
            while (models.hasMoreElements()) {
                try (InputStream in = models.nextElement().openStream()) {
                    collect(json.readTree(in), phases);
                    count++;
                }
            }
            assertThat(count)
                    .as("Quarkus configuration models on the classpath")
                    .isGreaterThan(5);
            return phases;
        }

        private static void collect(JsonNode node, Map<String, String> phases) {
            if (node.isObject()) {
                JsonNode phase = node.get("phase");
                if (phase != null && node.has("path")) {
                    phases.put(node.path("path").path("environmentVariable").asText(), phase.asText());
                    node.path("additionalPaths")
                            .forEach(a ->
                                    phases.put(a.path("environmentVariable").asText(), phase.asText()));
                }
                node.elements().forEachRemaining(child -> collect(child, phases));
            } else if (node.isArray()) {
                node.forEach(child -> collect(child, phases));
            }
        }

        static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        }

        static String env(String property) {
            return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
        }
    }

    // ---- helpers

    private List<Doc> all() {
        List<Doc> all = new ArrayList<>(docs);
        if (rendered != null) {
            all.addAll(rendered);
        }
        return all;
    }

    /** The base, and the rendered overlay where kubectl exists: each a complete set of objects. */
    private List<List<Doc>> sets() {
        List<Doc> base = docs.stream()
                .filter(d -> d.file.startsWith(K8S.resolve("base")))
                .toList();
        return rendered == null ? List.of(base) : List.of(base, rendered);
    }

    private <T> List<T> inEverySet(Class<T> type) throws Exception {
        List<T> out = new ArrayList<>();
        for (List<Doc> set : sets()) {
            out.addAll(all(set, type));
        }
        return out;
    }

    private static <T> List<T> all(List<Doc> set, Class<T> type) throws Exception {
        List<T> out = new ArrayList<>();
        for (Doc doc : set) {
            if (MODEL.get(doc.key()) == type) {
                out.add(YAML.treeToValue(doc.node, type));
            }
        }
        return out;
    }

    private static <T> T one(List<Doc> set, Class<T> type) throws Exception {
        List<T> found = all(set, type);
        assertThat(found).as("one %s", type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static String httpGet(Probe probe, String which) {
        assertThat(probe).as("%s probe", which).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as("%s probe is an HTTP GET", which).isNotNull();
        assertThat(get.getPort().getStrVal()).as("%s probe port", which).isEqualTo("http");
        return get.getPath();
    }

    /** Fields the model did not know end up in additionalProperties: report them with their path. */
    static void unknownFields(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String field = getter.getName().substring(3);
            unknownFields(
                    child, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1), problems, seen);
        }
    }
}
