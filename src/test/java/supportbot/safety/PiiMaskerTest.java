package supportbot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiMaskerTest {
    @AfterEach
    void removeHook() {
        PiiMasker.installExtraRedaction(null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Please reset alice.smith@example.com today       | Please reset a***@example.com today
            我的邮箱是alice.smith@example.com，谢谢             | 我的邮箱是a***@example.com，谢谢
            qq 13812345678@qq.com                            | qq 1***@qq.com
            mail to Bob_99+btc@mail.example.co.uk.           | mail to B***@mail.example.co.uk.
            """)
    void masksEmails(String raw, String masked) {
        assertEquals(masked, PiiMasker.mask(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            call me at 13812345678 please              | call me at 138****5678 please
            My phone is 138 1234 5678.                 | My phone is 138****5678.
            手机号：+86 138-1234-5678，谢谢              | 手机号：+86 138****5678，谢谢
            我的手机0086 13912345678                     | 我的手机0086 139****5678
            电话+8615012345678                          | 电话+86150****5678
            London +44 20 7946 0958, thanks            | London +44 ***58, thanks
            US +1 (555) 123-4567 or +1(555)123-4567    | US +1 ***67 or +1 ***67
            法国号码 +33 1 23 45 67 89                    | 法国号码 +33 ***89
            +442079460958                              | +***58
            """)
    void masksPhoneNumbers(String raw, String masked) {
        assertEquals(masked, PiiMasker.mask(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            card 4242 4242 4242 4242 exp 12/29         | card **** **** **** 4242 exp 12/29
            卡号4111-1111-1111-1111，请退款               | 卡号**** **** **** 1111，请退款
            5555555555554444                           | **** **** **** 4444
            Amex 3782 822463 10005                     | Amex **** **** **** 0005
            银联卡 6205500000000000004 扣款失败            | 银联卡 **** **** **** 0004 扣款失败
            on 2026-11-25 4242 4242 4242 4242          | on 2026-11-25 **** **** **** 4242
            """)
    void masksCardNumbersThatPassLuhn(String raw, String masked) {
        assertEquals(masked, PiiMasker.mask(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            身份证号11010519491231002X已提交              | 身份证号**************002X已提交
            ID card 440305199003071236 attached        | ID card **************1236 attached
            身份证：320106198511204561                   | 身份证：**************4561
            """)
    void masksChineseIdNumbersWithValidChecksum(String raw, String masked) {
        assertEquals(masked, PiiMasker.mask(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            我住在广东省深圳市南山区科技园路1号，快递没收到         | 我住在广东省深圳市***，快递没收到
            北京市朝阳区建国路88号院3号楼2单元301室              | 北京市***
            地址：浙江省杭州市西湖区文三路 100 号 5 楼             | 地址：浙江省杭州市***
            广西壮族自治区南宁市青秀区民族大道100号               | 广西壮族自治区南宁市***
            请寄到上海市黄浦区南京东路100号，电话13912345678       | 请寄到上海市***，电话139****5678
            ship to 12 Baker Street, London              | ship to [address], London
            1600 Amphitheatre Pkwy, Mountain View        | [address], Mountain View
            I live at 221B Baker Street.                 | I live at [address].
            office at 350 5th Ave                        | office at [address]
            """)
    void masksPostalAddresses(String raw, String masked) {
        assertEquals(masked, PiiMasker.mask(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            to 0x52908400098527886E0F7030069857D2E4169EE7 ok        | to 0x5290…9EE7 ok
            收款地址TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t，链是TRC20       | 收款地址TR7NHq…Lj6t，链是TRC20
            btc bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq         | btc bc1qar…5mdq
            legacy 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa               | legacy 1A1zP1…vfNa
            script 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy               | script 3J98t1…WNLy
            sol 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV         | sol 7EcDhS…FLtV
            """)
    void shortensWalletAddresses(String raw, String masked) {
        assertEquals(masked, PiiMasker.mask(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sent 100 USDT on 2026-11-25 at 14:30, ticket #1001, port 8080, id 123456",
        "已转账 500 USDT，工单号 #1001，时间 2026年11月25日 14:30，订单 654321",
        "tx 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 confirmed",
        "交易哈希 5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 已确认",
        "The withdrawal is still pending, please wait.",
        "我的提现一直没到账，请帮我查一下。",
        "card 4242 4242 4242 4241 declined",
        "4242424242424241",
        "ID 110105194912310021 has a wrong check digit",
        "received 13500000000 SHIB and 4242424242424242 PEPE",
        "discord channel 1234567890123456789 joined",
        "request 123e4567-e89b-12d3-a456-426614174000 from 192.168.1.10:8080",
        "md5 3f2b7c9e8a1d4f6b5c3e2a1d9f8b7c6e git 3a94a8fe5ccb19ba61c4c0873d391e987982fbbd",
        "balance +1234567 USDT, tz +08:00, UTC+8, 2026-11-25T14:30:00Z",
        "ch.qos.logback.core.ConsoleAppender@6d06d69c[STDERR]",
        "TelegramLongPollingUpdatesConsumer started",
        "我知道123号工单的进度，市场部也知道",
        "We shipped 12 Boxes Today and waited 3 Days",
        "中午12点在超市门口等，路上堵车",
    })
    void leavesOrdinaryTextAlone(String text) {
        assertEquals(text, PiiMasker.mask(text));
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertNull(PiiMasker.mask(null));
        assertEquals("", PiiMasker.mask(""));
    }

    @Test
    void appliesTheExtraRedactionToEveryLine() {
        PiiMasker.installExtraRedaction(s -> s.replace("hunter2", "[secret removed]"));

        assertEquals("password [secret removed]", PiiMasker.mask("password hunter2"));
        assertEquals("[secret removed] for a***@example.com",
                PiiMasker.mask("hunter2 for alice@example.com"));
    }

    @Test
    void withholdsTheLineWhenTheExtraRedactionFails() {
        PiiMasker.installExtraRedaction(s -> {
            throw new IllegalStateException("detector broken");
        });
        assertEquals(PiiMasker.WITHHELD, PiiMasker.mask("password hunter2"));

        PiiMasker.installExtraRedaction(s -> null);
        assertEquals(PiiMasker.WITHHELD, PiiMasker.mask("password hunter2"));

        PiiMasker.installExtraRedaction(null);
        assertEquals("password hunter2", PiiMasker.mask("password hunter2"));
    }

    @Test
    void masksEveryValueInALongLine() {
        String chunk = "user alice@example.com phone 13812345678 card 4242 4242 4242 4242 "
                + "到账 100 USDT 地址 0x52908400098527886E0F7030069857D2E4169EE7 ";
        String line = chunk.repeat(10_000 / chunk.length() + 1);
        assertTrue(line.length() >= 10_000);

        String masked = PiiMasker.mask(line);

        assertFalse(masked.contains("alice@"), "email");
        assertFalse(masked.contains("13812345678"), "phone");
        assertFalse(masked.contains("4242 4242 4242 4242"), "card");
        assertFalse(masked.contains("0x52908400098527886E0F7030069857D2E4169EE7"), "wallet");
        String maskedChunk = "user a***@example.com phone 138****5678 card **** **** **** 4242 "
                + "到账 100 USDT 地址 0x5290…9EE7 ";
        assertEquals(maskedChunk.repeat(10_000 / chunk.length() + 1), masked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "4242 ", "+1 ", "a.", "@a.", "市路1号", "12 Baker ", "Tx", "我的提现 "})
    void copesWithLongDegenerateLines(String unit) {
        String line = unit.repeat(10_000 / unit.length());
        String masked = PiiMasker.mask(line);
        assertTrue(masked != null && !masked.isEmpty());
    }
}
