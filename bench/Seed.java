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
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds a running Vigil through its real API: articles, checklists and events as an editor (a JWT
 * signed with the bench's per-run key), tips as anonymous citizens (encrypted by the service).
 * Deterministic content (fixed random seed), so runs are comparable.
 *
 * <p>Usage: {@code java Seed.java <baseUrl> <privateKey.pem> <issuer> <outDir>}; writes the slugs and
 * ETags the wrk scenarios need into outDir.
 */
public class Seed {

    static final int ARTICLE_PAIRS = 500; // 1,000 articles: vi + en
    static final int CHECKLIST_PAIRS = 25; // 50 checklists
    static final int EVENTS = 200;
    static final int TIPS = 10_000;
    static final int CONCURRENCY = 16;

    static final String[] VI = ("cảnh giác lừa đảo việc nhẹ lương cao nước ngoài tài khoản ngân hàng công an tỉnh "
                    + "người dân chuyển tiền đối tượng giả danh cán bộ mạng xã hội tuyển dụng lao động hộ chiếu biên giới "
                    + "tiền chuộc đánh đập gia đình trình báo kịp thời thủ đoạn tinh vi số điện thoại đường dây nạn nhân "
                    + "học sinh sinh viên thanh niên xã phường huyện thông tin cá nhân mật khẩu mã OTP ví điện tử")
            .split(" ");
    static final String[] EN =
            ("beware fraud easy well paid jobs abroad bank account provincial police people transfer "
                            + "money suspects impersonate officers social media recruitment workers passport border ransom beaten "
                            + "family report promptly sophisticated tricks phone number ring victims students young commune district "
                            + "personal information password OTP code e-wallet")
                    .split(" ");
    static final String[] ARTICLE_CATEGORIES = {"human-trafficking", "online-fraud", "illegal-exit", "forced-labour"};
    static final String[] SCAM_TYPES = {
        "fake-job-abroad",
        "impersonated-police",
        "investment-fraud",
        "virtual-currency",
        "romance-scam",
        "loan-app",
        "ecommerce-refund",
        "online-task",
        "phishing-link",
        "other"
    };
    static final String[] TIP_CATEGORIES = {
        "human-trafficking", "forced-labour", "illegal-exit", "kidnapping-ransom", "online-fraud", "other"
    };
    static final String[] REGIONS = {
        "khanh-hoa", "khanh-hoa.phan-rang", "khanh-hoa.nha-trang", "khanh-hoa.cam-ranh", "gia-lai", "dak-lak"
    };
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    static final Pattern SLUG = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"");

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String base;
    final String editorToken;

    Seed(String base, String editorToken) {
        this.base = base;
        this.editorToken = editorToken;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        PrivateKey key = privateKey(Path.of(args[1]));
        String token = jwt(key, args[2]);
        Path out = Path.of(args[3]);
        Seed seed = new Seed(base, token);
        long started = System.nanoTime();

        List<String> articleSlugs =
                seed.parallel("articles (vi, en) created and published", ARTICLE_PAIRS * 2, seed::article);
        List<String> checklistSlugs =
                seed.parallel("checklists created and published", CHECKLIST_PAIRS * 2, seed::checklist);
        seed.parallel("events created", EVENTS, seed::event);
        seed.parallel("tips submitted (POST /api/v1/tips, encrypted by the service)", TIPS, seed::tip);

        // The wrk scenarios read these: a published vi article, and a vi checklist with its item ids.
        String slug = articleSlugs.get(0);
        Files.writeString(out.resolve("article-slug"), slug);
        String checklist = checklistSlugs.stream()
                .filter(s -> s.endsWith("-vi"))
                .findFirst()
                .orElseThrow();
        Files.writeString(out.resolve("checklist-slug"), checklist);
        Files.writeString(out.resolve("assessment.json"), assessment(seed.get("/api/v1/checklists/" + checklist)));
        System.out.printf("  seeded in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    // ---- content

    String article(int n) {
        int pair = n / 2;
        boolean vi = n % 2 == 0;
        Random r = new Random(pair * 31L + (vi ? 1 : 2));
        String[] words = vi ? VI : EN;
        String lang = vi ? "vi" : "en";
        String title = capitalise(sentence(r, words, 6 + r.nextInt(6)));
        String slug = "bai-" + pair + "-" + lang;
        StringBuilder body = new StringBuilder();
        for (int section = 0; section < 3 + r.nextInt(3); section++) {
            body.append("## ")
                    .append(capitalise(sentence(r, words, 3 + r.nextInt(4))))
                    .append("\n\n");
            body.append(paragraph(r, words)).append("\n\n");
            for (int item = 0; item < 3; item++) {
                body.append("- ")
                        .append(capitalise(sentence(r, words, 5 + r.nextInt(6))))
                        .append('\n');
            }
            body.append('\n').append(paragraph(r, words)).append("\n\n");
        }
        String json =
                "{" + field("slug", slug) + "," + field("translationKey", "pair-" + pair) + "," + field("lang", lang)
                        + "," + field("category", ARTICLE_CATEGORIES[pair % ARTICLE_CATEGORIES.length]) + ","
                        + field("title", title)
                        + "," + field("summary", capitalise(sentence(r, words, 20 + r.nextInt(15))) + ".")
                        + "," + field("bodyMarkdown", body.toString())
                        + ",\"tags\":[\"" + (vi ? "canh-bao" : "warning") + "\",\"tag-" + (pair % 20) + "\"]"
                        + "," + field("source", vi ? "Công an tỉnh" : "Provincial police") + ","
                        + field("licence", "CC BY 4.0") + "}";
        String created = send("POST", "/api/v1/admin/articles", json, 201, null);
        send("POST", "/api/v1/admin/articles/" + id(created) + "/publish", null, 200, etag(created));
        return slug;
    }

    String checklist(int n) {
        int pair = n / 2;
        boolean vi = n % 2 == 0;
        Random r = new Random(1000 + pair * 31L + (vi ? 1 : 2));
        String[] words = vi ? VI : EN;
        String lang = vi ? "vi" : "en";
        String slug = "kiem-tra-" + pair + "-" + lang;
        StringBuilder items = new StringBuilder();
        int count = 8 + pair % 5;
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",")
                    .append("{")
                    .append(field("id", "q" + i))
                    .append(",")
                    .append(field("text", capitalise(sentence(r, words, 10 + r.nextInt(8))) + "?"))
                    .append(",\"weight\":")
                    .append(1 + r.nextInt(10))
                    .append("}");
        }
        String json = "{" + field("slug", slug) + "," + field("lang", lang) + ","
                + field("translationKey", "checklist-" + pair)
                + "," + field("scamType", SCAM_TYPES[pair % SCAM_TYPES.length])
                + "," + field("title", capitalise(sentence(r, words, 7)) + "?")
                + "," + field("introduction", paragraph(r, words))
                + ",\"items\":[" + items + "]"
                + ",\"bands\":{\"low\":{\"minPercent\":0," + field("advice", paragraph(r, words)) + "},"
                + "\"medium\":{\"minPercent\":30," + field("advice", paragraph(r, words)) + "},"
                + "\"high\":{\"minPercent\":60," + field("advice", paragraph(r, words)) + "}}"
                + ",\"relatedArticles\":[\"bai-" + pair + "-" + lang + "\"]}";
        String created = send("POST", "/api/v1/admin/checklists", json, 201, null);
        send("POST", "/api/v1/admin/checklists/" + id(created) + "/publish", null, 200, etag(created));
        return slug;
    }

    String event(int n) {
        Random r = new Random(5000 + n);
        boolean vi = n % 2 == 0;
        String[] words = vi ? VI : EN;
        // from 25 days ago to about a year ahead: most are in the calendar feed's window
        LocalDateTime start = LocalDateTime.now()
                .withNano(0)
                .withSecond(0)
                .withMinute(0)
                .plusDays(-25 + n * 2L)
                .withHour(7 + r.nextInt(10));
        String json = "{" + field("slug", "su-kien-" + n) + "," + field("title", capitalise(sentence(r, words, 8)))
                + "," + field("description", paragraph(r, words))
                + "," + field("start", start.toString()) + ","
                + field("end", start.plusHours(2).toString())
                + "," + field("venue", capitalise(sentence(r, words, 3))) + ","
                + field("address", capitalise(sentence(r, words, 6)))
                + ",\"coordinates\":{\"lat\":" + (11.5 + r.nextDouble()) + ",\"lon\":" + (108.9 + r.nextDouble()) + "}"
                + "," + field("region", REGIONS[n % REGIONS.length]) + ","
                + field("organiser", vi ? "Công an tỉnh" : "Provincial police")
                + ",\"audience\":[\"students\",\"union-members\"]"
                + "," + field("campaign", n % 3 == 0 ? "july-30-2027" : "year-round") + ","
                + field("lang", vi ? "vi" : "en") + "}";
        String created = send("POST", "/api/v1/admin/events", json, 201, null);
        Matcher m = SLUG.matcher(created);
        return m.find() ? m.group(1) : "su-kien-" + n;
    }

    String tip(int n) {
        Random r = new Random(9000 + n);
        String json = "{" + field("category", TIP_CATEGORIES[n % TIP_CATEGORIES.length])
                + "," + field("narrative", capitalise(paragraph(r, VI)) + " " + n)
                + ",\"inDangerNow\":" + (n % 17 == 0)
                + ",\"identifiers\":[{\"type\":\"phone\",\"value\":\"09" + "1368".charAt(r.nextInt(4))
                + String.format("%07d", r.nextInt(10_000_000)) + "\"},"
                + "{\"type\":\"bank-account\",\"value\":\"" + (1_000_000_000L + r.nextInt(1_000_000_000))
                + "\",\"bank\":\"VCB\"}]"
                + ",\"place\":{\"text\":\"Xã Nhơn Hải\",\"regionCode\":\"VN-" + (30 + n % 10) + "\"}"
                + ",\"lang\":\"vi\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tips"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return expect(request, 201);
    }

    // ---- HTTP

    String get(String path) {
        return expect(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), 200);
    }

    String send(String method, String path, String json, int status, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + editorToken)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return expect(b.build(), status);
    }

    String expect(HttpRequest request, int status) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    <T> List<T> parallel(String what, int count, IntFunction<T> task) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> task.apply(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            System.out.printf("  %,d %s in %.1f s%n", count, what, (System.nanoTime() - started) / 1e9);
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers

    /** An assessment answering every item of the checklist JSON, alternately yes and no. */
    static String assessment(String checklistJson) {
        Matcher items = Pattern.compile("\"id\"\\s*:\\s*\"(q\\d+)\"").matcher(checklistJson);
        StringBuilder answers = new StringBuilder();
        AtomicInteger i = new AtomicInteger();
        while (items.find()) {
            answers.append(i.get() == 0 ? "" : ",")
                    .append("{\"itemId\":\"")
                    .append(items.group(1))
                    .append("\",\"answer\":")
                    .append(i.getAndIncrement() % 2 == 0)
                    .append('}');
        }
        return "{\"answers\":[" + answers + "]}";
    }

    /** The If-Match of what was just created: its ETag is its version in quotes (EditVersions). */
    static String etag(String json) {
        Matcher m = VERSION.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no version in " + json);
        }
        return "\"" + m.group(1) + "\"";
    }

    static long id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String sentence(Random r, String[] words, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(i == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
        }
        return s.toString();
    }

    static String paragraph(Random r, String[] words) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 3 + r.nextInt(3); i++) {
            p.append(i == 0 ? "" : " ")
                    .append(capitalise(sentence(r, words, 10 + r.nextInt(12))))
                    .append('.');
        }
        return p.toString();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1);
    }

    static String field(String name, String value) {
        StringBuilder s = new StringBuilder("\"").append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                default -> s.append(c);
            }
        }
        return s.append('"').toString();
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        String base64 =
                Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** An RS256 editor token, as the province's identity provider would issue it. */
    static String jwt(PrivateKey key, String issuer) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + issuer
                        + "\",\"aud\":\"vigil-bench\",\"sub\":\"bench-editor\",\"upn\":\"bench-editor\","
                        + "\"groups\":[\"editor\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"jti\":\""
                        + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(rsa.sign());
    }
}
