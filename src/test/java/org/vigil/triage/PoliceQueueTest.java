package org.vigil.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.triage.PoliceFixtures.POLICE;
import static org.vigil.triage.PoliceFixtures.officerOf;
import static org.vigil.triage.PoliceFixtures.phone;
import static org.vigil.triage.PoliceFixtures.region;
import static org.vigil.triage.PoliceFixtures.submit;
import static org.vigil.triage.PoliceFixtures.tipIn;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PoliceQueueTest {

    @Test
    void queueShowsInDangerNowFirstThenOldestAndPagesWithACursor() {
        String region = region();
        String first = tipIn(region)[0];
        String second = tipIn(region)[0];
        String danger = submit(tipIn(region, phone(), true))[0];
        String third = tipIn(region)[0];

        var page1 = officerOf(region)
                .queryParam("region", region)
                .queryParam("limit", 2)
                .get(POLICE + "/tips")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("items.reference", contains(danger, first))
                .body("items[0].inDangerNow", equalTo(true))
                .body("items[0].category", equalTo("kidnapping-ransom"))
                .body("items[0].status", equalTo("NEW"))
                .body("items[0].regionCode", equalTo(region))
                .body("counts.NEW", equalTo(4))
                .extract();
        String cursor = page1.path("nextCursor");
        assertThat(cursor).isNotNull();
        officerOf(region)
                .queryParam("region", region)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get(POLICE + "/tips")
                .then()
                .statusCode(200)
                .body("items.reference", contains(second, third))
                .body("nextCursor", nullValue());
    }

    @Test
    void pagesOfOneTipEachKeepTheQueueOrderAcrossTheInDangerTips() {
        String region = region();
        String first = tipIn(region)[0];
        String dangerFirst = submit(tipIn(region, phone(), true))[0];
        String second = tipIn(region)[0];
        String dangerSecond = submit(tipIn(region, phone(), true))[0];

        // each cursor below carries (inDangerNow desc, createdAt asc, id asc), the first two from in-danger tips
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = officerOf(region)
                    .queryParam("region", region)
                    .queryParam("limit", 1)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(POLICE + "/tips")
                    .then()
                    .statusCode(200)
                    .extract();
            all.addAll(page.path("items.reference"));
            cursor = page.path("nextCursor");
        } while (cursor != null && all.size() < 10);
        assertThat(all).containsExactly(dangerFirst, dangerSecond, first, second);
    }

    @Test
    void filtersNarrowTheQueueAndCountsFollowThemExceptStatus() {
        String region = region();
        String claimed = tipIn(region)[0];
        String danger = submit(tipIn(region, phone(), true))[0];
        String triaged = tipIn(region)[0];
        officerOf(region).post(POLICE + "/tips/" + claimed + "/claim").then().statusCode(200);
        officerOf(region)
                .body(Map.of("status", "TRIAGED"))
                .post(POLICE + "/tips/" + triaged + "/status")
                .then()
                .statusCode(200);

        officerOf(region)
                .queryParam("region", region)
                .queryParam("status", "TRIAGED")
                .get(POLICE + "/tips")
                .then()
                .body("items.reference", contains(triaged))
                .body("counts.NEW", equalTo(2))
                .body("counts.TRIAGED", equalTo(1));
        officerOf(region)
                .queryParam("region", region)
                .queryParam("claimed", true)
                .get(POLICE + "/tips")
                .then()
                .body("items.reference", contains(claimed))
                .body("items[0].assignee", equalTo("officer-" + region.toLowerCase()));
        officerOf(region)
                .queryParam("region", region)
                .queryParam("claimed", false)
                .get(POLICE + "/tips")
                .then()
                .body("items.reference", contains(danger, triaged));
        officerOf(region)
                .queryParam("region", region)
                .queryParam("assignee", "officer-" + region.toLowerCase())
                .get(POLICE + "/tips")
                .then()
                .body("items.reference", contains(claimed));
        officerOf(region)
                .queryParam("region", region)
                .queryParam("inDangerNow", true)
                .get(POLICE + "/tips")
                .then()
                .body("items.reference", contains(danger))
                .body("counts.NEW", equalTo(1));
        officerOf(region)
                .queryParam("region", region)
                .queryParam("category", "online-fraud")
                .get(POLICE + "/tips")
                .then()
                .body("items.reference", containsInAnyOrder(claimed, triaged));
        officerOf(region)
                .queryParam("region", region.toLowerCase())
                .get(POLICE + "/tips")
                .then()
                .body("items.size()", equalTo(3));
    }

    @Test
    void badQueueParametersAreProblemsNamingTheParameter() {
        for (var bad : List.of(
                Map.of("status", "OPEN"),
                Map.of("category", "scam"),
                Map.of("cursor", "not-a-cursor"),
                Map.of("limit", "0"),
                Map.of("inDangerNow", "perhaps"))) {
            officerOf(region())
                    .queryParams(bad)
                    .get(POLICE + "/tips")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.keySet().iterator().next()));
        }
    }

    @Test
    void detailsAreDecryptedWithIdentifiersThreadAndContact() {
        String region = region();
        Map<String, Object> body = tipIn(region, phone(), false);
        String[] tip = submit(body);
        io.restassured.RestAssured.given()
                .header("X-Receipt-Code", tip[1])
                .contentType("application/json")
                .body(Map.of("text", "Họ vừa gọi lại từ số khác."))
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(201);
        officerOf(region)
                .get(POLICE + "/tips/" + tip[0])
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("narrative", equalTo(body.get("narrative")))
                .body("contact.name", equalTo("Lan"))
                .body("place.text", equalTo("Xã Nhơn Hải"))
                .body("identifiers[0].type", equalTo("phone"))
                .body(
                        "identifiers[0].value",
                        equalTo("+84"
                                + ((String) ((Map<?, ?>) ((List<?>) body.get("identifiers")).get(0)).get("value"))
                                        .substring(1)
                                        .replace(" ", "")))
                .body("messages[0].from", equalTo("tipster"))
                .body("messages[0].text", equalTo("Họ vừa gọi lại từ số khác."))
                .body("attachments.size()", equalTo(0));
    }

    @Test
    void relatedTipsAndIdentifierSearchLinkTheSameNumberWrittenDifferently() {
        String region = region();
        String phone = phone();
        String a = submit(tipIn(region, phone, false))[0];
        String b = submit(tipIn(region, "+84 " + phone.substring(1), false))[0];
        String elsewhere = submit(tipIn(region(), phone, false))[0];
        String unrelated = tipIn(region)[0];

        officerOf(region).get(POLICE + "/tips/" + a).then().statusCode(200).body("related.reference", contains(b));
        PoliceFixtures.supervisor()
                .get(POLICE + "/tips/" + a)
                .then()
                .body("related.reference", containsInAnyOrder(b, elsewhere));
        officerOf(region)
                .queryParam("type", "phone")
                .queryParam("value", "+84" + phone.substring(1).replace(" ", ""))
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("items.reference", contains(b, a))
                .body("items.reference", not(hasItem(unrelated)));
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = PoliceFixtures.supervisor()
                    .queryParam("type", "phone")
                    .queryParam("value", phone)
                    .queryParam("limit", 1)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(POLICE + "/identifiers/tips")
                    .then()
                    .statusCode(200)
                    .extract();
            all.addAll(page.path("items.reference"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(all).containsExactly(elsewhere, b, a);
    }

    @Test
    void identifierSearchRejectsBadInput() {
        officerOf(region())
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        officerOf(region())
                .queryParam("type", "fax")
                .queryParam("value", "1")
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        officerOf(region())
                .queryParam("type", "phone")
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("value"));
        officerOf(region())
                .queryParam("type", "phone")
                .queryParam("value", "12")
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("value"));
        officerOf(region())
                .queryParam("type", "bank-account")
                .queryParam("value", "0451000012345")
                .get(POLICE + "/identifiers/tips")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bank"));
    }
}
