package org.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.vigil.triage.PoliceFixtures.POLICE;
import static org.vigil.triage.PoliceFixtures.as;
import static org.vigil.triage.PoliceFixtures.officerOf;
import static org.vigil.triage.PoliceFixtures.phone;
import static org.vigil.triage.PoliceFixtures.region;
import static org.vigil.triage.PoliceFixtures.submit;
import static org.vigil.triage.PoliceFixtures.tipIn;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.vigil.testsupport.Tokens;

/** Who may see what: object-level checks on every police endpoint. */
@QuarkusTest
class PoliceAccessTest {

    private static final String PDF = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages"
            + " /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";

    @Test
    void identifierSearchesAreAuditedWithoutTheValue() {
        String home = region();
        String phone = phone();
        String ref = submit(tipIn(home, phone, false))[0];
        String searcher = "officer.search-" + home.toLowerCase();
        as(Tokens.officer(searcher, home))
                .queryParam("type", "phone")
                .queryParam("value", phone)
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(200)
                .body("items.reference", equalTo(java.util.List.of(ref)));
        as(Tokens.officer(searcher, home))
                .queryParam("type", "phone")
                .queryParam("value", phone().replace("0912", "0913"))
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));

        var log = PoliceFixtures.supervisor()
                .queryParam("officer", searcher)
                .get(POLICE + "/audit")
                .then()
                .statusCode(200)
                .body(
                        "items.action",
                        equalTo(java.util.List.of("IDENTIFIER_SEARCH", "IDENTIFIER_SEARCH", "IDENTIFIER_SEARCH")))
                // newest first: the search that found nothing, then the tip the first one found, then that search
                .body("items[0].reference", org.hamcrest.Matchers.nullValue())
                .body("items[0].detail", org.hamcrest.Matchers.matchesRegex("phone #[0-9a-f]{64}: 0 tips"))
                .body("items[1].reference", equalTo(ref))
                .body("items[1].detail", equalTo("found by phone"))
                .body("items[2].reference", org.hamcrest.Matchers.nullValue())
                .body("items[2].detail", org.hamcrest.Matchers.matchesRegex("phone #[0-9a-f]{64}: 1 tips"))
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(log)
                .doesNotContain(phone.replace(" ", "").substring(1));
        PoliceFixtures.supervisor()
                .queryParam("reference", ref)
                .get(POLICE + "/audit")
                .then()
                .body("items.action", hasItem("IDENTIFIER_SEARCH"))
                .body("items.actor", hasItem(searcher));
    }

    @Test
    void officerOfAnotherRegionCannotReadListOrActOnATip() {
        String home = region();
        String phone = phone();
        String[] tip = submit(tipIn(home, phone, false));
        String ref = tip[0];
        given().header("X-Receipt-Code", tip[1])
                .multiPart("files", "hop-dong.pdf", PDF.getBytes(StandardCharsets.US_ASCII), "application/pdf")
                .post("/api/v1/tips/" + ref + "/attachments")
                .then()
                .statusCode(201);
        long attachment = ((Number) officerOf(home)
                        .get(POLICE + "/tips/" + ref)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("attachments[0].id"))
                .longValue();

        Supplier<RequestSpecification> stranger = () -> officerOf(region());
        notFound(stranger.get().get(POLICE + "/tips/" + ref));
        notFound(stranger.get().get(POLICE + "/tips/" + ref + "/attachments/" + attachment));
        notFound(stranger.get().post(POLICE + "/tips/" + ref + "/claim"));
        notFound(stranger.get().post(POLICE + "/tips/" + ref + "/release"));
        notFound(stranger.get().body(Map.of("status", "TRIAGED")).post(POLICE + "/tips/" + ref + "/status"));
        notFound(stranger.get().body(Map.of("priority", "HIGH")).put(POLICE + "/tips/" + ref + "/priority"));
        notFound(
                stranger.get().body(Map.of("labels", java.util.List.of("x"))).put(POLICE + "/tips/" + ref + "/labels"));
        notFound(stranger.get().body(Map.of("text", "ghi chú")).post(POLICE + "/tips/" + ref + "/notes"));
        notFound(stranger.get().body(Map.of("text", "trả lời")).post(POLICE + "/tips/" + ref + "/replies"));
        stranger.get()
                .queryParam("region", home)
                .get(POLICE + "/tips")
                .then()
                .statusCode(200)
                .body("items.reference", not(hasItem(ref)))
                .body("counts.size()", equalTo(0));
        stranger.get()
                .queryParam("type", "phone")
                .queryParam("value", phone)
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(200)
                .body("items.reference", not(hasItem(ref)));
        // nothing was changed by the refused actions
        officerOf(home)
                .get(POLICE + "/tips/" + ref)
                .then()
                .statusCode(200)
                .body("status", equalTo("NEW"))
                .body("priority", equalTo("NORMAL"))
                .body("notes.size()", equalTo(0))
                .body("messages.size()", equalTo(0));
        // the same officer's own unit and the supervisor do see it
        officerOf(home).queryParam("region", home).get(POLICE + "/tips").then().body("items.reference", hasItem(ref));
        PoliceFixtures.supervisor().get(POLICE + "/tips/" + ref).then().statusCode(200);
    }

    @Test
    void tipsWithoutARegionAreSeenByEveryOfficer() {
        String ref = tipIn(null)[0];
        officerOf(region()).get(POLICE + "/tips/" + ref).then().statusCode(200).body("regionCode", equalTo(null));
        as(Tokens.bearer("officer.no-unit", "officer"))
                .get(POLICE + "/tips/" + ref)
                .then()
                .statusCode(200);
    }

    @Test
    void officerWithoutAUnitSeesOnlyUnplacedTips() {
        String ref = tipIn(region())[0];
        notFound(as(Tokens.bearer("officer.no-unit", "officer")).get(POLICE + "/tips/" + ref));
    }

    @Test
    void unknownReferenceIsTheSameNotFound() {
        notFound(officerOf(region()).get(POLICE + "/tips/ZZZZZZZZZZZ"));
    }

    @Test
    void withoutTokenIs401AndOtherRolesAre403AsProblems() {
        given().get(POLICE + "/tips")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store");
        as(Tokens.editor())
                .get(POLICE + "/tips")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store");
        String ref = tipIn(null)[0];
        officerOf(region())
                .body(Map.of("assignee", "officer.minh"))
                .put(POLICE + "/tips/" + ref + "/assignee")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        officerOf(region())
                .queryParam("reference", ref)
                .get(POLICE + "/audit")
                .then()
                .statusCode(403);
    }

    private static void notFound(io.restassured.response.Response response) {
        response.then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("detail", equalTo("No tip with this reference"));
    }
}
