package supportbot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadingTest {
    @Test
    void foldsTheWaysOfTypingTheSameWords() {
        assertEquals("我的账号被盗了", Reading.of("我的帳號被盜了"));
        assertEquals("转账一直没到账", Reading.of("轉帳一直沒到帳"));
        assertEquals("human please!", Reading.of("human please!!!"));
        assertEquals("多谢啦~", Reading.of("多謝啦～～～"));
        assertEquals("hello", Reading.of("hello 👋"));
        assertEquals("转了3000TRX 昨天", Reading.of("转了３０００ＴＲＸ　昨天"));
        assertEquals("转人工", Reading.of("转\u200b人工\uFEFF"));
    }

    @Test
    void keepsCaseAndSingleMarks() {
        assertEquals("TxID 0xAbC? ok.", Reading.of("TxID 0xAbC? ok."));
    }
}
