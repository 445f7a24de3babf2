package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sentences written for this test, not taken from the conversation suite. */
class ReportSignalsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "withdrew bnb from kraken on monday, still not in the wallet",
            "transferred usdc to my brother earlier today and he says nothing came",
            "my solana swap keeps failing",
            "can't sign in, my email is li.na@example.org",
            "the trc20 payment never arrived, why?",
            "上周五充了200u 到现在没看到",
            "刚刚换了一点bnb 结果没到",
            "前天晚上提的 還沒到帳",
            "钱包进不去 用户ID 73310045",
            "今天升级之后一直闪退",
            "发到了0x1111111111111111111111111111111111111111 对方没收到",
            "提到okx 一直 processing",
            "已经 3 hours 还在转圈",
    })
    void whatHappenedToTheUserIsAReport(String text) {
        assertTrue(ReportSignals.in(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "how do I withdraw to an exchange",
            "what is the fee for sending usdt on tron",
            "can I cancel a transaction",
            "怎么添加自定义代币",
            "如何备份助记词",
            "為什麼需要能量",
            "能不能用BSC链转USDT",
            "is bep20 usdt cheaper than erc20 usdt",
    })
    void aQuestionWithoutSuchSignalsIsNot(String text) {
        assertFalse(ReportSignals.in(text), text);
    }

    /** Anger at the company is no sign of theft; something taken from the user is, however it is put. */
    @ParameterizedTest
    @ValueSource(strings = {"you guys are a total scam, 3 days and nothing", "this app is such a scam", "你们是不是骗子 这么慢",
            "你们这是诈骗吧 客服都不回", "prove you're not a scam", "is this a scam or the real airdrop page?"})
    void insultsAreNotTheft(String text) {
        assertFalse(ReportSignals.theft(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"got scammed on a fake swap site", "钱包被掏空了", "币被转到一个陌生地址", "骗子冒充客服",
            "the wallet was emptied overnight"})
    void takenFromTheUserIsTheft(String text) {
        assertTrue(ReportSignals.theft(text), text);
    }
}
