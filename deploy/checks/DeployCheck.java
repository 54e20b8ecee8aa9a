import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Traffic and verdicts of the replica and crash checks (deploy/checks/*.sh), run with the java source
 * launcher on the packaged service's own libraries. Each command prints what it saw and exits 1 on a
 * broken promise. Arguments are key=value.
 *
 *   replicas  base1= base2= db= rabbit= queue= staleness=   tips, claims, edits, a scheduled article, through two instances
 *   load      base= seconds= concurrency= out= [ready=]     tips until the time is up, retried like a phone
 *   verify    db= rabbit= queue= refs= [exactlyOnce=]       every 201 stored once and forwarded
 *   retention db= tips=                                     no tip purged twice by the replicas' jobs
 */
public class DeployCheck {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final String ISSUER = "https://vigil.check/issuer";
    /** The audience lib.sh gives the service (VIGIL_JWT_AUDIENCE). */
    static final String AUDIENCE = "vigil-check";

    static Map<String, String> args = new HashMap<>();
    static final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] argv) throws Exception {
        for (int i = 1; i < argv.length; i++) {
            args.put(argv[i].substring(0, argv[i].indexOf('=')), argv[i].substring(argv[i].indexOf('=') + 1));
        }
        try {
            switch (argv[0]) {
                case "replicas" -> replicas();
                case "load" -> load();
                case "verify" -> verify();
                case "retention" -> retention();
                default -> throw new IllegalArgumentException(argv[0]);
            }
        } catch (Throwable e) {
            e.printStackTrace();
            failures.add(argv[0] + " stopped: " + e);
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        // exit explicitly: a worker thread left behind must not keep the check (and CI) waiting
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static String arg(String name) {
        String value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name + "=");
        }
        return value;
    }

    static String arg(String name, String otherwise) {
        return args.getOrDefault(name, otherwise);
    }

    static void expect(boolean condition, String what) {
        if (!condition) {
            failures.add(what);
        }
    }

    static void say(String format, Object... values) {
        System.out.printf("  " + format + "%n", values);
    }

    // ---- two replicas

    static void replicas() throws Exception {
        String[] bases = {arg("base1"), arg("base2")};
        int tips = Integer.parseInt(arg("tips", "240"));
        ExecutorService pool = Executors.newFixedThreadPool(16);

        // 1. concurrent tips through both; a tenth of them sent twice at once with one Idempotency-Key, once to each
        long t0 = System.nanoTime();
        Set<String> refs = ConcurrentHashMap.newKeySet();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger sameKeyPairs = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < tips; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                String key = UUID.randomUUID().toString();
                if (n % 10 == 0) {
                    // a phone retrying on another replica while the first attempt is still in flight
                    var a = CompletableTip.send(bases[0], key, n);
                    var b = CompletableTip.send(bases[1], key, n);
                    String ra = a.get(), rb = b.get();
                    expect(
                            ra != null && ra.equals(rb),
                            "one Idempotency-Key through both replicas gave " + ra + " and " + rb);
                    if (ra != null) {
                        refs.add(ra);
                        created.incrementAndGet();
                    }
                    sameKeyPairs.incrementAndGet();
                } else {
                    String ref = postTip(bases[n % 2], key, n, 3);
                    expect(ref != null, "tip " + n + " was not accepted");
                    if (ref != null) {
                        expect(refs.add(ref), "reference " + ref + " given twice");
                        created.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        say(
                "tips: %d answered 201 (%d of them sent to both replicas at once with one Idempotency-Key) in %d ms",
                created.get(), sameKeyPairs.get(), (System.nanoTime() - t0) / 1_000_000);
        Files.write(Path.of(arg("refs")), refs);

        // 2. two officers race for the same tips, each through another replica
        List<String> raced = new ArrayList<>(refs).subList(0, Math.min(80, refs.size()));
        String lan = bearer("officer.lan", "officer", "VN-31");
        String minh = bearer("officer.minh", "officer", "VN-31");
        Map<String, String> winners = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        work.clear();
        for (String ref : raced) {
            work.add(pool.submit(() -> {
                CountDownLatch go = new CountDownLatch(1);
                var a = Executors.newFixedThreadPool(2); // shut down below
                Future<Integer> byLan = a.submit(() -> {
                    go.await();
                    return claim(bases[0], ref, lan);
                });
                Future<Integer> byMinh = a.submit(() -> {
                    go.await();
                    return claim(bases[1], ref, minh);
                });
                go.countDown();
                int sa = byLan.get(), sb = byMinh.get();
                a.shutdown();
                List<Integer> statuses = new ArrayList<>(List.of(sa, sb));
                Collections.sort(statuses);
                expect(
                        statuses.equals(List.of(200, 409)),
                        "claims of " + ref + " answered " + sa + " and " + sb + ", expected one 200 and one 409");
                if (sa == 200) {
                    winners.put(ref, "officer.lan");
                } else if (sb == 200) {
                    winners.put(ref, "officer.minh");
                }
                conflicts.addAndGet((sa == 409 ? 1 : 0) + (sb == 409 ? 1 : 0));
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        try (var db = DriverManager.getConnection(arg("db"))) {
            for (var claimed : winners.entrySet()) {
                try (var st = db.prepareStatement(
                        "SELECT tt.assignee FROM tip_triage tt JOIN tip t ON t.id = tt.tip_id WHERE t.reference = ?")) {
                    st.setString(1, claimed.getKey());
                    ResultSet rs = st.executeQuery();
                    expect(
                            rs.next() && claimed.getValue().equals(rs.getString(1)),
                            "tip " + claimed.getKey() + " answered 200 to " + claimed.getValue()
                                    + " but the database has another assignee");
                }
            }
        }
        say(
                "claims: %d tips raced by two officers through different replicas: %d won once each, %d answered 409",
                raced.size(), winners.size(), conflicts.get());

        // 3. article edits through both, and how long until both replicas serve the edit
        Duration staleness = Duration.ofMillis((long) (Double.parseDouble(arg("staleness")) * 1000));
        editsAndStaleness(bases, staleness);
        // 4. an article scheduled through one replica appears at its moment on both, not before
        scheduledPublication(bases, staleness);
        pool.shutdown();
    }

    /** A tip sent asynchronously, for the same-key pairs. */
    static final class CompletableTip {
        static final ExecutorService SENDERS = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "same-key-sender");
            thread.setDaemon(true);
            return thread;
        });

        static Future<String> send(String base, String key, int n) {
            return SENDERS.submit(() -> postTip(base, key, n, 3));
        }
    }

    static void editsAndStaleness(String[] bases, Duration bound) throws Exception {
        String editor = bearer("editor.check", "editor", null);
        String slug = "replica-check-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("lang", "en");
        body.put("category", "online-fraud");
        body.put("title", "Replica check v0");
        body.put("summary", "An article the replica check edits");
        body.put("bodyMarkdown", "## Signs\n\n- High pay for easy work\n");
        body.put("tags", List.of("replica-check"));
        body.put("source", "Vigil deploy check");
        body.put("licence", "CC BY 4.0");
        var created = send(HttpRequest.newBuilder(URI.create(bases[0] + "/api/v1/admin/articles"))
                .header("Authorization", editor)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        expect(
                created.statusCode() == 201,
                "article creation answered " + created.statusCode() + ": " + created.body());
        long id = JSON.readTree(created.body()).path("id").asLong();
        var published = send(HttpRequest.newBuilder(URI.create(bases[1] + "/api/v1/admin/articles/" + id + "/publish"))
                .header("Authorization", editor)
                .header("If-Match", created.headers().firstValue("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(published.statusCode() == 200, "publish answered " + published.statusCode());
        String etag = published.headers().firstValue("ETag").orElseThrow();
        // both replicas have read it (and may have cached it) before the edits
        for (String base : bases) {
            get(base + "/api/v1/articles/" + slug);
        }
        long worst = 0;
        for (int v = 1; v <= 4; v++) {
            body.put("title", "Replica check v" + v);
            String json = JSON.writeValueAsString(body);
            // two editors change the same version at once, one through each replica: one wins, one gets 412
            // each replica reads (and may cache) the current version a few times before it changes
            for (int read = 0; read < 3; read++) {
                for (String base : bases) {
                    get(base + "/api/v1/articles/" + slug);
                }
            }
            String match = etag;
            String losing = json.replace("Replica check v" + v, "Replica check v" + v + " (lost)");
            var pool = Executors.newFixedThreadPool(2);
            Future<HttpResponse<String>> a =
                    pool.submit(() -> send(HttpRequest.newBuilder(URI.create(bases[0] + "/api/v1/admin/articles/" + id))
                            .header("Authorization", editor)
                            .header("If-Match", match)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json))));
            Future<HttpResponse<String>> b =
                    pool.submit(() -> send(HttpRequest.newBuilder(URI.create(bases[1] + "/api/v1/admin/articles/" + id))
                            .header("Authorization", editor)
                            .header("If-Match", match)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(losing))));
            var ra = a.get();
            var rb = b.get();
            pool.shutdown();
            List<Integer> statuses = new ArrayList<>(List.of(ra.statusCode(), rb.statusCode()));
            Collections.sort(statuses);
            // the loser is refused either before the write (412: If-Match is stale) or at its commit (409: the version
            // moved)
            expect(
                    statuses.equals(List.of(200, 409)) || statuses.equals(List.of(200, 412)),
                    "two edits of one version answered " + statuses + ", expected one 200 and one 409 or 412");
            var winner = ra.statusCode() == 200 ? ra : rb;
            String title = JSON.readTree(winner.body()).path("title").asText();
            etag = winner.headers().firstValue("ETag").orElseThrow();
            long edited = System.nanoTime();
            // until both replicas serve the edit: no longer than the documented bound
            for (String base : bases) {
                while (true) {
                    var read = get(base + "/api/v1/articles/" + slug);
                    if (title.equals(JSON.readTree(read.body()).path("title").asText())) {
                        String cacheControl =
                                read.headers().firstValue("Cache-Control").orElse("");
                        expect(cacheControl.contains("max-age="), "a public read without max-age: " + cacheControl);
                        break;
                    }
                    if (System.nanoTime() - edited > bound.toNanos() + 2_000_000_000L) {
                        failures.add(base + " still served an older title " + (System.nanoTime() - edited) / 1_000_000
                                + " ms after the edit (bound " + bound.toMillis() + " ms)");
                        break;
                    }
                    Thread.sleep(100);
                }
            }
            worst = Math.max(worst, (System.nanoTime() - edited) / 1_000_000);
            // every replica gives the same ETag for the same version
            Set<String> etags = new HashSet<>();
            for (String base : bases) {
                etags.add(get(base + "/api/v1/articles/" + slug)
                        .headers()
                        .firstValue("ETag")
                        .orElse(""));
            }
            expect(etags.size() == 1, "replicas gave different ETags for one version: " + etags);
        }
        say(
                "article edits: 4 rounds of two simultaneous edits of one version through both replicas: one 200 and one 409/412"
                        + " each time; both replicas"
                        + " served each edit after at most %d ms (bound: in-process cache TTL %d ms)",
                worst, bound.toMillis());
    }

    /**
     * An article scheduled through replica 2 for a moment two cache TTLs ahead: both replicas are read
     * every 100 ms until after it (so each holds cached answers loaded just before the moment), and no
     * answer received before the moment shows the article, while every answer to a request sent from
     * the moment on shows it (a little slack for the two clock readings), with no write to tell them.
     */
    static void scheduledPublication(String[] bases, Duration ttl) throws Exception {
        String editor = bearer("editor.check", "editor", null);
        String tag = "scheduled-" + UUID.randomUUID().toString().substring(0, 8);
        String slug = "replica-check-" + tag;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("lang", "en");
        body.put("category", "online-fraud");
        body.put("title", "Replica check, scheduled");
        body.put("summary", "An article the replica check schedules");
        body.put("bodyMarkdown", "Published at peak hours.\n");
        body.put("tags", List.of(tag));
        body.put("source", "Vigil deploy check");
        var created = send(HttpRequest.newBuilder(URI.create(bases[0] + "/api/v1/admin/articles"))
                .header("Authorization", editor)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        expect(created.statusCode() == 201, "article creation answered " + created.statusCode());
        long id = JSON.readTree(created.body()).path("id").asLong();
        Instant at = Instant.now().plus(ttl.multipliedBy(2)).plusSeconds(2);
        var scheduled = send(HttpRequest.newBuilder(URI.create(bases[1] + "/api/v1/admin/articles/" + id + "/schedule"))
                .header("Authorization", editor)
                .header("If-Match", created.headers().firstValue("ETag").orElseThrow())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"publishAt\":\"" + at + "\"}")));
        expect(
                scheduled.statusCode() == 200,
                "scheduling answered " + scheduled.statusCode() + ": " + scheduled.body());
        List<String> reads = List.of(
                "/api/v1/articles?lang=en&tag=" + tag,
                "/api/v1/articles?lang=en&tag=" + tag + "&updatedSince=2000-01-01T00:00:00Z",
                "/feeds/articles.atom?lang=en",
                "/api/v1/articles/" + slug,
                "/articles/" + slug + "?lang=en");
        Instant slack = at.plusMillis(250);
        int early = 0, late = 0, seen = 0;
        List<String> wrong = new ArrayList<>();
        while (Instant.now().isBefore(at.plusSeconds(3))) {
            for (String base : bases) {
                for (String path : reads) {
                    Instant sent = Instant.now();
                    var read = get(base + path);
                    Instant received = Instant.now();
                    boolean shows = read.statusCode() == 200 && read.body().contains(slug);
                    if (shows && received.isBefore(at)) {
                        early++;
                        wrong.add(base + path + " showed it "
                                + Duration.between(received, at).toMillis() + " ms before its moment");
                    } else if (!shows && !sent.isBefore(slack)) {
                        late++;
                        wrong.add(base + path + " answered " + read.statusCode() + " without it "
                                + Duration.between(at, sent).toMillis() + " ms after its moment");
                    } else if (shows) {
                        seen++;
                    }
                }
            }
            Thread.sleep(100);
        }
        expect(
                wrong.isEmpty(),
                "scheduled publication: " + early + " early and " + late + " late answers, first "
                        + wrong.stream().limit(3).toList());
        expect(seen > 0, "no read ever showed the scheduled article");
        say(
                "scheduled publication: an article scheduled through replica 2 appeared on both replicas (lists, delta"
                        + " sync, Atom feed, API, page) at its moment, in %d answers, none before it, none late",
                seen);
    }

    // ---- a tip load, retried like a phone on a bad network

    static void load() throws Exception {
        String base = arg("base");
        long until = System.nanoTime()
                + Duration.ofSeconds(Long.parseLong(arg("seconds"))).toNanos();
        int concurrency = Integer.parseInt(arg("concurrency", "6"));
        Set<String> refs = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency + 1);
        ConcurrentLinkedQueue<String> readiness = new ConcurrentLinkedQueue<>();
        String ready = args.get("ready");
        if (ready != null) {
            pool.submit(() -> watchReadiness(ready, until, readiness));
        }
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < until) {
                    String key = UUID.randomUUID().toString();
                    // one tip: repeated with its key until it is answered 201 (or a minute has gone)
                    long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    int attempt = 0;
                    while (true) {
                        Result r = tryTip(base, key, client * 100_000 + n);
                        outcomes.computeIfAbsent(r.outcome, k -> new AtomicInteger())
                                .incrementAndGet();
                        if (r.reference != null) {
                            refs.add(r.reference);
                            started(arg("out"));
                            break;
                        }
                        if (System.nanoTime() > giveUp) {
                            failures.add("a tip was not accepted within a minute of retries: last " + r.outcome);
                            break;
                        }
                        attempt++;
                        retried.incrementAndGet();
                        Thread.sleep(Math.min(1000, 100L * attempt));
                    }
                    n++;
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdownNow();
        Files.write(Path.of(arg("out")), refs);
        say(
                "load: %d tips answered 201; answers %s; %d retries with the same Idempotency-Key",
                refs.size(), new TreeMap<>(outcomes), retried.get());
        if (ready != null) {
            say("readiness of %s: %s", ready, String.join(" ", readiness));
            Files.write(Path.of(arg("out") + ".readiness"), readiness);
        }
    }

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /**
     * Marks {@code <out>.started} at the first 201, for scripts that crash something under the load:
     * on a loaded machine this program itself can take many seconds to compile and start.
     */
    static void started(String out) {
        if (STARTED.compareAndSet(false, true)) {
            try {
                Files.writeString(Path.of(out + ".started"), "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Object watchReadiness(String base, long until, ConcurrentLinkedQueue<String> timeline)
            throws InterruptedException {
        long start = System.nanoTime();
        String last = null;
        while (System.nanoTime() < until) {
            String state;
            try {
                var r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                state = r.statusCode() == 200 ? "UP" : "DOWN(" + r.statusCode() + ")";
            } catch (Exception e) {
                state = "UNREACHABLE";
            }
            if (!state.equals(last)) {
                timeline.add(String.format("%.1fs:%s", (System.nanoTime() - start) / 1e9, state));
                last = state;
            }
            Thread.sleep(200);
        }
        return null;
    }

    record Result(String reference, String outcome) {}

    static Result tryTip(String base, String key, int n) {
        try {
            var r = HTTP.send(tipRequest(base, key, n), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                return new Result(JSON.readTree(r.body()).path("reference").asText(), "201");
            }
            if (r.statusCode() >= 500) {
                // an unreachable database is the client's cue to retry later, not an internal error
                expect(
                        r.statusCode() == 503
                                && r.headers().firstValue("Retry-After").isPresent(),
                        "a " + r.statusCode() + " instead of a 503 with Retry-After: " + r.body());
                expect(
                        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        "a " + r.statusCode() + " that is not problem+json: " + r.body());
                expect(
                        !r.body().contains("SQL") && !r.body().contains("Exception"),
                        "a 5xx leaked internals: " + r.body());
            }
            return new Result(null, String.valueOf(r.statusCode()));
        } catch (IOException e) {
            return new Result(null, "connection-failed");
        } catch (Exception e) {
            return new Result(null, e.getClass().getSimpleName());
        }
    }

    static HttpRequest tipRequest(String base, String key, int n) throws IOException {
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("category", n % 3 == 0 ? "human-trafficking" : "online-fraud");
        tip.put("narrative", "Deploy check tip " + n + ": a recruiter offers easy work abroad for high pay.");
        tip.put("inDangerNow", n % 7 == 0);
        tip.put("lang", "en");
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/tips"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(tip)))
                .build();
    }

    static String postTip(String base, String key, int n, int attempts) throws Exception {
        for (int i = 0; i < attempts; i++) {
            Result r = tryTip(base, key, n);
            if (r.reference != null) {
                return r.reference;
            }
            Thread.sleep(200);
        }
        return null;
    }

    static int claim(String base, String ref, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/police/tips/" + ref + "/claim"))
                        .header("Authorization", token)
                        .POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode();
    }

    // ---- verdicts from the database and the broker

    static void verify() throws Exception {
        List<String> refs = Files.readAllLines(Path.of(arg("refs")));
        boolean exactlyOnce = Boolean.parseBoolean(arg("exactlyOnce", "true"));
        try (var db = DriverManager.getConnection(arg("db"))) {
            // every 201 is a tip, stored once
            Map<String, Integer> stored = new HashMap<>();
            try (ResultSet rs =
                    db.createStatement().executeQuery("SELECT reference, COUNT(*) FROM tip GROUP BY reference")) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getInt(2));
                }
            }
            long missing = refs.stream().filter(r -> !stored.containsKey(r)).count();
            expect(missing == 0, missing + " tips answered 201 are not in the database");
            expect(stored.values().stream().allMatch(c -> c == 1), "a reference stored twice");
            if (Boolean.parseBoolean(arg("allKnown", "false"))) {
                Set<String> known = new HashSet<>(refs);
                long unknown =
                        stored.keySet().stream().filter(r -> !known.contains(r)).count();
                expect(
                        unknown == 0,
                        unknown
                                + " stored tips were never answered 201 (a retry with the same key made a second tip?)");
            }
            // every tip has its event, and the relays deliver them all
            long deadline = System.nanoTime()
                    + Duration.ofSeconds(Long.parseLong(arg("drainSeconds", "60")))
                            .toNanos();
            long pending;
            while (true) {
                try (ResultSet rs = db.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM outbox_event WHERE state <> 'DELIVERED'")) {
                    rs.next();
                    pending = rs.getLong(1);
                }
                if (pending == 0 || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(500);
            }
            expect(pending == 0, pending + " outbox events not delivered after the drain time");
            Map<String, String> eventOfTip = new HashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT event_id, payload FROM outbox_event")) {
                while (rs.next()) {
                    String ref =
                            JSON.readTree(rs.getString(2)).path("reference").asText();
                    expect(eventOfTip.put(ref, rs.getString(1)) == null, "two events for tip " + ref);
                }
            }
            expect(
                    eventOfTip.keySet().equals(stored.keySet()),
                    "tips and outbox events differ: " + stored.size() + " tips, " + eventOfTip.size() + " events");

            // what the case system received
            Map<String, Integer> received = new HashMap<>();
            Map<String, String> refOfEvent = new HashMap<>();
            ConnectionFactory factory = new ConnectionFactory();
            String rabbit = arg("rabbit");
            factory.setHost(rabbit.substring(0, rabbit.lastIndexOf(':')));
            factory.setPort(Integer.parseInt(rabbit.substring(rabbit.lastIndexOf(':') + 1)));
            try (Connection connection = factory.newConnection("vigil-deploy-check");
                    Channel channel = connection.createChannel()) {
                GetResponse message;
                while ((message = channel.basicGet(arg("queue"), true)) != null) {
                    String id = message.getProps().getMessageId();
                    received.merge(id, 1, Integer::sum);
                    JsonNode event = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
                    expect(
                            id.equals(event.path("eventId").asText()),
                            "message-id " + id + " is not the payload's eventId");
                    String previous = refOfEvent.put(id, event.path("reference").asText());
                    expect(
                            previous == null
                                    || previous.equals(event.path("reference").asText()),
                            "event " + id + " named two tips");
                    expect(!event.has("narrative"), "an event carries the tipster's narrative");
                }
                if (Boolean.parseBoolean(arg("deleteQueue", "true"))) {
                    channel.queueDelete(arg("queue"));
                }
            }
            long notForwarded = refs.stream()
                    .filter(r -> !received.containsKey(eventOfTip.get(r)))
                    .count();
            expect(notForwarded == 0, notForwarded + " tips answered 201 never reached RabbitMQ");
            Set<String> unknownEvents = new HashSet<>(received.keySet());
            unknownEvents.removeAll(new HashSet<>(eventOfTip.values()));
            expect(
                    unknownEvents.isEmpty(),
                    unknownEvents.size() + " messages with an event id the outbox does not have");
            long repeated = received.values().stream().filter(c -> c > 1).count();
            int messages =
                    received.values().stream().mapToInt(Integer::intValue).sum();
            if (exactlyOnce) {
                expect(repeated == 0, repeated + " events reached RabbitMQ more than once");
            }
            say(
                    "verified: %d tips answered 201, %d tips stored (each once), %d outbox events all delivered; RabbitMQ got %d"
                            + " messages for %d distinct event ids (%d repeated with the same event id), every 201 tip among them",
                    refs.size(), stored.size(), eventOfTip.size(), messages, received.size(), repeated);
        }
    }

    // ---- the retention job on both replicas

    static void retention() throws Exception {
        int expected;
        long deadline = System.nanoTime()
                + Duration.ofSeconds(Long.parseLong(arg("seconds", "60"))).toNanos();
        try (var db = DriverManager.getConnection(arg("db"))) {
            try (ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM retention_check_tip")) {
                rs.next();
                expected = rs.getInt(1);
            }
            long purged;
            while (true) {
                try (ResultSet rs = db.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM tip_triage tt JOIN retention_check_tip r"
                                + " ON r.tip_id = tt.tip_id WHERE tt.content_purged_at IS NOT NULL")) {
                    rs.next();
                    purged = rs.getLong(1);
                }
                if (purged == expected || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(500);
            }
            expect(purged == expected, "the retention jobs purged " + purged + " of " + expected + " tips in time");
            Map<Long, Integer> runs = new HashMap<>();
            try (ResultSet rs = db.createStatement()
                    .executeQuery("SELECT tip_id, COUNT(*) FROM retention_check_purge GROUP BY tip_id")) {
                while (rs.next()) {
                    runs.put(rs.getLong(1), rs.getInt(2));
                }
            }
            long twice = runs.values().stream().filter(c -> c > 1).count();
            expect(twice == 0, twice + " tips were purged more than once");
            try (ResultSet rs = db.createStatement()
                    .executeQuery(
                            "SELECT COUNT(*) FROM tip_triage tt JOIN retention_check_tip r"
                                    + " ON r.tip_id = tt.tip_id JOIN tip t ON t.id = tt.tip_id WHERE t.place_enc IS NOT NULL OR t.contact_enc IS NOT NULL")) {
                rs.next();
                expect(rs.getLong(1) == 0, rs.getLong(1) + " purged tips still have content");
            }
            say(
                    "retention: %d closed tips purged by the jobs of both replicas (batches of a few, every second), each exactly once",
                    runs.size());
        }
    }

    // ---- HTTP and tokens

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en"));
    }

    /** A bearer token as the OIDC provider would issue it, signed with the check's key (config/dev-jwt). */
    static String bearer(String user, String role, String region) {
        try {
            String pem = Files.readString(Path.of(arg("jwtKey")));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            long now = Instant.now().getEpochSecond();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", ISSUER);
            claims.put("aud", AUDIENCE);
            claims.put("sub", user);
            claims.put("upn", user);
            claims.put("groups", List.of(role));
            if (region != null) {
                claims.put("region", region);
            }
            claims.put("iat", now);
            claims.put("exp", now + 3600);
            claims.put("jti", UUID.randomUUID().toString());
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput =
                    b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                            + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + signingInput + "." + b64.encodeToString(rs256.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
