package org.vigil.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import okhttp3.Cache;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.client.java.ApiClient;
import org.vigil.client.java.ApiException;
import org.vigil.client.java.ApiResponse;
import org.vigil.client.java.api.ArticlesApi;
import org.vigil.client.java.api.TipsApi;
import org.vigil.client.java.model.ArticleSummaryPage;
import org.vigil.client.java.model.IdentifierType;
import org.vigil.client.java.model.TipAttachment;
import org.vigil.client.java.model.TipCategory;
import org.vigil.client.java.model.TipIdentifier;
import org.vigil.client.java.model.TipMessageRequest;
import org.vigil.client.java.model.TipReceipt;
import org.vigil.client.java.model.TipRequest;
import org.vigil.client.java.model.TipStatusView;
import org.vigil.testsupport.DatabaseLink;

/**
 * The Java client generated from the committed openapi/openapi.yaml (okhttp-gson, as an Android app
 * uses it; generated and compiled by the build, see pom.xml) does what the app does, against the
 * running service and its real MariaDB: cheap re-reads with ETag, a tip with photos in one request, a
 * tip then its files, a retry after a 503 with the same Idempotency-Key, the follow-up and a message.
 */
@QuarkusTest
class GeneratedClientTest {

    @Inject
    AgroalDataSource dataSource;

    @TempDir
    Path dir;

    private ApiClient client(OkHttpClient http) {
        return new ApiClient(http).setBasePath("http://localhost:" + RestAssured.port);
    }

    private ApiClient client() {
        return client(new OkHttpClient());
    }

    @Test
    void aSecondReadWithTheETagIsA304() throws Exception {
        ArticlesApi articles = new ArticlesApi(client());
        ApiResponse<ArticleSummaryPage> first =
                articles.articleResourceListWithHttpInfo(null, null, "en", null, null, null, null, null);
        assertThat(first.getStatusCode()).isEqualTo(200);
        String etag = first.getHeaders().get("etag").get(0);
        assertThat(etag).isNotBlank();

        // the documented 304: okhttp-gson hands every non-2xx to the app as an ApiException with its code and headers
        assertThatThrownBy(
                        () -> articles.articleResourceListWithHttpInfo(null, null, "en", null, null, null, null, etag))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(304);
                    assertThat(e.getResponseHeaders().get("etag")).containsExactly(etag);
                });

        // the way an offline-first app syncs: OkHttp's cache sends If-None-Match itself and turns the 304 into the
        // cached 200 (each read revalidates here, as after max-age)
        List<Integer> network = new ArrayList<>();
        Cache cache = new Cache(dir.resolve("http-cache").toFile(), 1 << 20);
        OkHttpClient caching = new OkHttpClient.Builder()
                .cache(cache)
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("Cache-Control", "max-age=0")
                        .build()))
                .addNetworkInterceptor(chain -> {
                    okhttp3.Response response = chain.proceed(chain.request());
                    network.add(response.code());
                    return response;
                })
                .build();
        ArticlesApi synced = new ArticlesApi(client(caching));
        ArticleSummaryPage fresh = synced.articleResourceList(null, null, "en", null, null, null, null, null);
        ArticleSummaryPage again = synced.articleResourceList(null, null, "en", null, null, null, null, null);
        assertThat(network).containsExactly(200, 304);
        assertThat(again).isEqualTo(fresh);
        assertThat(cache.hitCount()).isEqualTo(1);
    }

    @Test
    void aTipWithTwoPhotosInOneRequest() throws Exception {
        TipsApi tips = new TipsApi(client());
        TipReceipt receipt = tips.tipResourceSubmitWithFiles(
                tip(), UUID.randomUUID().toString(), List.of(image("jpg"), image("png")), null);
        assertThat(receipt.getReference()).isNotBlank();
        assertThat(receipt.getAttachments())
                .extracting(TipAttachment::getMediaType)
                .containsExactlyInAnyOrder("image/jpeg", "image/png");

        TipStatusView status = tips.tipResourceStatus(receipt.getReference(), receipt.getReceipt());
        assertThat(status.getAttachments()).hasSize(2);
    }

    @Test
    void aTipAsJsonThenItsFilesWithTheReceipt() throws Exception {
        TipsApi tips = new TipsApi(client());
        ApiResponse<TipReceipt> sent =
                tips.tipResourceSubmitWithHttpInfo(tip(), UUID.randomUUID().toString());
        assertThat(sent.getStatusCode()).isEqualTo(201);
        TipReceipt receipt = sent.getData();
        assertThat(sent.getHeaders().get("location"))
                .singleElement()
                .asString()
                .endsWith("/api/v1/tips/" + receipt.getReference());

        List<TipAttachment> attachments = tips.tipResourceAddAttachments(
                receipt.getReference(), receipt.getReceipt(), List.of(image("jpg")), false);
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0).getMediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void aRetryAfterA503WithTheSameKeyGivesOneTipThenFollowUpAndAMessage() throws Exception {
        TipsApi tips = new TipsApi(client());
        TipRequest tip = tip();
        String key = UUID.randomUUID().toString();
        long before = tipRows();

        DatabaseLink.set(false); // the database goes away, as in a failover
        int retryAfter;
        try {
            ApiException unavailable = org.junit.jupiter.api.Assertions.assertThrows(
                    ApiException.class, () -> tips.tipResourceSubmit(tip, key));
            assertThat(unavailable.getCode()).isEqualTo(503);
            assertThat(unavailable.getResponseBody()).contains("/problems/unavailable");
            retryAfter = Integer.parseInt(
                    unavailable.getResponseHeaders().get("retry-after").get(0));
            assertThat(retryAfter).isPositive();
        } finally {
            DatabaseLink.set(true);
            dataSource.flush(AgroalDataSource.FlushMode.ALL); // the cut connections are not handed out again
        }

        Thread.sleep(Math.min(retryAfter, 5) * 1000L); // as the app does: wait Retry-After, then send the same key
        TipReceipt receipt = tips.tipResourceSubmit(tip, key);
        TipReceipt repeated = tips.tipResourceSubmit(tip, key);
        assertThat(repeated.getReference()).isEqualTo(receipt.getReference());
        assertThat(tipRows()).isEqualTo(before + 1);

        String messageKey = UUID.randomUUID().toString();
        TipMessageRequest message = new TipMessageRequest().text("Họ vừa đổi số tài khoản.");
        tips.tipResourceAddMessage(receipt.getReference(), receipt.getReceipt(), message, messageKey);
        tips.tipResourceAddMessage(receipt.getReference(), receipt.getReceipt(), message, messageKey);

        TipStatusView status = tips.tipResourceStatus(receipt.getReference(), repeated.getReceipt());
        assertThat(status.getReference()).isEqualTo(receipt.getReference());
        assertThat(status.getMessages()).extracting(m -> m.getText()).containsExactly("Họ vừa đổi số tài khoản.");
    }

    private static TipRequest tip() {
        return new TipRequest()
                .category(TipCategory.ONLINE_FRAUD)
                .narrative("Kẻ gian giả danh công an gọi điện yêu cầu chuyển tiền, mã " + UUID.randomUUID())
                .inDangerNow(false)
                .identifiers(new ArrayList<>(
                        List.of(new TipIdentifier().type(IdentifierType.PHONE).value("0912 345 678"))));
    }

    private File image(String format) throws Exception {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(4, 4, 20, 10);
        File file = Files.createTempFile(dir, "photo", "." + format).toFile();
        ImageIO.write(image, format, file);
        return file;
    }

    private long tipRows() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from tip")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
