package dev.shirase.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeMarkupTest {

    @Test
    void keepsEscapedTextAndMarks() {
        assertThat(SafeMarkup.marked("Google Chrome の<mark>認証</mark>回避 &amp; &lt;b&gt;"))
                .isEqualTo("Google Chrome の<mark>認証</mark>回避 &amp; &lt;b&gt;");
    }

    @Test
    void escapesAnyOtherMarkup() {
        assertThat(SafeMarkup.marked("<script>alert(1)</script><mark>x</mark>"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;<mark>x</mark>");
        assertThat(SafeMarkup.marked("<mark onclick=\"a()\">x</mark>"))
                .isEqualTo("&lt;mark onclick=&quot;a()&quot;&gt;x");
        assertThat(SafeMarkup.marked("<img src=x onerror='a'>")).isEqualTo("&lt;img src=x onerror=&#39;a&#39;&gt;");
    }

    @Test
    void balancesMarks() {
        assertThat(SafeMarkup.marked("</mark>a<mark>b")).isEqualTo("a<mark>b</mark>");
        assertThat(SafeMarkup.marked("")).isEmpty();
        assertThat(SafeMarkup.marked(null)).isEmpty();
    }
}
