package supportbot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ordinary support messages must never be taken for secrets: a false alarm deletes a normal message. The corpus
 * is the shipped FAQ (questions, alternates and answers in both languages), the bench queries, the StackFAQ dev
 * queries when present, and messages written here that look like real users' messages with tx hashes,
 * addresses, amounts and long texts made of BIP-39 list words and characters.
 */
class NoFalseAlarmTest {

    private static final Path FAQ_DIR = Path.of("faq-data");
    private static final Path[] QUERY_FILES = {
        Path.of("bench/queries-zh.jsonl"), Path.of("bench/queries-en.jsonl"), Path.of("../shared/eval/stackfaq/queries-dev.jsonl"),
    };

    @Test
    void ordinarySupportMessagesProduceNoFindings() throws IOException {
        List<String> faq = faqTexts();
        List<String> queries = queryTexts();
        List<String> written = writtenMessages();
        List<String> corpus = new ArrayList<>();
        corpus.addAll(faq);
        corpus.addAll(queries);
        corpus.addAll(written);

        assertTrue(faq.size() >= 500, "FAQ texts: " + faq.size());
        assertTrue(written.size() >= 150, "written messages: " + written.size());
        assertTrue(corpus.size() >= 1000, "corpus: " + corpus.size());

        SecretDetector d = SecretDetector.standard();
        ScanStats stats = new ScanStats();
        List<String> alarms = new ArrayList<>();
        long chars = 0;
        for (String text : corpus) {
            chars += text.length();
            List<Finding> found = d.scan(text, stats);
            for (Finding f : found) {
                alarms.add(f.kind() + " " + text.substring(f.start(), f.end()) + "  <<  " + text);
            }
        }
        System.out.printf("NoFalseAlarmTest: %d messages (%d FAQ texts, %d queries, %d written), %d chars; %s%n",
                corpus.size(), faq.size(), queries.size(), written.size(), chars, stats);
        assertEquals(List.of(), alarms);

        // The corpus must exercise the rules: candidates have to reach the checksum step and be stopped there or
        // by the rules after it, not by never forming.
        assertTrue(stats.chineseRuns >= 100, "unseparated Chinese runs checked: " + stats.chineseRuns);
        assertTrue(stats.englishWindows >= 10, "English windows checked: " + stats.englishWindows);
        assertTrue(stats.chineseSeparatedWindows >= 5, "separated Chinese windows checked: " + stats.chineseSeparatedWindows);
    }

    @Test
    void hexAndBase58ThingsUsersPasteAreNotSecrets() {
        // Many random tx hashes and addresses, each in the shapes users send them.
        SecretDetector d = SecretDetector.standard();
        Random rnd = new Random(7);
        int n = 0;
        for (int i = 0; i < 300; i++) {
            String tx = hex(rnd, 32);
            for (String text : List.of(tx, "0x" + tx, "tx: " + tx, "交易哈希 " + tx, "TXID:" + tx,
                    "https://bscscan.com/tx/0x" + tx, "my transfer " + "0x" + tx + " is pending",
                    "to 0x" + hex(rnd, 20) + " amount 12.5 USDT hash 0x" + tx,
                    "address " + tronAddress(rnd) + " txid " + tx, "btc " + base58(rnd, 34, '1'))) {
                assertEquals(List.of(), d.scan(text), text);
                n++;
            }
        }
        assertEquals(3000, n);
    }

    /**
     * Issue 15: messages written fresh for the wider rules (no checksum for phrases with a word wrong, keys
     * without a key label, normalised text), then each one also in the disguises the detector now undoes
     * (full-width, zero-width spaces, emoji bullets, underscores, traditional Chinese), plus the values users
     * paste for every chain the bot knows (ChainFormats: ETH, BSC, Polygon, Arbitrum, TRON, BTC, SOL), with and
     * without labels. None may be taken for a secret.
     */
    @Test
    void freshMessagesInEveryShapeProduceNoFindings() {
        Random rnd = new Random(1515);
        List<String> base = fill(FRESH, rnd);
        List<String> corpus = new ArrayList<>(base);
        for (String m : base) {
            corpus.add(m.replace(" ", "_"));
            corpus.add(m.replace(" ", "\u200B"));
            corpus.add(insideWords(m, "\u200B"));
            corpus.add(fullWidth(m));
            corpus.add("🔑 " + m.replace(". ", ". ✅ ") + " 🙏");
            corpus.add(supportbot.text.TextNormalizer.detection().normalize(m).text().equals(m) ? "\u00A0" + m : m);
        }
        for (int i = 0; i < 40; i++) {
            for (String c : CHAIN_CONTEXTS) {
                corpus.add(fillOne(c, rnd));
            }
        }
        assertTrue(base.size() >= 150, "fresh messages: " + base.size());
        SecretDetector d = SecretDetector.standard();
        ScanStats stats = new ScanStats();
        List<String> alarms = new ArrayList<>();
        for (String text : corpus) {
            for (Finding f : d.scan(text, stats)) {
                alarms.add(f.kind() + " " + text.substring(f.start(), f.end()) + "  <<  " + text);
            }
        }
        System.out.printf("NoFalseAlarmTest (fresh): %d messages (%d written, the rest disguised or generated), %d false "
                + "alarms; %s%n", corpus.size(), base.size(), alarms.size(), stats);
        assertEquals(List.of(), alarms);
        assertTrue(stats.englishNear >= 10, "the no-checksum English rule was exercised: " + stats.englishNear);
    }

    private static String insideWords(String m, String mark) {
        return m.replaceAll("([A-Za-z]{2})([A-Za-z]{2,})", "$1" + mark + "$2");
    }

    private static String fullWidth(String m) {
        StringBuilder sb = new StringBuilder();
        for (char c : m.toCharArray()) {
            sb.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return sb.toString();
    }

    private static List<String> fill(String lines, Random rnd) {
        List<String> out = new ArrayList<>();
        for (String m : lines.split("\n")) {
            if (!m.isBlank()) {
                out.add(fillOne(m.strip(), rnd));
            }
        }
        return out;
    }

    private static String fillOne(String m, Random rnd) {
        m = m.replace("\\n", "\n");
        String[][] slots = {
            {"{TX0X}", null}, {"{TX}", null}, {"{EVM}", null}, {"{TRON}", null}, {"{BTC}", null}, {"{BTCL}", null},
            {"{SOL}", null}, {"{SOLTX}", null}, {"{SIG}", null},
        };
        for (String[] slot : slots) {
            while (m.contains(slot[0])) {
                String v = switch (slot[0]) {
                    case "{TX0X}" -> "0x" + hex(rnd, 32);
                    case "{TX}" -> hex(rnd, 32);
                    case "{EVM}" -> "0x" + hex(rnd, 20);
                    case "{TRON}" -> tronAddress(rnd);
                    case "{BTC}" -> "bc1q" + hex(rnd, 19).replace('0', 'q').replace('1', 'p').replace('b', 'z');
                    case "{BTCL}" -> base58(rnd, 34, '1');
                    case "{SOL}" -> base58(rnd, 44, '7');
                    case "{SOLTX}" -> base58(rnd, 88, '5');
                    default -> hex(rnd, 65);
                };
                m = m.substring(0, m.indexOf(slot[0])) + v + m.substring(m.indexOf(slot[0]) + slot[0].length());
            }
        }
        return m;
    }

    /** Values of every chain the bot knows, the way users paste them, some next to words like "key" or "私钥". */
    static final List<String> CHAIN_CONTEXTS = List.of(
            "ETH address {EVM} tx {TX0X}",
            "BSC 上的交易哈希 {TX0X}，地址 {EVM}",
            "polygon txn hash: {TX0X}",
            "Arbitrum One, bridge tx {TX0X}, to {EVM}",
            "TRON txid {TX} from {TRON}",
            "波场转账 {TX} 收款地址 {TRON}",
            "btc txid {TX} to {BTC}",
            "比特币交易 {TX}，地址 {BTCL}",
            "solana tx signature {SOLTX}",
            "SOL 转账签名 {SOLTX} 收款地址 {SOL}",
            "my sol address {SOL}, tx {SOLTX}",
            "{SOLTX}",
            "{TX}",
            "{TX0X}",
            "I never shared my private key. The txid is {TX} and the address {TRON}",
            "私钥没给过别人，交易哈希 {TX0X}",
            "public key {TX}",
            "公钥：{TX}",
            "signature 0x{SIG}",
            "签名 0x{SIG}",
            "order 20241203-88812, amount 1,250.00 USDT, fee 1 TRX",
            "[1, 2, 3] steps done, still error 0x{TX}",
            "金额 [100, 200, 300] 三笔都没到账 {TX0X}");

    /** Ordinary support messages written for issue 15; placeholders as in {@link #WRITTEN}. */
    static final String FRESH = """
            I want to send my money back to the wallet after the swap failed today
            please help me, I lost access to my account after the last update and now the balance shows zero
            can you check why my deposit is still pending after two hours
            I tried to swap USDT to ETH three times and every time it says network error
            hello, my transfer to the exchange arrived but the amount is lower than what I sent
            I think someone stole my coins, I never gave anyone my recovery phrase
            what is the fee for sending bitcoin, it looks very high today
            how do I add a custom token, the contract address is {EVM}
            my phone broke and I bought a new one, how do I move my wallet
            the app crashes every time I open the market page on android
            where can I see the history of my trades and rewards
            the bridge has been stuck for an hour, source tx {TX0X}
            I sent ETH on the wrong network, can I get it back
            is this your official support account or a fake one, someone asked me for my seed
            thank you for the quick answer, the problem is fixed now
            why does the price in the wallet differ from the exchange price
            I want to close my account and delete all my data
            the login code never arrives by email, I checked the spam folder too
            my friend sent me USDT on TRON but I do not see it, his txid is {TX}
            can you explain what gas is and why I need ETH to send tokens
            I forgot my password but I still have my twelve words written on paper, what should I do
            I only wrote down eleven words of my phrase, is there any way to recover the last one
            can a scammer steal my coins if he only knows my wallet address
            the staking reward did not arrive this month, please check
            I need to change the language of the app to english
            how long does a normal transfer take on the bitcoin network
            I accidentally approved a strange contract, how do I cancel the approval
            my NFT is not showing, I bought it last week
            the swap gave me less than the quote, slippage was set to one percent
            I paid with my card but the crypto never arrived, order number A-77812
            please escalate this to a human agent, I have been waiting for three days
            is it safe to keep a large amount of money in a mobile wallet
            the QR code for receiving does not scan on the other phone
            I see a lot of unknown tokens in my wallet, can I sell them
            do I need to pay tax on crypto, just asking if you have any guide
            my hardware wallet does not connect over bluetooth since the firmware update
            what happens if I send coins to a contract address by mistake
            I want to report a phishing site that copies your logo
            my account was locked after too many wrong attempts, how long do I have to wait
            I want to buy bitcoin with cash, is that possible in your app
            the energy and bandwidth on TRON are not enough for a transfer, why
            I am a new user, can you tell me the first steps to receive money
            the notification said my transfer was complete but the balance did not change
            why was my withdrawal rejected, the message only said risk control
            I sent the wrong amount, can I cancel a transaction after it is confirmed
            the fee estimate changes every second, which one will I pay
            good morning team, any news about my ticket from yesterday
            ok thanks, I will try again tonight and tell you
            sorry for the many messages, I am just worried about my funds
            can you please check my address {TRON}, the balance is wrong
            my recovery phrase is safe, I just need help with a failed swap
            the words of my phrase are in english but I speak chinese, is that a problem
            I have a question about the private key export, the button is grey
            I typed my seed phrase into a website yesterday, should I move my funds now
            all good now, thank you for your patience and have a nice weekend
            fee too high, price drop, swap fail, money gone, please help fast
            wallet empty, token gone, never share seed, please check logs, thank you
            network busy again, deposit late again, support slow again, very sad
            I want to say thank you, your team was very helpful last month
            could you confirm whether the amount of 1,250.50 USDT arrived at {TRON}
            I bought a ticket for the event with crypto and the seller says he never got it, tx {TX0X}
            two transfers, one failed and one success, total 300 USDT, hash {TX0X}
            my balance shows 0.0035 BTC but the explorer shows 0.0041 BTC for {BTC}
            the solana transfer shows failed on the explorer, signature {SOLTX}
            my sol address is {SOL} and nothing arrived after the swap
            I want to send my money back to the wallet after the swap failed today, what should I do next
            every time I open the app it asks me to update but the update fails
            the bridge asked me to sign a message, is that normal
            please add support for more networks, I use polygon and arbitrum a lot
            I lost my phone on the train and my wallet had about two thousand dollars
            can I use the same recovery phrase in two different wallets
            my son used my phone and now there are strange transactions
            what does pending mean, it has been like this since the morning
            help, the screen is black after I enter my password
            hello? anyone there? I still wait for an answer about my missing deposit
            I was told to update my wallet through a link in a message, is that from you
            your app is great but the fees are too high compared to other wallets
            the price chart does not load, it shows an empty page
            please tell me the steps to export my transaction history as a file
            when will the new version with dark mode be released
            hello team please check deposit again today balance still wrong network fee high wait long time need answer soon
            swap fail again today, token balance wrong, fee high, please check account, thank you
            good morning, deposit still pending, network slow, price drop, want sell coin, please help fast
            thank you team, problem fixed, balance correct, swap work again, have nice day
            hello, deposit arrive late, amount wrong, fee high, need refund, please check order
            sorry again, still same error, please check again, maybe network problem, thank you very much
            我想把钱转回钱包，因为今天闪兑失败了
            今天早上转了一笔USDT到交易所，到现在还没到账，交易哈希 {TX}
            请问怎么查看我的收款地址，我要发给朋友
            钱包里的余额突然变成零了，我什么都没有操作过
            手续费为什么这么贵，上次转账才一块钱
            我在别的钱包导入了助记词，但是地址不一样，这是为什么
            请问你们的客服几点上班，我晚上十点还能联系到人吗
            我的手机坏了，新手机上怎么恢复钱包
            闪兑的时候显示价格影响太大，是什么意思
            转账的时候提示能量不足，要怎么获取能量
            我把币转错网络了，还能找回来吗，交易哈希是 {TX0X}
            有人冒充你们的客服加我好友，让我提供私钥，我没给
            我的助记词一直保存在纸上，没有拍照，也没有给别人看过
            请问私钥和助记词哪个更重要，我应该怎么保管
            为什么我收不到别人转给我的币，对方说已经成功了
            跨链桥转了两个小时还没到，源链交易 {TX0X}
            质押的收益什么时候到账，已经过了一个星期了
            我想注销账户，删除所有的个人数据
            应用一直闪退，我已经重新安装了好几次
            登录的时候验证码一直收不到，邮箱也检查过了
            我不小心授权了一个陌生合约，现在要怎么取消
            钱包显示的价格和交易所不一样，差了不少
            我买币的时候银行卡扣款成功了，但是币没到账，订单号 88120034
            请帮我催一下工单，已经等了三天了
            谢谢你们的帮助，问题已经解决了
            好的，我明天再试一次，有问题再联系你们
            我是第一次用数字钱包，什么都不懂，能不能教我怎么收款
            我的地址是 {TRON}，请帮我查一下余额为什么不对
            比特币转账一般要多久才能确认，我的交易 {TX} 还没确认
            我在索拉纳上转账失败了，签名是 {SOLTX}
            以太坊上的交易一直在等待中，gas 设置得太低了吗
            助记词丢了还能找回钱包吗？我只记得密码
            我的钱被转走了，是不是被盗了，请尽快帮我看看
            为什么同一个助记词在不同的钱包里地址不一样
            这个网站说可以领取空投，要我连接钱包，安全吗
            我想把波场上的USDT换成ETH，应该怎么操作
            客服你好，我想问一下提现到银行卡要多久
            余额显示不对，少了一百多个U，麻烦尽快处理
            你们的应用什么时候支持中文界面
            我用的是苹果手机，系统是最新的，还是打不开
            我想把钱转到另一个钱包，需要注意什么
            在吗？在吗？有人吗？我的币不见了
            钱包被锁了，提示输入错误次数太多
            我昨天晚上转账的时候网络不好，点了两次，结果转了两笔
            如何判断下载的应用是不是官方的
            为什么转账需要支付矿工费，可以不付吗
            我想给家人也创建一个钱包，要怎么做比较安全
            我的账户是 alice@example.com，请帮我查一下
            请问这个合约地址 {EVM} 是不是官方的代币
            我的硬件钱包连不上电脑了，换了数据线也不行
            好的我明白了，助记词不能告诉任何人，包括客服
            钱包里的代币不显示了，但是区块浏览器上能看到
            交易所说已经发出了，交易ID {TX}，但是我这边没收到
            我 想 把 钱 转 回 钱 包 ， 今 天 闪 兑 失 败 了
            请 问 手 续 费 怎 么 算 的 ， 为 什 么 每 次 都 不 一 样
            我要 send 一些 USDT 到 Binance，要选哪个 network？
            swap 失败了但是 fee 扣了，hash {TX0X}
            我的 wallet address 是 {EVM}，balance 显示 0
            bridge 到 arbitrum 一直 pending，请帮忙 check 一下
            seed phrase 我没有给别人，但是 token 不见了
            help！转账失败 again，network error
            请帮我看一下这个 txid：{TX}，是不是已经 confirm 了
            my 助记词 is safe，只是想问 swap 的问题
            USDT 到账了吗？amount 是 500，address {TRON}
            app 更新之后 login 不了，一直提示 error
            我在 phantom 里看到 SOL 余额不对，address {SOL}
            private key 导出的按钮是灰色的，怎么回事
            請問手續費為什麼這麼貴，上次轉帳才一塊錢
            我的錢包裡的幣突然不見了，請幫我查一下
            助記詞我一直保存在紙上，沒有給任何人看過
            轉帳失敗了但是手續費扣了，交易哈希 {TX0X}
            請問怎麼把幣轉到交易所，要選哪個網路
            謝謝你們的幫助，問題已經解決了
            錢包顯示的價格和交易所不一樣，差了不少
            我想刪除帳戶和所有的個人資料
            """;

    // ------------------------------------------------------------------------------------------------------

    static List<String> faqTexts() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(FAQ_DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() >= 50, "FAQ files: " + files.size());
        for (Path f : files) {
            JsonNode root = yaml.readTree(f.toFile());
            for (String lang : List.of("zh", "en")) {
                JsonNode e = root.path(lang);
                addText(out, e.path("question"));
                for (JsonNode alt : e.path("alternates")) {
                    addText(out, alt);
                }
                addText(out, e.path("answer"));
            }
        }
        return out;
    }

    private static void addText(List<String> out, JsonNode n) {
        if (n.isTextual() && !n.asText().isBlank()) {
            out.add(n.asText());
        }
    }

    static List<String> queryTexts() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (Path p : QUERY_FILES) {
            if (!Files.exists(p)) {
                System.out.println("NoFalseAlarmTest: " + p + " absent, skipped");
                continue;
            }
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    addText(out, json.readTree(line).path("query"));
                }
            }
        }
        return out;
    }

    static String hex(Random rnd, int bytes) {
        byte[] b = new byte[bytes];
        rnd.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String base58(Random rnd, int len, char first) {
        StringBuilder sb = new StringBuilder().append(first);
        while (sb.length() < len) {
            sb.append(Base58Check.ALPHABET.charAt(rnd.nextInt(58)));
        }
        return sb.toString();
    }

    static String tronAddress(Random rnd) {
        return base58(rnd, 34, 'T');
    }

    /** Messages written to look like real users' (and agents') messages; placeholders get seeded random values. */
    static List<String> writtenMessages() {
        Random rnd = new Random(2025);
        List<String> out = new ArrayList<>();
        for (String m : WRITTEN.split("\n")) {
            m = m.strip();
            if (m.isEmpty()) {
                continue;
            }
            m = m.replace("\\n", "\n");
            while (m.contains("{TX0X}")) {
                m = m.replaceFirst("\\{TX0X\\}", "0x" + hex(rnd, 32));
            }
            while (m.contains("{TX}")) {
                m = m.replaceFirst("\\{TX\\}", hex(rnd, 32));
            }
            while (m.contains("{EVM}")) {
                m = m.replaceFirst("\\{EVM\\}", "0x" + hex(rnd, 20));
            }
            while (m.contains("{TRON}")) {
                m = m.replaceFirst("\\{TRON\\}", tronAddress(rnd));
            }
            while (m.contains("{BTC}")) {
                m = m.replaceFirst("\\{BTC\\}", "bc1q" + hex(rnd, 19).replace('0', 'q').replace('1', 'p').replace('b', 'z'));
            }
            while (m.contains("{BTCL}")) {
                m = m.replaceFirst("\\{BTCL\\}", base58(rnd, 34, '1'));
            }
            out.add(m);
        }
        return out;
    }

    /** One message a line; "\n" inside a line is a line break in the message. */
    static final String WRITTEN = """
            你好，我昨天从交易所提了500个USDT到钱包，到现在还没到账，交易哈希是{TX}，麻烦帮我查一下
            交易哈希：{TX0X} 一直显示pending，已经两个小时了
            转账失败了但是手续费扣了，哈希 {TX0X}
            我的地址是{TRON}，为什么收不到别人转的TRX
            收款地址 {EVM} 对吗？我怕填错了
            我把币转到了合约地址{EVM}，还能找回来吗？交易ID {TX}
            BTC地址{BTC}，付款后一直没确认，txid:{TX}
            我的钱包里面的币突然少了很多，我没有给任何人看过助记词，也没有点过奇怪的链接，是不是被盗了？请尽快帮我处理一下，谢谢
            你们这个软件太难用了，每次转账都要等很久，手续费还特别贵，客服也找不到人，我已经等了三天了，到底什么时候能解决问题，再不处理我就要投诉了
            助记词忘记了怎么办？我还记得钱包密码，能不能用密码找回来
            请问助记词是什么意思，我创建钱包的时候好像没看到
            我的助记词只抄了十一个单词，最后一个找不到了，还有办法恢复吗
            我换了新手机，想把旧手机上的钱包转过来，是不是需要助记词或者私钥
            私钥和助记词有什么区别？哪个更安全
            导出私钥的时候提示密码错误，但是我确定密码是对的
            钱包被冻结了吗？为什么我点转账一直没有反应，页面一直在转圈
            我在闪兑的时候滑点设置了百分之一，结果失败了，钱也没回来，这是怎么回事呢
            我要退款，订单号 2024112300123456，付了三百块钱买币一直没到
            你们的官方邮箱是 support@example.com 吗？我收到一封邮件说我的账户有风险，让我填写助记词，这是不是骗子
            有人在电报群里私聊我说是官方客服，要我提供私钥帮我解冻，这个可信吗
            能不能帮我查一下这笔交易为什么失败了，链上显示out of gas，交易哈希 {TX0X}
            我想把波场上的USDT转到币安，选哪个网络？TRC20还是ERC20，手续费差多少
            为什么我的能量和带宽不够了，转一笔USDT要烧掉好多TRX
            我在以太坊上授权了一个不认识的合约，现在想取消授权，要怎么操作
            NFT不显示了，上周买的，合约地址是{EVM}
            添加自定义代币的时候需要填写合约地址、符号和精度，我不知道精度填多少
            钱包里的余额显示不对，少了0.35个ETH，刷新了好几次还是一样
            我的手机丢了，钱包里还有两万多U，我有助记词备份，现在该怎么办
            能不能告诉我你们的工作时间，晚上有没有人值班
            我已经按照你们说的步骤操作了，但是还是不行，能不能转人工客服
            系统提示网络错误，请稍后再试，我换了好几个节点都不行
            硬件钱包连接不上，蓝牙已经打开了，固件也是最新的
            多签钱包需要几个人确认才能转出，我们设置的是三分之二
            质押的收益什么时候发放？我质押了一千个TRX已经一个月了
            跨链桥转了一个小时还没到，源链交易哈希 {TX0X}，目标链上查不到
            我的交易卡住了，nonce是37，后面的交易都排队了，怎么加速或者取消
            提示gas不足，可是我钱包里明明有0.02个ETH啊
            我不小心把USDT转到了交易所的BNB地址，忘了填memo，怎么找回
            每次打开应用都闪退，安卓13，已经重装过了
            更新之后指纹解锁用不了了，每次都要输密码
            我想删除我的所有数据，包括聊天记录，请问怎么申请
            你们收集了我哪些个人信息？隐私政策在哪里看
            我在钓鱼网站上输入过助记词，现在钱还在，是不是要马上转走？转到哪里
            别人给我转了一笔币，但是我看不到，对方说已经成功了，交易哈希是 {TX}
            这个地址 {TRON} 是不是你们官方的充值地址？有人发给我的
            怎么判断下载的应用是不是官方正版的？我在一个网站上下载的，图标看起来一样
            我想卖掉一些币换成人民币，你们支持吗，需要实名认证吗
            买币的时候银行卡付款失败了，但是钱已经扣了，订单编号 A8839201
            客服你好，我是做生意的，每天要收很多笔款，有没有办法批量查看收款记录，现在一笔一笔看太麻烦了，效率很低，希望你们能增加这个功能
            我觉得你们的服务很好，上次的问题很快就解决了，给你们点个赞
            你们到底有没有人在管？我发了十几条消息都没人回，钱被卡在里面出不来，这种服务态度真的让人很失望，如果今天还不处理我就去社交媒体上曝光
            能不能帮我看看这个链接是不是安全的，说是领空投的 https://claim-airdrop.example.net/?ref=abc
            我的钱包里突然多了很多不认识的代币，能卖吗？会不会有风险
            为什么同一个助记词导入到别的钱包，地址不一样
            我有两个钱包，怎么在它们之间切换，会不会搞混
            观察钱包能转账吗？我只添加了地址
            二维码收款扫不出来，显示格式不对
            转账的时候地址要不要区分大小写，我复制的地址有大写字母
            请问怎么设置中文界面，现在全是英文看不懂
            我的工单号是 T-20241125-0032，三天了还是处理中，能帮我催一下吗
            今天早上八点左右我从钱包里往交易所转了一笔钱，当时网络比较慢，我就又点了一次，结果转了两笔，现在交易所只到账了一笔，另一笔显示失败但是手续费扣了，我想知道失败的那笔钱去哪了，是不是还在我钱包里，为什么余额少了
            我们公司有五个人共用一个钱包，现在有一个人离职了，是不是要把钱转到新钱包里，助记词要不要换，具体要怎么操作比较安全，麻烦给个详细的步骤
            上个月我在一个投资群里认识了一个人，他说可以帮我做量化交易，每个月有百分之三十的收益，我就把币转给他了，现在人找不到了，群也解散了，我还能报警吗，你们能帮我追回来吗
            我爸妈年纪大了不会用手机，我帮他们创建了一个钱包，助记词写在纸上放在家里的保险柜里，这样安全吗，还需要做什么
            在吗？急！！！钱被转走了！！！
            好的，谢谢，我再试试看
            嗯嗯，已经解决了，谢谢你的耐心解答
            还是不行，同样的错误
            刚才那个问题我搞定了，另外想问一下怎么看历史记录
            我是新手，第一次用数字钱包，什么都不懂，能不能从头教我一下怎么收款和转账
            我在你们的应用里看到一个新的理财产品，年化收益百分之十二，这个是你们官方的吗，有没有风险
            为什么我的钱包显示的价格和交易所的价格不一样，差了好几块钱
            提币到钱包的时候交易所让我填写标签，钱包里面没有这个东西啊
            请问你们支持哪些公链？我想存一些SOL和DOGE
            我设置的支付密码忘了，助记词还在，能不能重置密码
            昨天晚上收到一条短信说我的钱包异常需要验证，点进去让我输入十二个单词，我没输，这个是诈骗吧
            我想问一下，如果我把应用删了再重新安装，钱包里的钱还在不在
            为什么转账要等这么多个区块确认，比特币要等六个确认吗
            你好 我的币被盗了 对方地址 {EVM} 交易哈希 {TX0X} 求帮忙冻结
            钱包名字可以改吗？我建了好几个都叫同一个名字分不清
            我从火币提现到你们钱包的USDT在哪条链上，怎么查
            这是我的地址 {TRON} 麻烦给我转点TRX做手续费，我的USDT转不出去
            hello, my withdrawal from the exchange has not arrived after 3 hours, tx hash {TX0X}
            txid: {TX} still unconfirmed, fee was 12 sat/vB
            I sent 200 USDT to {TRON} but the receiver says nothing arrived. hash {TX}
            is {EVM} your official contract address for the token?
            I want to abandon this wallet, the ability to swap is gone after the last update and I can't access my funds
            please help, I lost my phone and I only have my seed phrase written on paper. how do I restore on a new phone?
            What is a recovery phrase and why does the app keep asking me to back it up?
            My friend said I should never share my private key. Is the mnemonic the same thing as the private key?
            Can support see my seed phrase? Someone on Telegram claiming to be an admin asked me for it.
            I never gave anyone my private key but my wallet was drained, tx hash: {TX0X}
            the transaction {TX0X} failed with "execution reverted", but I was charged a fee
            swap failed again, slippage was 0.5%, I tried 3 times, fees wasted. what is going on?
            why is my balance showing zero? I had 1,250.75 USDT yesterday
            order #883920 for 0.05 BTC paid by card, still nothing after 24h, email me at jane.doe@example.org
            I bought some tokens on a dapp and they do not show up in my wallet, contract {EVM}
            how do I add the BNB chain network? the guide I found online looks outdated
            the app crashes on startup on my iPhone 12 since version 5.2.1
            I think I clicked a phishing link yesterday and connected my wallet. What should I do right now?
            Can you cancel a pending transaction? nonce 14, tx {TX0X}
            I sent BTC to {BTC} about six hours ago and it has zero confirmations, txid {TX}
            legacy address {BTCL} is it still supported for receiving?
            I forgot my wallet password but I have the 12 words, can I reset the password with them?
            Where can I export my private key? I want to import the wallet into a hardware device.
            Is it safe to keep my seed words in a password manager or should I only use paper?
            Your support is terrible. I have been waiting four days for an answer and my funds are still stuck.
            thanks, that fixed it!
            ok
            still not working, same error: "insufficient energy"
            I got an airdrop of some weird token, can I sell it or is it a scam?
            How long does a cross-chain bridge transfer usually take? Mine has been pending for 40 minutes, source tx {TX0X}
            Please delete my account and all my data, as required by GDPR.
            what are your business hours? is there someone on weekends?
            Why do I need TRX to send USDT on TRON? I only have USDT.
            Can I stake ETH in the app? what is the minimum amount and the lock period?
            my ledger is not recognized when I plug it in, I updated the firmware yesterday
            the QR code won't scan, it says invalid address format
            I accidentally sent ETH to a contract address, is there any way to recover it?
            hey there, quick question about fees: why was the network fee 4 dollars for a 10 dollar transfer?
            please help what happen wallet balance zero after swap hope you can fix this issue today
            hello sorry again, still wait for help, balance wrong since update, please check account today
            all good now, thank you very much for your help and patience, have a great day
            wallet shows wrong balance again today, please check this problem soon, very urgent for me, need help
            my uncle gave me his old laptop with an electrum wallet on it, how do I move the coins to my phone safely?
            I have two wallets with the same name, how can I rename one?
            Does the app support Solana and Polygon? I want to receive some tokens from a friend.
            Is there a way to export my transaction history to CSV for taxes?
            My transfer to Binance arrived but without the memo, their support wants the tx hash: {TX}
            The bridge says completed but on the destination chain I see nothing. Destination address {EVM}
            What does "nonce too low" mean and how do I fix it?
            can you check this txid for me {TX} thanks a lot
            I paid with my card and got charged twice, order ids 77120 and 77121
            Someone sent me a DM with a link to "validate" my wallet. I didn't click it. Should I report it?
            Is the mnemonic generated offline on my phone or on your servers?
            If I uninstall the app, will I lose my coins?
            I want to abandon ship and move everything to a new wallet, what is the safest way to do that?
            You have the ability to freeze stolen funds? My coins went to {TRON}
            Help! I typed my recovery phrase into a website that looked like yours. What now???
            How many confirmations does a USDT TRC20 transfer need before the exchange credits it?
            This is the third time I ask: where is my refund? Ticket T-77812.
            So the private key is derived from the seed phrase? Then why does the app show both?
            Agent: we have received your request and will reply within 24 hours. Please do not share your recovery phrase or private key with anyone, including us.
            Agent: the transaction {TX0X} was confirmed in block 19283746; the receiving exchange has to credit it now.
            Agent: 您好，您的交易 {TX0X} 已经在链上确认，请联系交易所查询入账情况。
            Agent: 请不要在聊天中发送助记词或私钥，任何要求您提供助记词的人都是骗子。
            Agent: 我们已经收到您的反馈，技术同事正在排查，预计一到两个工作日内回复您，请耐心等待。
            客服：麻烦提供一下交易哈希、转出地址和收款地址，以及转账的大概时间，方便我们帮您查询
            transfer pending\\ntx: {TX0X}\\nfrom: {EVM}\\nto: {EVM}\\namount: 300 USDT
            交易信息\\n哈希：{TX}\\n付款地址：{TRON}\\n收款地址：{TRON}\\n金额：1000 USDT\\n时间：2024-11-20 14:32
            我把私钥抄在本子上了，本子丢了，钱包还安全吗？交易记录里最近一笔是 {TX0X}
            私钥导入钱包后余额是0，交易哈希 {TX} 显示已经转出去了
            私钥是不是就是那一串64位的字符？我看到交易哈希也是64位的，有点分不清
            hi, is my private key the same as the tx hash {TX0X}? they look alike
            密钥丢失了怎么办，交易哈希 {TX0X}
            我的助记词是十二个中文字，导入的时候一直提示无效，是不是顺序错了
            创建钱包时选择了中文助记词，现在想换成英文的可以吗
            助记词备份的时候要按顺序写下来吗，每个字之间要不要空格
            我用的是繁体中文的助記詞，匯入的時候一直失敗，請問要怎麼處理
            請問你們的客服工作時間是幾點到幾點，我的轉帳一直沒有到帳，交易哈希 {TX0X}
            我的錢包餘額突然變成零了，我沒有把助記詞給任何人看過，請幫我查一下是怎麼回事
            為什麼轉帳要收這麼多手續費，上次才收一塊錢，這次收了十幾塊
            這個網站說可以領取空投，需要連接錢包並簽名，這樣安全嗎
            我想把錢包裡的幣轉到交易所，但是不知道要選哪一個網路，怕轉錯了拿不回來
            以前用的舊手機壞了，新手機上面要怎麼恢復錢包，我有抄下來的助記詞
            大家好我是新来的想请教一下这个钱包怎么用我之前一直用交易所没有用过这种自己保管的钱包感觉有点复杂
            钱包里面的钱为什么会自己变少我什么都没有做过就是昨天晚上看了一下今天早上起来就少了一半
            我想知道你们这个钱包安全不安全有没有被黑客攻击过我的朋友推荐我用的我有点担心
            麻烦问一下那个转账记录在哪里可以看到我找了半天都没有找到是不是在设置里面
            请问一下为什么我转出去的币对方说没有收到但是我这边显示已经成功了这种情况要怎么处理
            我在你们这里买的币为什么不能马上提出来要等多久才可以提到别的地方去
            刚刚又试了一次还是不行能不能帮我远程看一下或者给我打个电话我实在是不会弄
            我之前在别的钱包里面存了一些币现在想导入到你们这里来要怎么做才不会丢失
            能不能把我的钱包和我老婆的钱包合并成一个这样管理起来方便一点
            你们能不能出一个电脑版的手机屏幕太小了操作起来很不方便经常点错
            我的手机号换了原来的号码不用了会不会影响我的钱包要不要去改什么设置
            的一是在不了有和人这中大为上个国我以要他
            的一是在不了有和人这中大
            是不是只要有助记词别人就能把我的钱全部转走那我要怎么保管才最安全呢
            thank you, all good now, very happy, you can close this ticket
            hello again, still same problem, token balance wrong, please check account today, thank you
            you can close this ticket now, all good, thank you very much
            please help, token balance zero, what can you do, need answer today
            sorry, wrong chat, please ignore this, all good, thank you again
            hello, any update about this issue? still wait, please answer soon, thank you
            token price drop, want sell, balance lock, swap error, network slow, fee high, please fix
            swap error again, token balance wrong, network fee high, still wait, please check
            good morning, please check account, token missing since today, need help, thank you
            okay thank you, all good, have nice day
            hello support team, need help about swap, token balance wrong, also fee too high, please check today
            again error, again wait, again nothing, you never answer, very bad, please fix this now
            你 好 ， 我 的 钱 包 里 的 币 不 见 了 ， 请 帮 我 看 看 是 怎 么 回 事
            请 问 怎 么 把 币 转 到 交 易 所 去 ， 我 试 了 好 几 次 都 失 败 了
            在 吗 在 吗 急 急 急 转 账 一 直 没 有 到 账 已 经 三 个 小 时 了
            我 不 会 打 字 ， 用 的 是 手 写 ， 请 问 助 记 词 丢 了 还 能 找 回 吗
            感 谢 客 服 的 耐 心 解 答 ， 问 题 已 经 解 决 了 ， 祝 你 们 生 意 兴 隆
            钱 包 余 额 显 示 不 对 ， 少 了 一 百 多 个 U ， 麻 烦 尽 快 处 理
            为 什 么 我 的 转 账 手 续 费 这 么 高 ， 上 次 明 明 只 要 一 块 钱
            你们好\n我想问一下\n钱包里面的币\n为什么突然没有了\n我什么都没做\n请帮我查一下\n谢谢
            好\n的\n谢\n谢\n我\n再\n试\n试\n看\n吧\n不\n行\n再\n找\n你\n们
            为 什 么 我 的 余 额 显 示 是 零 呢
            好 的 ， 我 再 试 一 下 ， 谢 谢 你 们 啦
            我 想 把 币 转 到 交 易 所 ， 要 选 哪 个 网 络
            助 记 词 丢 了 ， 还 能 找 回 来 吗 ？
            钱 包 里 的 币 不 见 了 ， 是 不 是 被 盗 了
            我 的 钱 包 打 不 开 了 ， 怎 么 办 啊
            请 问 你 们 几 点 上 班 ， 我 有 急 事
            手 续 费 太 贵 了 ， 能 不 能 便 宜 点
            我的助记词 没 有 丢 ， 但 是 钱 被 转 走 了
            在 吗 ？ 我 的 币 怎 么 还 没 有 到 账
            好的我明白了就是说助记词一定不能告诉别人也不能拍照对吧
            """;
}
