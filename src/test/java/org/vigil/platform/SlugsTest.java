package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.platform.web.Slugs;

class SlugsTest {

    @Test
    void transliteratesVietnameseToAscii() {
        assertThat(Slugs.transliterate("Lừa đảo ĐÀ NẴNG, Nguyễn Thị Ảnh")).isEqualTo("Lua dao DA NANG, Nguyen Thi Anh");
    }

    @Test
    void slugIsLowerCaseWordsJoinedByHyphens() {
        assertThat(Slugs.fromTitle("  Cảnh giác: “việc nhẹ, lương cao” ở nước ngoài!  ", 80, "article"))
                .isEqualTo("canh-giac-viec-nhe-luong-cao-o-nuoc-ngoai")
                .matches(Slugs.PATTERN);
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.fromTitle("đường dây ".repeat(30), 80, "article");
        assertThat(slug).hasSizeLessThanOrEqualTo(80).matches(Slugs.PATTERN).startsWith("duong-day-duong-day");
        assertThat(slug).endsWith("day");
    }

    @Test
    void titleWithoutLettersOrDigitsStillGivesASlug() {
        assertThat(Slugs.fromTitle("“!?”", 80, "article")).isEqualTo("article");
    }
}
