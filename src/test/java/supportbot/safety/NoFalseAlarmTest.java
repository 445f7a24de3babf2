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
