package org.vigil.indicator;

/** OpenAPI examples of the indicator endpoints. */
final class IndicatorExamples {

    static final String CHECK_LISTED = """
            {
              "type": "phone",
              "value": "+84388123456",
              "listed": true,
              "match": {
                "listedSince": "2026-07-30T03:12:44.512Z",
                "listedUntil": "2027-07-30T17:00:00Z",
                "scamTypes": ["impersonated-police"]
              },
              "advice": "The police have verified that this is used by scammers. Do not send money, and do not share OTP codes or personal details. If you have already paid, call your bank at once and the police on 113.",
              "checklists": [{"slug": "is-this-call-really-the-police", "title": "Is this call really the police?",
                "url": "https://vigil.example.gov.vn/api/v1/checklists/is-this-call-really-the-police"}],
              "articles": [{"slug": "fake-police-calls", "url": "https://vigil.example.gov.vn/api/v1/articles/fake-police-calls"}]
            }""";

    static final String CHECK_NOT_LISTED = """
            {
              "type": "bank-account",
              "value": "0451000012345",
              "bank": "VCB",
              "listed": false,
              "advice": "No police-verified warning matches this. That does not make it safe: stay careful, use a checklist to assess the situation, and send a tip if in doubt.",
              "checklists": [],
              "articles": []
            }""";

    static final String DISPUTE = """
            {
              "type": "phone",
              "value": "0388 123 456",
              "statement": "Đây là số điện thoại của cửa hàng tôi từ năm 2019, chúng tôi chưa từng gọi cho ai đòi tiền.",
              "contact": {"name": "Cửa hàng Minh Anh", "phone": "+84 912 000 222"},
              "lang": "vi"
            }""";

    static final String PROPOSAL = """
            {
              "type": "phone",
              "value": "0388 123 456",
              "scamTypes": ["impersonated-police"],
              "evidence": "Số này gọi cho 14 người dân trong tháng 7, tự xưng là công an, yêu cầu chuyển tiền."
            }""";

    static final String POLICE_INDICATOR = """
            {
              "id": 42, "type": "phone", "value": "+84388123456", "scamTypes": ["impersonated-police"],
              "status": "PUBLISHED", "sourceTip": "7KQM2XHD9PA", "proposedBy": "officer.lan",
              "proposedAt": "2026-07-29T09:02:11.403Z", "verifiedBy": "supervisor.hung",
              "publishedAt": "2026-07-30T03:12:44.512Z", "expiresAt": "2027-07-30T17:00:00Z",
              "updatedAt": "2026-07-30T03:12:44.512Z", "openDisputes": 0,
              "history": [
                {"action": "PROPOSED", "actor": "officer.lan", "detail": "from tip 7KQM2XHD9PA", "at": "2026-07-29T09:02:11.403Z"},
                {"action": "PUBLISHED", "actor": "supervisor.hung", "detail": "listed until 2027-07-30 (inclusive)",
                 "at": "2026-07-30T03:12:44.512Z"}
              ]
            }""";

    private IndicatorExamples() {}
}
