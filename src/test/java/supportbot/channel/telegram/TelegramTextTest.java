package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramTextTest {

    @Nested
    class Escaping {
        @Test
        void htmlEscapesTheThreeCharactersTelegramParses() {
            assertEquals("&amp;", TelegramText.escapeHtml("&"));
            assertEquals("&lt;", TelegramText.escapeHtml("<"));
            assertEquals("&gt;", TelegramText.escapeHtml(">"));
            assertEquals("a &lt;b&gt; &amp;&amp; \"c\" *d* _e_ [f]",
                    TelegramText.escapeHtml("a <b> && \"c\" *d* _e_ [f]"));
        }

        @Test
        void htmlEscapingAnEntityEscapesItsAmpersandSoTheUserSeesWhatTheyTyped() {
            assertEquals("&amp;lt;", TelegramText.escapeHtml("&lt;"));
        }

        @Test
        void attributeEscapingAlsoEscapesDoubleQuotes() {
            assertEquals("&quot;&lt;&amp;&gt;&quot;", TelegramText.escapeAttribute("\"<&>\""));
            assertEquals("it's", TelegramText.escapeAttribute("it's"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"_", "*", "[", "]", "(", ")", "~", "`", ">", "#", "+", "-", "=", "|", "{", "}",
                ".", "!", "\\"})
        void markdownV2EscapesEveryReservedCharacter(String reserved) {
            assertEquals("\\" + reserved, TelegramText.escapeMarkdownV2(reserved));
            assertEquals("a\\" + reserved + "b", TelegramText.escapeMarkdownV2("a" + reserved + "b"));
        }

        @Test
        void markdownV2LeavesOrdinaryTextAlone() {
            assertEquals("Hello world, 你好 😀 <&< @user 42 ,:;'\"/?",
                    TelegramText.escapeMarkdownV2("Hello world, 你好 😀 <&< @user 42 ,:;'\"/?"));
        }

        @Test
        void markdownV2CodeEscapesOnlyBacktickAndBackslash() {
            assertEquals("\\`x\\\\y\\` *_[]().!", TelegramText.escapeMarkdownV2Code("`x\\y` *_[]().!"));
        }
    }

    @Nested
    class Chunking {
        @Test
        void blankTextGivesNoChunks() {
            assertEquals(List.of(), TelegramText.htmlChunks(""));
            assertEquals(List.of(), TelegramText.htmlChunks(" \n\t\r\n "));
            assertEquals(List.of(), TelegramText.htmlChunks("  ", " \n ", 100));
        }

        @Test
        void shortTextIsOneEscapedChunk() {
            assertEquals(List.of("1 &lt; 2 &amp;&amp; 3 &gt; 2"), TelegramText.htmlChunks("  1 < 2 && 3 > 2\n"));
        }

        @Test
        void tooSmallALimitIsRejected() {
            assertThrows(IllegalArgumentException.class, () -> TelegramText.htmlChunks("abc", 1));
        }

        @Test
        void longEnglishTextFitsEveryChunkAndLosesNothing() {
            String text = english(10_000, new Random(42));
            assertTrue(text.length() >= 10_000);

            List<String> chunks = TelegramText.htmlChunks(text);

            assertEquals(3, chunks.size(), "10,000 chars need three messages, and good breaks shouldn't need more");
            assertFitsAndPreserves(text, chunks, TelegramText.MAX_MESSAGE_CHARS);
            for (String chunk : chunks.subList(0, chunks.size() - 1)) {
                String visible = unescape(chunk);
                assertTrue(visible.endsWith(".") || visible.endsWith("?") || visible.endsWith("!"),
                        "paragraph, line and sentence breaks all end a sentence here: " + tail(visible));
            }
        }

        @Test
        void chineseTextSplitsAtFullStops() {
            StringBuilder text = new StringBuilder();
            Random random = new Random(7);
            String hanzi = "这是一个关于账户充值提现和交易问题的客服回复内容请耐心等待我们处理";
            while (text.length() < 9_000) {
                int length = 10 + random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    text.append(hanzi.charAt(random.nextInt(hanzi.length())));
                }
                text.append('。');
            }

            List<String> chunks = TelegramText.htmlChunks(text.toString());

            assertEquals(3, chunks.size());
            assertFitsAndPreserves(text.toString(), chunks, TelegramText.MAX_MESSAGE_CHARS);
            for (String chunk : chunks) {
                assertTrue(chunk.endsWith("。"), "every chunk ends a sentence: " + tail(chunk));
            }
        }

        @Test
        void chineseExclamationAndQuestionMarksAreSentenceEndsToo() {
            List<String> chunks = TelegramText.htmlChunks("请稍等！我们正在处理？好的谢谢您的耐心", 14);

            assertEquals(List.of("请稍等！我们正在处理？", "好的谢谢您的耐心"), chunks);
        }

        @Test
        void chineseWithoutPunctuationIsHardCut() {
            String text = "账".repeat(5_000);

            List<String> chunks = TelegramText.htmlChunks(text);

            assertEquals(List.of("账".repeat(4096), "账".repeat(904)), chunks);
        }

        @Test
        void surrogatePairsAtTheBoundaryAreNeverSplit() {
            // The leading "a" puts every emoji's low surrogate on an even index, right where a naive cut lands.
            String text = "a" + "😀".repeat(3_000);

            List<String> chunks = TelegramText.htmlChunks(text);

            assertFitsAndPreserves(text, chunks, TelegramText.MAX_MESSAGE_CHARS);
            assertEquals(4095, chunks.get(0).length(), "one short rather than half an emoji");
            for (String chunk : chunks) {
                assertFalse(Character.isLowSurrogate(chunk.charAt(0)), "chunk starts mid-pair");
                assertFalse(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1)), "chunk ends mid-pair");
            }
        }

        @Test
        void emojiSequencesStayWhole() {
            String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man, woman, girl joined by ZWJ
            String thumbs = "\uD83D\uDC4D\uD83C\uDFFD"; // thumbs up with a skin tone
            String text = (family + thumbs).repeat(10);

            List<String> chunks = TelegramText.htmlChunks(text, 21);

            assertFitsAndPreserves(text, chunks, 21);
            for (String chunk : chunks) {
                assertTrue(chunk.replace(family, "").replace(thumbs, "").isEmpty(), "cut inside a sequence: " + chunk);
            }
        }

        @Test
        void escapedCharactersCountByVisibleLength() {
            String text = "<&".repeat(3_000);

            List<String> chunks = TelegramText.htmlChunks(text);

            assertEquals(2, chunks.size());
            assertEquals(4096, unescape(chunks.get(0)).length());
            assertEquals(1904, unescape(chunks.get(1)).length());
            assertTrue(chunks.get(0).length() > 4096, "the raw chunk is longer than what Telegram counts");
            assertFitsAndPreserves(text, chunks, TelegramText.MAX_MESSAGE_CHARS);
        }

        @Test
        void cutsNeverLandInsideAnEscape() {
            // Every window length from 2 to 12 over text dense with escapes: each chunk must unescape cleanly.
            String text = "a<b&c>d&&<<>>e&amp;f";
            for (int max = 2; max <= 12; max++) {
                List<String> chunks = TelegramText.htmlChunks(text, max);
                assertFitsAndPreserves(text, chunks, max);
            }
        }

        @Test
        void singleHugeWordIsHardCut() {
            String word = "x".repeat(5_000);

            assertEquals(List.of("x".repeat(4096), "x".repeat(904)), TelegramText.htmlChunks(word));
        }

        @Test
        void paragraphBreakIsPreferredOverALaterLineBreak() {
            String first = "First paragraph line one.\nFirst paragraph line two, which is longer.";
            String second = "Second paragraph line one.\nSecond paragraph line two.";
            String text = first + "\n\n" + second;
            int max = first.length() + 30;
            assertTrue(text.indexOf('\n', first.length() + 2) <= max, "a later line break must be within reach");

            List<String> chunks = TelegramText.htmlChunks(text, max);

            assertEquals(List.of(first, second), chunks);
        }

        @Test
        void paragraphBreakMayHoldSpacesOrCarriageReturns() {
            assertEquals(List.of("One two three four.", "Five six seven."),
                    TelegramText.htmlChunks("One two three four.\n  \t\nFive six seven.", 30));
            assertEquals(List.of("One two three four.", "Five six seven."),
                    TelegramText.htmlChunks("One two three four.\r\n\r\nFive six seven.", 30));
        }

        @Test
        void lineBreakIsPreferredOverALaterSentenceEnd() {
            String text = "Line one is here\nline two. Ends later on";

            assertEquals(List.of("Line one is here", "line two. Ends later on"),
                    TelegramText.htmlChunks(text, 30));
        }

        @Test
        void sentenceEndIsPreferredOverALaterSpaceAndKeepsItsPunctuation() {
            assertEquals(List.of("Is it done yet?", "Not quite"),
                    TelegramText.htmlChunks("Is it done yet? Not quite", 20));
            assertEquals(List.of("We are on it!", "Please wait"),
                    TelegramText.htmlChunks("We are on it! Please wait", 20));
            assertEquals(List.of("Thanks, all done.", "Please check"),
                    TelegramText.htmlChunks("Thanks, all done. Please check", 24));
        }

        @Test
        void closingQuoteStaysWithItsSentence() {
            assertEquals(List.of("He said \"done.\"", "Then nothing more came"),
                    TelegramText.htmlChunks("He said \"done.\" Then nothing more came", 28));
            assertEquals(List.of("客服说「已经处理。」", "然后就没有消息了请稍等"),
                    TelegramText.htmlChunks("客服说「已经处理。」然后就没有消息了请稍等", 14));
        }

        @Test
        void decimalPointsAndUrlsAreNotSentenceEnds() {
            // "3.5" and "example.com" have a dot but no space after it, so the split is at whitespace.
            List<String> chunks = TelegramText.htmlChunks("Fee is 3.5 USDT see example.com/fees now", 27);

            assertEquals(List.of("Fee is 3.5 USDT see", "example.com/fees now"), chunks);
        }

        @Test
        void whitespaceIsPreferredOverAHardCut() {
            assertEquals(List.of("alpha beta", "gamma"), TelegramText.htmlChunks("alpha beta gamma", 12));
        }

        @Test
        void aBreakInTheFirstHalfIsOnlyUsedWhenTheSecondHalfHasNone() {
            // The early blank line would leave a nearly empty first message; the late line break doesn't.
            String text = "Hi!\n\nYour deposit arrived and was credited\nThanks for waiting";
            assertEquals(List.of("Hi!\n\nYour deposit arrived and was credited", "Thanks for waiting"),
                    TelegramText.htmlChunks(text, 45));
            // With only a huge word after it, the early break still beats cutting the word.
            assertEquals(List.of("Hi!", "x".repeat(20), "x".repeat(10)),
                    TelegramText.htmlChunks("Hi!\n\n" + "x".repeat(30), 20));
        }

        @Test
        void separatorsAreTrimmedFromChunkEdges() {
            List<String> chunks = TelegramText.htmlChunks("aaaa  \n  \n   bbbb   \n   cccc", 10);

            assertEquals(List.of("aaaa", "bbbb", "cccc"), chunks);
        }
    }

    @Nested
    class TitledChunking {
        @Test
        void titleIsBoldOnTheFirstChunkOnly() {
            String body = english(9_000, new Random(3));

            List<String> chunks = TelegramText.htmlChunks("Ticket #12 <urgent>", body, TelegramText.MAX_MESSAGE_CHARS);

            assertTrue(chunks.get(0).startsWith("<b>Ticket #12 &lt;urgent&gt;</b>\n"));
            for (String chunk : chunks.subList(1, chunks.size())) {
                assertFalse(chunk.contains("<b>"), "title repeated");
            }
            for (String chunk : chunks) {
                assertTrue(visible(chunk).length() <= TelegramText.MAX_MESSAGE_CHARS, "too long: " + visible(chunk).length());
            }
            String rejoined = String.join(" ", chunks.stream().map(TelegramTextTest::visible).toList());
            assertEquals(nonWhitespace("Ticket #12 <urgent>" + body), nonWhitespace(rejoined));
        }

        @Test
        void shortBodySharesTheMessageWithItsTitle() {
            assertEquals(List.of("<b>Hi &amp; welcome</b>\nHow can we help?"),
                    TelegramText.htmlChunks("Hi & welcome", "How can we help?", 100));
        }

        @Test
        void titleLeavesRoomForItselfAndItsLineBreak() {
            // 6 title + 1 newline leaves 13 for the body in a 20-char message.
            List<String> chunks = TelegramText.htmlChunks("Status", "one two three four five", 20);

            assertEquals(List.of("<b>Status</b>\none two three", "four five"), chunks);
        }

        @Test
        void blankTitleOrBodyFallsBackGracefully() {
            assertEquals(List.of("body"), TelegramText.htmlChunks(" ", "body", 100));
            assertEquals(List.of("<b>Title</b>"), TelegramText.htmlChunks("Title", "\n", 100));
        }

        @Test
        void titleThatCrowdsOutTheBodyGoesAlone() {
            List<String> chunks = TelegramText.htmlChunks("A long title here", "alpha beta gamma delta", 20);

            assertEquals(List.of("<b>A long title here</b>", "alpha beta gamma", "delta"), chunks);
        }

        @Test
        void titleLongerThanAMessageIsShortened() {
            List<String> chunks = TelegramText.htmlChunks("x".repeat(50), "body", 20);

            assertEquals(List.of("<b>" + "x".repeat(19) + "…</b>", "body"), chunks);
        }
    }

    private static void assertFitsAndPreserves(String original, List<String> chunks, int max) {
        assertFalse(chunks.isEmpty());
        StringBuilder rejoined = new StringBuilder();
        for (String chunk : chunks) {
            String visible = unescape(chunk);
            assertEquals(TelegramText.escapeHtml(visible), chunk, "chunk is not cleanly escaped: " + chunk);
            assertTrue(visible.length() <= max, "chunk of " + visible.length() + " > " + max);
            assertFalse(visible.isBlank());
            assertEquals(visible.strip(), visible, "chunk edges keep whitespace");
            rejoined.append(visible).append('\n');
        }
        assertEquals(nonWhitespace(original), nonWhitespace(rejoined.toString()), "text lost or reordered");
    }

    /** What Telegram shows for our escaped HTML; tags come only from titles. */
    private static String visible(String html) {
        return unescape(html.replace("<b>", "").replace("</b>", ""));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String nonWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String tail(String text) {
        return "…" + text.substring(Math.max(0, text.length() - 40));
    }

    /** Paragraphs of sentences with line breaks inside some paragraphs and HTML-special characters throughout. */
    private static String english(int minLength, Random random) {
        String[] words = {"deposit", "withdrawal", "account", "<pending>", "fee", "R&D", "wallet", "*note*",
                "_id_", "[link]", "transfer", "a", "the", "is", "not", "yet", "confirmed", "please", "wait",
                "network", "support", "ticket", "x > y", "balance"};
        String[] ends = {".", ".", ".", "?", "!"};
        StringBuilder text = new StringBuilder();
        while (text.length() < minLength) {
            int sentences = 2 + random.nextInt(6);
            for (int s = 0; s < sentences; s++) {
                int count = 4 + random.nextInt(14);
                for (int w = 0; w < count; w++) {
                    String word = words[random.nextInt(words.length)];
                    text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                    text.append(w == count - 1 ? ends[random.nextInt(ends.length)] : " ");
                }
                text.append(random.nextInt(4) == 0 ? "\n" : " ");
            }
            text.append("\n\n");
        }
        return text.toString();
    }
}
