package org.vigil.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.triage.PoliceFixtures.phone;
import static org.vigil.triage.PoliceFixtures.submit;
import static org.vigil.triage.PoliceFixtures.tipIn;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Browser;
import org.vigil.testsupport.ConsoleLogin;
import org.vigil.testsupport.PageReview;
import org.vigil.triage.console.PoliceTipPages;

/**
 * The police pages of the console (org.vigil.triage.console) in a real Chromium, logged in through
 * the real Keycloak: a citizen's tip in danger now from the web form to the officer of its region,
 * who claims it and replies; the second officer of the region kept out by the claim; the officer of
 * another region shown the same 404 page as for an unknown tip; the reply on the citizen's follow-up
 * page; refused input, a stale page and a form without its token.
 */
@QuarkusTest
class PoliceTipPagesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aTipInDangerNowGoesFirstToItsRegionWhoseOfficerClaimsAndAnswersItWhileTheOthersCannot() {
        String marker = UUID.randomUUID().toString();
        String calm;
        String[] danger;
        try (BrowserContext citizen = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = citizen.newPage();
            calm = sendOnTheWebForm(page, "Tin nhắn việc làm lương cao " + marker, false)[0];
            danger = sendOnTheWebForm(page, "Em tôi bị giữ ở Campuchia, bị đòi tiền chuộc " + marker, true);
        }
        String reference = danger[0];
        String tipUrl = base + "console/police/tips/" + reference + "?lang=en";

        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, true)) {
            String queueUrl = base + "console/police/tips?region=VN-56&lang=en";
            Page page = ConsoleLogin.open(context.newPage(), queueUrl, ConsoleLogin.OFFICER_56);
            assertThat(page.locator("header nav a").allTextContents()).contains("Tip queue");
            List<String> queue = page.locator("#queue a.ref").allTextContents();
            assertThat(queue).contains(reference, calm);
            int at = queue.indexOf(reference);
            assertThat(at).as("in danger now before the older calm tip").isLessThan(queue.indexOf(calm));
            assertThat(page.locator("#queue li").nth(0).getAttribute("class"))
                    .as("the first tip of the queue is one in danger now")
                    .isEqualTo("danger");
            for (int i = 0; i <= at; i++) {
                assertThat(page.locator("#queue li").nth(i).getAttribute("class"))
                        .isEqualTo("danger");
            }
            PageReview.review("console-police-queue", queueUrl, page.content());

            // a new tip appears without a reload (the page's script refreshes the list)
            String newer = submit(tipIn("VN-56", phone(), true))[0];
            page.locator("#queue a.ref", new Page.LocatorOptions().setHasText(newer))
                    .waitFor(new Locator.WaitForOptions().setTimeout(30_000));

            page.navigate(tipUrl);
            assertThat(page.locator("h1").textContent()).isEqualTo("Tip " + reference);
            assertThat(page.locator("main").textContent())
                    .contains(
                            "bị đòi tiền chuộc " + marker,
                            "someone is in danger right now",
                            "Nobody has claimed this tip.");
            assertThat(page.locator("#identifiers-h + ul .value").first().textContent())
                    .startsWith("+84912");
            assertThat((Boolean) page.evaluate("document.querySelector('figure img').naturalWidth > 0"))
                    .as("the attachment shown inline from the console's route")
                    .isTrue();

            send(page, "#claim button");
            assertThat(page.url()).endsWith("#claim");
            assertThat(page.locator("#claim").textContent()).contains("You have claimed this tip.");

            String answer = "Cảm ơn bạn. Công an đang xác minh, hãy giữ máy " + marker;
            page.locator("#reply-text").fill(answer);
            send(page, "#reply button");
            assertThat(page.locator("#reply .thread li.police").last().textContent())
                    .contains(answer);
            page.locator("#note-text").fill("Đã gọi cho đơn vị biên phòng " + marker);
            send(page, "#note button");
            assertThat(page.locator("#note .thread li.note").textContent()).contains("biên phòng " + marker);
            assertThat(page.locator("#reply .thread").textContent())
                    .as("an internal note never lands in the tipster's thread")
                    .doesNotContain("biên phòng");

            // refused input: the form again with its error, what was typed kept
            page.locator("#labels-text").fill("tiền chuộc, <b>");
            send(page, "#labels button");
            assertThat(page.locator("#labels-error").textContent()).contains("At most 20 labels");
            assertThat(page.locator("#labels-text").inputValue()).isEqualTo("tiền chuộc, <b>");
            PageReview.review("console-police-tip", tipUrl, page.content());
        }

        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), tipUrl, ConsoleLogin.OFFICER_56_B);
            assertThat(page.locator("#claim").textContent())
                    .contains("officer56 is working on this tip", "add an internal note");
            assertThat(page.locator("#claim button").count())
                    .as("no claim offered")
                    .isZero();
            assertThat(page.locator("#reply-text").count())
                    .as("no reply offered")
                    .isZero();
            PageReview.screenshot(page, "console-police-tip-held-360");
            String csrf = page.locator("#note input[name=csrf]").inputValue();
            APIResponse reply = context.request()
                    .post(
                            base + "console/police/tips/" + reference + "/replies",
                            form(csrf, "text", "Tin nhắn của người khác", "lang", "en"));
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.text()).contains("does not allow it now", "officer56 is working on this tip");
            APIResponse claim =
                    context.request().post(base + "console/police/tips/" + reference + "/claim", form(csrf));
            assertThat(claim.status()).isEqualTo(409);
        }

        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page =
                    ConsoleLogin.open(context.newPage(), base + "console/police/tips?lang=en", ConsoleLogin.OFFICER_31);
            assertThat(page.locator("#queue").textContent()).doesNotContain(reference);
            var opened = page.navigate(tipUrl);
            assertThat(opened.status()).isEqualTo(404);
            String outside = opened.text();
            assertThat(page.locator("h1").textContent()).isEqualTo("Page not found");
            String unknown = page.navigate(base + "console/police/tips/ZZZZZZZZZZZ?lang=en")
                    .text();
            assertThat(outside).as("the same page as for an unknown tip").isEqualTo(unknown);
        }

        try (BrowserContext citizen = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = citizen.newPage();
            page.navigate(base + "follow-up?lang=en");
            page.locator("#reference").fill(reference);
            page.locator("#receipt").fill(danger[1]);
            send(page, "main form button[type=submit]");
            assertThat(page.locator("main").textContent())
                    .contains("Công an đang xác minh, hãy giữ máy " + marker)
                    .doesNotContain("biên phòng")
                    .doesNotContain("Tin nhắn của người khác");
        }
    }

    @Test
    void aStalePageAndRefusedChoicesKeepWhatWasChosenAndAFormWithoutItsTokenChangesNothing() {
        String reference = submit(tipIn("VN-56", phone(), false))[0];
        String tipUrl = base + "console/police/tips/" + reference + "?lang=en";
        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), tipUrl, ConsoleLogin.SUPERVISOR);
            assertThat(page.locator("#audit-h").textContent()).isEqualTo("Audit trail (newest first)");
            assertThat(page.locator("ol.audit li").first().textContent()).contains("supervisor56", "read the tip");

            // rejecting without a reason: the form again, the chosen status kept
            page.locator("#status-to").selectOption("REJECTED");
            send(page, "#status button");
            assertThat(page.locator("#reason-error").textContent()).contains("choose spam or duplicate");
            assertThat(page.locator("#status-to").inputValue()).isEqualTo("REJECTED");

            // a duplicate of a tip that does not exist
            page.locator("#status-reason").selectOption("duplicate");
            page.locator("#status-duplicate").fill("ZZZZZZZZZZZ");
            send(page, "#status button");
            assertThat(page.locator("#duplicate-error").textContent()).contains("another tip you can see");
            assertThat(page.locator("#status-duplicate").inputValue()).isEqualTo("ZZZZZZZZZZZ");
            PageReview.review("console-police-tip-refused", tipUrl, page.content());

            // someone else moves the tip on while this page is open: the page's form is stale
            page.navigate(tipUrl);
            PoliceFixtures.supervisor()
                    .body(Map.of("status", "TRIAGED"))
                    .post(PoliceFixtures.POLICE + "/tips/" + reference + "/status")
                    .then()
                    .statusCode(200);
            page.locator("#status-to").selectOption("REJECTED");
            page.locator("#status-reason").selectOption("spam");
            send(page, "#status button");
            assertThat(page.locator("#refusal").textContent()).contains("Someone changed this tip after you opened it");
            assertThat(page.locator("dl.facts").textContent()).contains("Triaged");
            assertThat(page.locator("#status-reason").inputValue()).isEqualTo("spam");

            send(page, "#hold button");
            assertThat(page.locator("#hold").textContent()).contains("On legal hold");
            page.locator("#assignee-to").fill("officer56b");
            send(page, "#assignee button");
            assertThat(page.locator("#claim").textContent()).contains("Claimed by officer56b");

            // without the form's token: 403, and the tip stays as it was
            APIResponse forged = context.request()
                    .post(
                            base + "console/police/tips/" + reference + "/release",
                            RequestOptions.create().setForm(FormData.create().set("lang", "en")));
            assertThat(forged.status()).isEqualTo(403);
            page.navigate(tipUrl);
            assertThat(page.locator("#claim").textContent()).contains("Claimed by officer56b");
        }
    }

    @Test
    void supervisorsPageBackThroughTheAuditTrailOnTheTipPageWhileOfficersSeeNoTrail() {
        String reference = submit(tipIn("VN-56", phone(), false))[0];
        String tipUrl = base + "console/police/tips/" + reference + "?lang=en";
        // the oldest line, then a page's worth of reads by the API; the console's own read comes last
        PoliceFixtures.supervisor()
                .body(Map.of("priority", "HIGH"))
                .put(PoliceFixtures.POLICE + "/tips/" + reference + "/priority")
                .then()
                .statusCode(200);
        for (int i = 0; i < PoliceTipPages.AUDIT_LINES; i++) {
            PoliceFixtures.supervisor()
                    .get(PoliceFixtures.POLICE + "/tips/" + reference)
                    .then()
                    .statusCode(200);
        }
        String older;
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), tipUrl, ConsoleLogin.SUPERVISOR);
            Locator lines = page.locator("#audit ol.audit li");
            assertThat(lines.count()).isEqualTo(PoliceTipPages.AUDIT_LINES);
            assertThat(lines.first().textContent()).contains("supervisor56", "read the tip");
            assertThat(lines.allTextContents()).noneMatch(line -> line.contains("changed the priority"));
            assertThat(page.locator("#audit-newest").count())
                    .as("the first page links to no newer one")
                    .isZero();
            assertThat((Boolean) page.evaluate("document.querySelector('#audit details').open"))
                    .as("the newest lines folded away on a phone")
                    .isFalse();
            assertThat(page.locator(".summary").textContent()).contains("High", "Nobody has claimed this tip.");
            assertThat(
                            (Boolean)
                                    page.evaluate(
                                            "document.querySelector('#claim').getBoundingClientRect().top < document.querySelector('#content').getBoundingClientRect().top"
                                                    + " && document.querySelector('#status').getBoundingClientRect().top < document.querySelector('#content').getBoundingClientRect().top"))
                    .as("at 360 px the claim and the status form come before the tip's content")
                    .isTrue();

            older = page.locator("#audit-older").getAttribute("href");
            assertThat(older).contains("audit=").endsWith("#audit");
            page.waitForNavigation(() -> page.locator("#audit-older").click());
            assertThat(page.url()).contains("audit=").endsWith("#audit");
            assertThat(lines.allTextContents())
                    .as("the older lines, not the newest again")
                    .hasSize(2)
                    .noneMatch(line -> line.contains("supervisor56"));
            assertThat(lines.first().textContent()).contains("supervisor.hung", "read the tip");
            assertThat(lines.last().textContent()).contains("supervisor.hung", "changed the priority", "HIGH");
            assertThat(lines.last().isVisible())
                    .as("an older page asked for is shown open")
                    .isTrue();
            assertThat(page.locator("#audit-older").count())
                    .as("nothing older than the first line")
                    .isZero();
            assertThat(page.locator("#audit-newest").getAttribute("href")).endsWith("#audit");
            // reviewed at the address without its fragment, which is never part of a request
            PageReview.review("console-police-tip-audit-older", page.url().replaceFirst("#.*", ""), page.content());

            page.waitForNavigation(() -> page.locator("#audit-newest").click());
            assertThat(lines.first().textContent()).contains("supervisor56", "read the tip");
            assertThat(lines.count()).isEqualTo(PoliceTipPages.AUDIT_LINES);
            PageReview.review("console-police-tip-supervisor", tipUrl, page.content());

            // a cursor the service refuses: the newest lines and why, not an error page
            var stale = page.navigate(tipUrl + "&audit=not-a-cursor");
            assertThat(stale.status()).isEqualTo(400);
            assertThat(page.locator("#audit .alert").textContent()).contains("out of date");
            assertThat(lines.first().textContent()).contains("supervisor56", "read the tip");
        }

        String olderUrl = base + older.substring(1).replaceFirst("#.*", "");
        try (BrowserContext context = Browser.get().context(Browser.PHONE_WIDTH, false)) {
            Page page = ConsoleLogin.open(context.newPage(), olderUrl, ConsoleLogin.OFFICER_56);
            assertThat(page.locator("h1").textContent()).isEqualTo("Tip " + reference);
            assertThat(page.locator("#audit").count())
                    .as("no audit trail for an officer")
                    .isZero();
            assertThat(page.locator("ol.audit").count()).isZero();
            assertThat(page.locator("main").textContent()).doesNotContain("Audit trail", "supervisor.hung");
            assertThat(page.locator("#claim button").textContent()).isEqualTo("Claim this tip");
            PageReview.screenshot(page, "console-police-tip-officer-360");
        }

        try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
            Page page =
                    ConsoleLogin.open(context.newPage(), base + "console/police/tips?lang=en", ConsoleLogin.OFFICER_31);
            var opened = page.navigate(olderUrl);
            assertThat(opened.status()).isEqualTo(404);
            String outside = opened.text();
            String unknown =
                    page.navigate(olderUrl.replace(reference, "ZZZZZZZZZZZ")).text();
            assertThat(outside).as("the same page as for an unknown tip").isEqualTo(unknown);
        }
    }

    /** Presses a form's button and waits for the page that answers it. */
    private static void send(Page page, String button) {
        page.waitForNavigation(() -> page.locator(button).click());
    }

    /** A form as a browser posts it: the token, then {@code name, value, ...}. */
    private static RequestOptions form(String csrf, String... fields) {
        FormData data = FormData.create().set("csrf", csrf);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            data.set(fields[i], fields[i + 1]);
        }
        return RequestOptions.create().setForm(data);
    }

    /** The citizen's tip form as a person fills it (no JavaScript); returns reference and receipt. */
    private String[] sendOnTheWebForm(Page page, String narrative, boolean inDangerNow) {
        page.navigate(base + "tip?lang=en");
        page.locator("input[name=category][value=" + (inDangerNow ? "kidnapping-ransom" : "online-fraud") + "]")
                .check();
        page.locator("#narrative").fill(narrative);
        if (inDangerNow) {
            page.locator("#inDangerNow").check();
            page.locator("#idValue-0").fill(phone());
            page.locator("#files").setInputFiles(new FilePayload("anh-chup.png", "image/png", png()));
        }
        page.locator("#region").selectOption("VN-56");
        send(page, "form[action='/tip'] button[type=submit]:not([formaction])");
        return new String[] {
            page.locator("#reference").textContent().strip(),
            page.locator("#receipt").textContent().strip()
        };
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
