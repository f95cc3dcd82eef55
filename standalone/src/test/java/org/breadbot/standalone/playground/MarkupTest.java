package org.breadbot.standalone.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.breadbot.standalone.playground.Markup.Entity;
import org.breadbot.standalone.playground.Markup.Formatted;
import org.breadbot.standalone.playground.Markup.MarkupException;
import org.junit.jupiter.api.Test;

class MarkupTest {

    private static Formatted html(String source) throws MarkupException {
        return Markup.parse("HTML", source);
    }

    private static Formatted markdownV2(String source) throws MarkupException {
        return Markup.parse("MarkdownV2", source);
    }

    @Test
    void htmlTagsBecomePlainTextWithEntities() throws MarkupException {
        Formatted formatted = html("<b>bold</b> and <i>it <u>both</u></i>");

        assertThat(formatted.text()).isEqualTo("bold and it both");
        assertThat(formatted.entities()).containsExactly(
                Entity.of("bold", 0, 4), Entity.of("italic", 9, 7), Entity.of("underline", 12, 4));
    }

    @Test
    void htmlCharacterReferencesAreDecodedIntoText() throws MarkupException {
        Formatted formatted = html("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#128512; &#x41; &nbsp;");

        assertThat(formatted.text()).isEqualTo("<script>alert(\"x\")</script> & 😀 A &nbsp;");
        assertThat(formatted.entities()).isEmpty();
    }

    @Test
    void htmlScriptTagIsRefusedWithTelegramsWording() {
        assertThatThrownBy(() -> html("hi <script>alert(1)</script>"))
                .isInstanceOf(MarkupException.class)
                .hasMessage("Unsupported start tag \"script\" at byte offset 3");
    }

    @Test
    void htmlImageWithHandlerIsRefused() {
        assertThatThrownBy(() -> html("<img src=x onerror=alert(1)>"))
                .hasMessage("Unsupported start tag \"img\" at byte offset 0");
    }

    @Test
    void htmlUnclosedAndMismatchedTagsAreRefused() {
        assertThatThrownBy(() -> html("<b>open"))
                .hasMessage("Can't find end tag corresponding to start tag \"b\"");
        assertThatThrownBy(() -> html("<b><i>x</b></i>"))
                .hasMessage("Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"");
        assertThatThrownBy(() -> html("x</b>")).hasMessage("Unexpected end tag at byte offset 1");
        assertThatThrownBy(() -> html("a <b")).hasMessage("Unclosed start tag at byte offset 2");
    }

    @Test
    void htmlByteOffsetsCountUtf8Bytes() {
        assertThatThrownBy(() -> html("хлеб <x>"))
                .hasMessage("Unsupported start tag \"x\" at byte offset 9");
    }

    @Test
    void htmlLinksMentionsSpoilersAndCode() throws MarkupException {
        Formatted formatted = html("<a href=\"https://example.org/?a=1&amp;b=2\">site</a> "
                + "<a href='tg://user?id=42'>Вера</a> <span class=\"tg-spoiler\">s</span> <tg-spoiler>t</tg-spoiler> "
                + "<pre><code class=\"language-java\">int x;</code></pre> <code>c</code> "
                + "<blockquote expandable>q</blockquote>");

        assertThat(formatted.text()).isEqualTo("site Вера s t int x; c q");
        assertThat(formatted.entities()).containsExactly(
                new Entity("text_link", 0, 4, "https://example.org/?a=1&b=2", null, null, null),
                new Entity("text_mention", 5, 4, null, 42L, null, null),
                Entity.of("spoiler", 10, 1),
                Entity.of("spoiler", 12, 1),
                new Entity("pre", 14, 6, null, null, "java", null),
                Entity.of("code", 21, 1),
                Entity.of("expandable_blockquote", 23, 1));
    }

    @Test
    void htmlSpanNeedsTheSpoilerClass() {
        assertThatThrownBy(() -> html("<span style=\"x\">a</span>"))
                .hasMessage("Tag \"span\" must have class \"tg-spoiler\" at byte offset 0");
    }

    @Test
    void htmlOffsetsCountUtf16CodeUnits() throws MarkupException {
        Formatted formatted = html("😀 <b>да</b>");

        assertThat(formatted.entities()).containsExactly(Entity.of("bold", 3, 2));
    }

    @Test
    void markdownV2Styles() throws MarkupException {
        Formatted formatted = markdownV2("*bold* _it_ __under__ ~strike~ ||spoiler|| `code` [link](https://x.org/a\\)b)");

        assertThat(formatted.text()).isEqualTo("bold it under strike spoiler code link");
        assertThat(formatted.entities()).containsExactly(
                Entity.of("bold", 0, 4), Entity.of("italic", 5, 2), Entity.of("underline", 8, 5),
                Entity.of("strikethrough", 14, 6), Entity.of("spoiler", 21, 7), Entity.of("code", 29, 4),
                new Entity("text_link", 34, 4, "https://x.org/a)b", null, null, null));
    }

    @Test
    void markdownV2ReservedCharactersMustBeEscaped() throws MarkupException {
        assertThatThrownBy(() -> markdownV2("Привет."))
                .hasMessage("Character '.' is reserved and must be escaped with the preceding '\\'");
        assertThat(markdownV2("Привет\\. 1\\+1\\=2\\!").text()).isEqualTo("Привет. 1+1=2!");
    }

    @Test
    void markdownV2KeepsAngleBracketsAsText() throws MarkupException {
        Formatted formatted = markdownV2("<b\\>not html</b\\> <script\\>");

        assertThat(formatted.text()).isEqualTo("<b>not html</b> <script>");
        assertThat(formatted.entities()).isEmpty();
    }

    @Test
    void markdownV2PreWithLanguageAndQuotes() throws MarkupException {
        Formatted formatted = markdownV2("```python\nprint(1)\n```\n>first\n>second\nafter");

        assertThat(formatted.text()).isEqualTo("print(1)\n\nfirst\nsecond\nafter");
        assertThat(formatted.entities()).containsExactly(
                new Entity("pre", 0, 9, null, null, "python", null), Entity.of("blockquote", 10, 12));
    }

    @Test
    void markdownV2UnclosedEntityIsRefused() {
        assertThatThrownBy(() -> markdownV2("*bold"))
                .hasMessage("Can't find end of the entity starting at byte offset 0");
    }

    @Test
    void markdownV2MentionByUserId() throws MarkupException {
        assertThat(markdownV2("[Вера](tg://user?id=1003)").entities())
                .containsExactly(new Entity("text_mention", 0, 4, null, 1003L, null, null));
    }

    @Test
    void legacyMarkdown() throws MarkupException {
        Formatted formatted = Markup.parse("Markdown", "*b* _i_ `c` [l](http://x.org) 2\\*3");

        assertThat(formatted.text()).isEqualTo("b i c l 2*3");
        assertThat(formatted.entities()).hasSize(4);
    }

    @Test
    void javascriptLinksAreKeptAsTheyCameButTheBrowserRefusesThem() throws MarkupException {
        // Telegram keeps any URL in the entity; the page renders only http, https, tg and mailto as links
        assertThat(html("<a href=\"javascript:alert(1)\">x</a>").entities())
                .extracting(Entity::url).containsExactly("javascript:alert(1)");
    }

    @Test
    void linksWithoutAUsableTargetAreDropped() throws MarkupException {
        assertThat(html("<a>x</a> <a href=\"a b\">y</a>").entities()).isEmpty();
    }

    @Test
    void emptyEntitiesAreDropped() throws MarkupException {
        assertThat(html("<b></b>x").entities()).isEqualTo(List.of());
    }

    @Test
    void deepNestingAndLongInputStayLinear() throws MarkupException {
        String deep = "<b>".repeat(5_000) + "x" + "</b>".repeat(5_000);
        assertThat(html(deep).text()).isEqualTo("x");
        assertThat(markdownV2("\\*".repeat(50_000)).text()).hasSize(50_000);
    }
}
