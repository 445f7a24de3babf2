import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import supportbot.config.ConfigLoader;
import supportbot.faq.BgeEmbedder;
import supportbot.faq.CachingEmbedder;
import supportbot.faq.EmbeddingCache;
import supportbot.faq.FaqCatalog;
import supportbot.faq.FaqEntry;
import supportbot.faq.FaqIndex;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqSearcher;
import supportbot.faq.Lang;
import supportbot.faq.LocalizedFaq;
import supportbot.faq.SearchSettings;

/**
 * FAQ speed on a synthetic 5,000-topic bilingual FAQ: index build time (cold, then warm from the embedding
 * cache as after a restart) and single-thread query latency with semantic search on and off.
 * Run: bench/faq-bench.sh (builds the jar, then runs this file with it on the classpath).
 */
public class FaqBench {
    static final String[] COINS = {"USDT", "USDC", "ETH", "BTC", "TRX", "BNB", "SOL", "MATIC", "ARB", "DAI", "SHIB", "PEPE",
            "LINK", "UNI", "DOGE", "LTC", "OP", "AVAX", "TON", "WBTC"};
    static final String[] CHAINS = {"Ethereum", "TRON", "BNB Smart Chain", "Polygon", "Arbitrum", "Solana", "Optimism",
            "Base", "Avalanche", "Bitcoin"};
    static final String[][] ACTIONS = {{"send", "转账"}, {"receive", "收款"}, {"swap", "兑换"}, {"stake", "质押"},
            {"bridge", "跨链"}, {"withdraw", "提币"}, {"deposit", "充值"}, {"approve", "授权"}, {"buy", "购买"},
            {"sell", "卖出"}, {"import", "导入"}, {"back up", "备份"}, {"unstake", "解除质押"}};
    static final String[][] PROBLEMS = {{"failed", "失败了"}, {"is pending", "一直在等待确认"}, {"did not arrive", "没有到账"},
            {"shows the wrong amount", "金额显示不对"}, {"has a very high fee", "手续费很高"}, {"is stuck", "卡住了"},
            {"shows an error", "提示错误"}, {"was cancelled", "被取消了"}, {"is missing from history", "记录里找不到"},
            {"asks for more gas", "提示燃料不足"}};

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path cacheDir = Files.createTempDirectory("faq-bench-cache");
        SearchSettings settings = new ConfigLoader().defaults().searchSettings();
        FaqCatalog catalog = synthetic(entries);
        List<String> queryTexts = queries(catalog, queries);
        var results = new java.util.LinkedHashMap<String, Object>();
        results.put("entries", entries);
        results.put("queries", queries);
        results.put("cpus", Runtime.getRuntime().availableProcessors());

        // Cold build: every text embedded.
        var cold = new CachingEmbedder(new BgeEmbedder(), new EmbeddingCache(cacheDir));
        long t0 = System.nanoTime();
        FaqIndex coldIndex = new FaqIndexer(cold, (lang, done, total) -> {
            if (done % 4096 < 32 || done == total) System.err.printf("embedding %s %d/%d%n", lang.code(), done, total);
        }).build(catalog);
        results.put("build_cold_s", (System.nanoTime() - t0) / 1e9);
        results.put("texts_embedded", cold.misses());
        coldIndex.close();

        // Restart: a new process would open the same cache directory; nothing should be embedded again.
        var warm = new CachingEmbedder(new BgeEmbedder(), new EmbeddingCache(cacheDir));
        long t1 = System.nanoTime();
        FaqIndex index = new FaqIndexer(warm, FaqIndexer.Progress.SILENT).build(catalog);
        results.put("build_warm_s", (System.nanoTime() - t1) / 1e9);
        results.put("restart_cache_hit_ratio", (double) warm.hits() / (warm.hits() + warm.misses()));

        long t2 = System.nanoTime();
        FaqIndex lexicalIndex = new FaqIndexer(null, FaqIndexer.Progress.SILENT).build(catalog);
        results.put("build_lexical_only_s", (System.nanoTime() - t2) / 1e9);

        results.putAll(latency("semantic", new FaqSearcher(index, warm, settings), queryTexts));
        results.putAll(latency("lexical", new FaqSearcher(lexicalIndex, null, settings.withSemantic(false)), queryTexts));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        results.put("heap_used_mb", (rt.totalMemory() - rt.freeMemory()) / 1e6);

        String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.createDirectories(Path.of("bench/out"));
        Files.writeString(Path.of("bench/out/faq-bench.json"), json);
        System.out.println(json);
    }

    static Map<String, Object> latency(String name, FaqSearcher searcher, List<String> queries) {
        for (int i = 0; i < Math.min(200, queries.size()); i++) searcher.search(queries.get(i)); // JIT + model warm-up
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long s = System.nanoTime();
            searcher.search(queries.get(i));
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        return Map.of(name + "_p50_ms", pct(nanos, 0.50), name + "_p99_ms", pct(nanos, 0.99), name + "_max_ms", nanos[nanos.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static FaqCatalog synthetic(int n) {
        var list = new ArrayList<FaqEntry>(n);
        for (int i = 0; i < n; i++) {
            String coin = COINS[i % COINS.length];
            String chain = CHAINS[(i / COINS.length) % CHAINS.length];
            String[] action = ACTIONS[(i / (COINS.length * CHAINS.length)) % ACTIONS.length];
            String[] problem = PROBLEMS[(i / 7) % PROBLEMS.length];
            String code = "E" + (1000 + i);
            var en = new LocalizedFaq(
                    "My " + coin + " " + action[0] + " on " + chain + " " + problem[0] + " (" + code + ")",
                    List.of(action[0] + " " + coin + " " + chain + " " + problem[0],
                            "why does my " + coin + " " + action[0] + " on " + chain + " say " + code),
                    "If your " + coin + " " + action[0] + " on " + chain + " " + problem[0] + " with " + code
                            + ", check the transaction on a " + chain + " block explorer and contact support with the hash.");
            var zh = new LocalizedFaq(
                    chain + "上的" + coin + action[1] + problem[1] + "(" + code + ")",
                    List.of(coin + action[1] + problem[1] + " " + chain, "我的" + coin + "在" + chain + action[1] + "提示" + code),
                    chain + "上" + coin + action[1] + problem[1] + "并提示" + code + "时,请在区块浏览器查看交易,并带上交易哈希联系客服。");
            list.add(new FaqEntry("synthetic-" + i, "synthetic", List.of(), Map.of(Lang.EN, en, Lang.ZH, zh), "synthetic"));
        }
        return new FaqCatalog(list);
    }

    /** Paraphrase-style queries drawn from random topics, half Chinese and half English. */
    static List<String> queries(FaqCatalog catalog, int n) {
        var rnd = new Random(42);
        var entries = catalog.entries();
        var out = new ArrayList<String>(n);
        for (int i = 0; i < n; i++) {
            FaqEntry e = entries.get(rnd.nextInt(entries.size()));
            boolean zh = i % 2 == 0;
            LocalizedFaq t = e.in(zh ? Lang.ZH : Lang.EN).orElseThrow();
            String base = t.alternates().get(rnd.nextInt(t.alternates().size()));
            out.add(zh ? "你好 " + base + " 怎么办" : "hi, " + base.toLowerCase(Locale.ROOT) + " - what can I do?");
        }
        return out;
    }
}
