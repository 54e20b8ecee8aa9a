package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.tip.TipFixtures.tip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.platform.crypto.FieldCipher;
import org.vigil.platform.web.UploadsDirectory;

/**
 * Issue 12: parallel maximal uploads cannot exhaust the heap (the %test profile's budget is 24M, so
 * only two 10 MB files are worked on at once and the rest get 503 with Retry-After), and multipart
 * parts do not outlive their request on disk.
 */
@QuarkusTest
class TipUploadMemoryTest {

    private static final int PARALLEL = 6;

    @Inject
    DataSource db;

    @Inject
    FieldCipher cipher;

    @Inject
    ObjectMapper json;

    @Inject
    TipConfig config;

    @Inject
    UploadsDirectory uploads;

    /** A PNG of noise just under the 10 MB limit: incompressible, so the file is as big as allowed. */
    private byte[] maximalPng() throws Exception {
        long max = config.attachments().maxSize().asLongValue();
        int side = (int) Math.sqrt((max - 64 * 1024) / 3.0);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(12);
        int[] row = new int[side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                row[x] = random.nextInt();
            }
            image.setRGB(0, y, side, 1, row, 0, side);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        assertThat((long) png.length).as("a maximal file").isBetween(max - 512 * 1024, max);
        return png;
    }

    @Test
    void parallelMaximalUploadsGet503WithRetryAfterBeyondTheMemoryBudgetAndTheRestIsStoredWhole() throws Exception {
        byte[] png = maximalPng();
        byte[] expected = ImageMetadata.strip("image/png", png);
        String tipJson = json.writeValueAsString(tip());
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().multiPart("tip", tipJson, "application/json")
                            .multiPart("files", "noise.png", png)
                            .post("/api/v1/tips/with-files")
                            .thenReturn();
                }));
            }
            start.countDown();
            int created = 0;
            int unavailable = 0;
            for (Future<Response> future : answers) {
                Response answer = future.get(300, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(answer.asString()).isIn(201, 503);
                if (answer.statusCode() == 503) {
                    unavailable++;
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    assertThat(answer.header("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
                } else {
                    created++;
                    String reference = answer.path("reference");
                    byte[] stored = TipFixtures.attachmentContent(
                            db,
                            cipher,
                            "FROM tip_attachment a JOIN tip t" + " ON t.id = a.tip_id WHERE t.reference = '" + reference
                                    + "'");
                    assertThat(stored).as("a 201's file is stored whole").isEqualTo(expected);
                }
            }
            assertThat(unavailable).as("some uploads beyond the budget get 503").isPositive();
            assertThat(created).as("some uploads get through").isPositive();
        } finally {
            pool.shutdownNow();
        }
        // the service is still up and takes a maximal upload again once the others are done
        given().multiPart("tip", tipJson, "application/json")
                .multiPart("files", "noise.png", png)
                .post("/api/v1/tips/with-files")
                .then()
                .statusCode(201);
    }

    @Test
    void multipartPartsAreDeletedAfterTheirRequestAndLeftoversAtStart() throws Exception {
        Path directory = uploads.directory();
        Files.createDirectories(directory);
        Path leftover = Files.writeString(directory.resolve("crashed-upload-part"), "EXIF GPS 13.7563,109.2177");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path fresh = Files.writeString(directory.resolve("part-of-a-request-in-flight"), "bytes");

        assertThat(uploads.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(leftover).doesNotExist();
        assertThat(fresh)
                .as("a part newer than this process may belong to a request being taken")
                .exists();
        Files.delete(fresh);

        given().multiPart("tip", json.writeValueAsString(tip()), "application/json")
                .multiPart("files", "a.jpg", TipAttachmentTest.jpegWithGps())
                .post("/api/v1/tips/with-files")
                .then()
                .statusCode(201);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Path> left;
        do {
            try (Stream<Path> files = Files.list(directory)) {
                left = files.toList();
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline && sleep());
        assertThat(left).as("no part file outlives its request").isEmpty();
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }
}
