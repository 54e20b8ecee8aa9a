package org.vigil.partner;

/** Examples of the OpenAPI document for the partner endpoints. */
final class PartnerExamples {

    static final String FEED = """
            {
              "items": [
                {"id": 42, "type": "phone", "value": "+84388123456", "state": "listed",
                 "scamTypes": ["impersonated-police"], "listedSince": "2026-07-30T03:12:44.512Z",
                 "listedUntil": "2027-07-30T17:00:00Z", "updatedAt": "2026-07-30T03:12:44.512Z"},
                {"id": 17, "type": "bank-account", "value": "0451000012345", "bank": "VCB", "state": "delisted",
                 "updatedAt": "2026-07-30T04:00:02.118Z"}
              ],
              "nextCursor": "MjAyNi0wNy0zMFQwNDowMDowMi4xMThaCjE3"
            }""";

    private PartnerExamples() {}
}
