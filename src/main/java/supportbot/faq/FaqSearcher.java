package supportbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Searches one {@link FaqIndex}: BM25 over the query language's fields plus k-nearest-neighbour search over
 * its vector field, fused per topic, then decides answer / suggest / none. Thread-safe and stateless apart
 * from the index it holds.
 */
public final class FaqSearcher {
    private static final int MAX_CANDIDATES = 10;
    /** Recent queries' results: a turn may search the same text more than once, and users repeat themselves. */
    private static final int RECENT_RESULTS = 10_000;
    /** Query terms whose index statistics are kept: users' vocabulary repeats far more than their messages. */
    private static final int KNOWN_TERMS = 50_000;

    private final FaqIndex index;
    private final Embedder embedder;
    private final SearchSettings settings;
    private final QueryBuilder queryBuilder = new QueryBuilder(FaqAnalyzers.perField());
    // The index never changes (a reload builds a new searcher), so a remembered result stays exact.
    private final Cache<String, SearchResult> recent = CacheBuilder.newBuilder().maximumSize(RECENT_RESULTS).build();
    // Built with statistics for this searcher's reader; read-only once built, so threads share them.
    private final Cache<Term, TermStates> termStates = CacheBuilder.newBuilder().maximumSize(KNOWN_TERMS).build();

    /** @param embedder used only when the index holds vectors */
    public FaqSearcher(FaqIndex index, Embedder embedder, SearchSettings settings) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings.withSemantic(index.semantic());
    }

    public FaqIndex index() {
        return index;
    }

    public SearchSettings settings() {
        return settings;
    }

    /** Searches the {@link supportbot.text.Reading} form of {@code query}; the result carries the query as given. */
    public SearchResult search(String query) {
        String asked = query == null ? "" : query.strip();
        SearchResult known = recent.getIfPresent(asked);
        if (known != null) {
            return known;
        }
        SearchResult result = searchIndex(asked);
        recent.put(asked, result);
        return result;
    }

    private SearchResult searchIndex(String asked) {
        String text = supportbot.text.Reading.of(asked);
        Lang lang = LanguageDetector.detect(text);
        if (text.isEmpty()) {
            return new SearchResult(asked, lang, Decision.NONE, List.of());
        }
        try {
            List<Candidate> ranked = ranked(text, lang);
            Decision decision = decide(ranked);
            String glossed = lang == Lang.ZH && decision != Decision.ANSWER ? mixedWithChinese(text) : "";
            if (!glossed.isEmpty()) {
                // "怎么backup我的助记词": the one English word carries the topic; its Chinese word, added, lets the
                // Chinese fields and model see it. Taken only when it decides more than the plain search did.
                List<Candidate> withWords = ranked(glossed, Lang.ZH);
                Decision there = decide(withWords);
                if (there == Decision.ANSWER || there == Decision.SUGGEST && decision == Decision.NONE) {
                    ranked = withWords;
                    decision = there;
                }
            }
            String english = lang == Lang.ZH && decision != Decision.ANSWER ? englishWords(text) : "";
            if (!english.isEmpty()) {
                // "怎么revoke approval", "顺便问下seed phrase怎么backup": the topic is in the English words, which
                // the Chinese fields and model barely see. They alone are searched in English; a confident answer
                // there replaces what the Chinese search found, and suggestions replace none.
                List<Candidate> inEnglish = ranked(english, Lang.EN);
                Decision there = decide(inEnglish);
                if (there == Decision.ANSWER || there == Decision.SUGGEST && decision == Decision.NONE) {
                    return new SearchResult(asked, lang, there, inEnglish);
                }
            }
            return new SearchResult(asked, lang, decision, ranked);
        } catch (IOException e) {
            throw new UncheckedIOException("FAQ search failed for: " + text, e);
        }
    }

    private List<Candidate> ranked(String text, Lang lang) throws IOException {
        Map<Integer, Double> lexical = lexicalScores(text, lang);
        Map<Integer, Double> dense = index.semantic() ? denseScores(text, lang) : Map.of();
        return fuse(lexical, dense);
    }

    /** Coin, chain and app names say nothing about the topic on their own ("usdt trc20" fits many). */
    private static final java.util.Set<String> NAMES = java.util.Set.of("usdt", "usdc", "trx", "eth", "btc", "bnb",
            "sol", "trc", "erc", "bep", "tron", "app", "ios", "android", "iphone", "okx", "binance", "ok", "okay", "pls",
            "please", "plz", "hi", "hello", "the", "and");
    private static final java.util.regex.Pattern LATIN_WORD = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z']+");

    /**
     * The English words of a mixed message, without coin, chain and app names; empty when too little is left to
     * carry a topic (fewer than six letters).
     */
    static String englishWords(String text) {
        var words = new java.util.ArrayList<String>();
        var m = LATIN_WORD.matcher(text);
        int letters = 0;
        while (m.find()) {
            String w = m.group().toLowerCase(java.util.Locale.ROOT);
            if (w.length() >= 3 && !NAMES.contains(w)) {
                words.add(w);
                letters += w.length();
            }
        }
        // One English word is too little to go on ("password忘了怎么办" is not "how to password").
        if (letters < 6 || words.size() < 2) {
            return "";
        }
        // The Chinese words around them are mostly the question's form: kept as English, they keep the question
        // a question ("seed phrase backup" alone is a weaker match than "how to backup seed phrase").
        String form = HOW.matcher(text).find() ? "how to " : WHY.matcher(text).find() ? "why " : WHERE.matcher(text).find()
                ? "where is " : WHAT.matcher(text).find() ? "what is " : "";
        return form + String.join(" ", words);
    }

    /** English phrase to the FAQ's Chinese word; longest phrases first so "seed phrase" wins over "seed". */
    private static final List<Map.Entry<java.util.regex.Pattern, String>> MIXED_WORDS = loadMixedWords();

    private static List<Map.Entry<java.util.regex.Pattern, String>> loadMixedWords() {
        try (var in = FaqSearcher.class.getResourceAsStream("/faq/mixed-words.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /faq/mixed-words.tsv");
            }
            var entries = new ArrayList<Map.Entry<java.util.regex.Pattern, String>>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException("/faq/mixed-words.tsv: not english<TAB>中文: " + line);
                }
                String phrase = parts[0].strip().replace(" ", "\\s*");
                entries.add(Map.entry(java.util.regex.Pattern.compile("(?i)(?<![a-z])" + phrase + "(?![a-z])"),
                        parts[1].strip()));
            }
            entries.sort(Comparator.comparingInt((Map.Entry<java.util.regex.Pattern, String> e) ->
                    e.getKey().pattern().length()).reversed());
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A mixed question with the Chinese words of its English ones added ("怎么backup我的助记词" + 备份); empty when
     * it has none of them.
     */
    static String mixedWithChinese(String text) {
        String rest = text;
        var added = new java.util.LinkedHashSet<String>();
        for (var e : MIXED_WORDS) {
            var m = e.getKey().matcher(rest);
            if (m.find()) {
                added.add(e.getValue());
                rest = m.replaceAll(" ");
            }
        }
        return added.isEmpty() ? "" : text + " " + String.join(" ", added);
    }

    private static final java.util.regex.Pattern HOW = java.util.regex.Pattern.compile("怎么|如何|怎样|咋");
    private static final java.util.regex.Pattern WHY = java.util.regex.Pattern.compile("为什么|为啥");
    private static final java.util.regex.Pattern WHERE = java.util.regex.Pattern.compile("哪里|在哪|哪儿");
    private static final java.util.regex.Pattern WHAT = java.util.regex.Pattern.compile("什么是|是什么|啥是|是啥");

    private Map<Integer, Double> lexicalScores(String text, Lang lang) throws IOException {
        var builder = new BooleanQuery.Builder();
        boolean any = false;
        for (String field : FaqAnalyzers.fieldsFor(lang)) {
            Query q = queryBuilder.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
            if (q != null) {
                builder.add(withKnownTerms(q), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        if (!any) {
            return Map.of();
        }
        ScoreDoc[] hits = index.searcher().search(builder.build(), settings.candidateDocs()).scoreDocs;
        return perEntry(hits, s -> s, 0);
    }

    /**
     * The query with each term's index statistics and postings position filled in from {@link #termStates}, so
     * Lucene does not look every term up in the term dictionary again: that lookup was a quarter of a BM25
     * search. The statistics are the ones Lucene would compute (the index never changes), so scores are equal.
     */
    private Query withKnownTerms(Query query) throws IOException {
        if (query instanceof TermQuery term) {
            // The analyzer may hand out its own reused buffer as the term's bytes: copied before it is kept.
            Term own = new Term(term.getTerm().field(), BytesRef.deepCopyOf(term.getTerm().bytes()));
            return new TermQuery(own, termStates(own));
        }
        if (query instanceof BooleanQuery bool) {
            var rebuilt = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                rebuilt.add(withKnownTerms(clause.getQuery()), clause.getOccur());
            }
            return rebuilt.build();
        }
        return query;
    }

    private TermStates termStates(Term term) throws IOException {
        TermStates known = termStates.getIfPresent(term);
        if (known == null) {
            known = TermStates.build(index.searcher(), term, true);
            termStates.put(term, known);
        }
        return known;
    }

    private Map<Integer, Double> denseScores(String text, Lang lang) throws IOException {
        float[] vector = embedder.embed(text, lang);
        ScoreDoc[] hits = index.nearest(lang, vector, settings.candidateDocs());
        // Lucene reports cosine similarity as (1 + cos) / 2.
        return perEntry(hits, s -> 2 * s - 1, settings.phrasingTemperature());
    }

    /** Folds document hits into one score per topic: the maximum, or a soft maximum when temperature > 0. */
    private Map<Integer, Double> perEntry(ScoreDoc[] hits, java.util.function.DoubleUnaryOperator toScore,
                                          double temperature) {
        var best = new HashMap<Integer, Double>();
        var expSums = new HashMap<Integer, Double>();
        for (ScoreDoc hit : hits) {
            int ordinal = index.entryOf(hit.doc);
            boolean answerText = index.isAnswerText(hit.doc);
            double score = toScore.applyAsDouble(hit.score) * (answerText ? settings.answerTextWeight() : 1.0);
            best.merge(ordinal, score, Math::max);
            if (temperature > 0) {
                expSums.merge(ordinal, Math.exp(score / temperature), Double::sum);
            }
        }
        if (temperature > 0) {
            expSums.forEach((ordinal, sum) -> best.put(ordinal, temperature * Math.log(sum)));
        }
        return best;
    }

    private List<Candidate> fuse(Map<Integer, Double> lexical, Map<Integer, Double> dense) {
        // A topic missing from the k-NN list is at most as similar as the worst topic on it.
        double denseFloor = dense.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        var keys = new java.util.HashSet<Integer>(lexical.keySet());
        keys.addAll(dense.keySet());
        var candidates = new ArrayList<Candidate>(keys.size());
        for (int ordinal : keys) {
            double bm25 = lexical.getOrDefault(ordinal, 0.0);
            double lex = bm25 / (bm25 + settings.lexicalSaturation());
            double score;
            double cos = 0;
            if (index.semantic()) {
                cos = Math.max(0, dense.getOrDefault(ordinal, denseFloor));
                score = (settings.denseWeight() * cos + settings.lexicalWeight() * lex)
                        / (settings.denseWeight() + settings.lexicalWeight());
            } else {
                score = lex;
            }
            candidates.add(new Candidate(index.entry(ordinal), score, cos, lex));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> c.entry().id()));
        return candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
    }

    private Decision decide(List<Candidate> ranked) {
        if (ranked.isEmpty()) {
            return Decision.NONE;
        }
        var t = settings.thresholds();
        double top = ranked.get(0).score();
        double margin = top - (ranked.size() > 1 ? ranked.get(1).score() : 0);
        if (top >= t.answerMinScore() && margin >= t.answerMinMargin()) {
            return Decision.ANSWER;
        }
        return top >= t.suggestMinScore() ? Decision.SUGGEST : Decision.NONE;
    }
}
