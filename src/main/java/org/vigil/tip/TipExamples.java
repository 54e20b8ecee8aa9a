package org.vigil.tip;

/** OpenAPI examples of the tip endpoints. */
final class TipExamples {

    static final String TIP = """
            {
              "category": "human-trafficking",
              "narrative": "Một tài khoản Facebook tên 'Việc nhẹ lương cao' tuyển người sang Campuchia, hứa lương 1.500 USD/tháng và bao vé máy bay. Em họ tôi đi từ tháng 6, nay bị giữ lại và gia đình bị đòi 200 triệu đồng tiền chuộc.",
              "incidentDate": "2026-06-20",
              "place": { "text": "Xã Nhơn Hải, TP. Quy Nhơn", "regionCode": "VN-31" },
              "inDangerNow": true,
              "identifiers": [
                { "type": "phone", "value": "0912 345 678" },
                { "type": "bank-account", "value": "0451 0000 12345", "bank": "VCB" },
                { "type": "url", "value": "https://www.facebook.com/viecnhe.luongcao" }
              ],
              "lang": "vi"
            }""";

    static final String RECEIPT = """
            {
              "reference": "7KQM2XHD9PA",
              "receipt": "4HX9-TQ2M-8B7C-KZ3P-W6RD-1NVE-5GJA",
              "status": "received",
              "receivedOn": "2026-07-30",
              "whatHappensNext": "Công an tỉnh đã nhận tin báo của bạn. ...",
              "attachments": []
            }""";

    static final String STATUS = """
            {
              "reference": "7KQM2XHD9PA",
              "status": "being-reviewed",
              "receivedOn": "2026-07-30",
              "messages": [
                { "from": "tipster", "text": "Họ vừa đổi số tài khoản nhận tiền.", "sentOn": "2026-07-31" },
                { "from": "police", "text": "Cảm ơn bạn. Bạn có ảnh chụp tin nhắn tuyển dụng không?", "sentOn": "2026-08-01" }
              ],
              "attachments": [
                { "name": "tin-nhan.jpg", "mediaType": "image/jpeg", "size": 184233,
                  "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "locationKept": false }
              ]
            }""";

    static final String BAD_PHONE = """
            {
              "type": "/problems/validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "1 field is invalid",
              "errors": [ { "field": "identifiers[0].value", "message": "is not a valid phone number (Vietnamese numbers may omit +84)" } ]
            }""";

    static final String NOT_FOUND = """
            { "type": "/problems/not-found", "title": "Not found", "status": 404,
              "detail": "No tip matches this reference and receipt code" }""";

    static final String TOO_MANY = """
            { "type": "/problems/too-many-requests", "title": "Too many requests", "status": 429,
              "detail": "Too many tips are arriving right now; please try again shortly" }""";

    static final String UNSUPPORTED = """
            { "type": "/problems/unsupported-media-type", "title": "Unsupported media type", "status": 415,
              "detail": "Only JPEG, PNG and WebP images and PDF documents are accepted",
              "errors": [ { "field": "files[0]", "message": "is not a JPEG, PNG, WebP or PDF file" } ] }""";

    private TipExamples() {}
}
