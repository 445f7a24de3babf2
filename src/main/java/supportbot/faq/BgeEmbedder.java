package supportbot.faq;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * The in-process quantized BGE models from langchain4j's jars (ONNX Runtime, weights inside the jar, no
 * network): bge-small-zh for Chinese, bge-small-en for English. We open the ONNX sessions ourselves so that
 * one inference uses one thread: measured on 2 cores, that cut the query-embedding p99 from 11 to 9 ms, and
 * concurrent conversations (and bulk indexing, which runs batches in parallel) use the other cores instead
 * of contending for the same ones. Models load on first use because each takes about a second.
 */
public final class BgeEmbedder implements Embedder {
    private static final int BATCH = 32;
    private static final int MAX_TOKENS = 512;

    static {
        // DJL (the tokenizer's runtime) otherwise probes cloud metadata endpoints at start.
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private enum Model {
        ZH("bge-small-zh-v1.5-q", 512),
        EN("bge-small-en-v1.5-q", 384);

        final String resourceName;
        final int dimension;

        Model(String resourceName, int dimension) {
            this.resourceName = resourceName;
            this.dimension = dimension;
        }

        static Model of(Lang lang) {
            return lang == Lang.ZH ? ZH : EN;
        }
    }

    private final Map<Model, EncoderModel> loaded = new EnumMap<>(Model.class);
    private final ExecutorService bulkExecutor = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "embedding");
                t.setDaemon(true);
                return t;
            });

    @Override
    public String modelId(Lang lang) {
        return Model.of(lang).resourceName;
    }

    @Override
    public int dimension(Lang lang) {
        return Model.of(lang).dimension;
    }

    @Override
    public float[] embed(String text, Lang lang) {
        return model(lang).embed(text).content().vector();
    }

    /**
     * One ONNX run for the whole batch (padded to the longest text, padding masked out), CLS-pooled and
     * normalised as langchain4j's encoder does: on 2 cores a batch of 8 short queries costs far less than 8 runs.
     * A text too long for one window goes the single-text way, which splits it.
     */
    @Override
    public List<float[]> embedBatch(List<String> texts, Lang lang) {
        if (texts.size() == 1) {
            return List.of(embed(texts.get(0), lang));
        }
        EncoderModel model = model(lang);
        // One text at a time: the tokenizer's batch call spreads even three short texts over a thread pool of
        // its own; profiled under the engine bench it cost several times per text what encoding them one by one
        // does, on cores the other conversations need.
        Encoding[] encodings = new Encoding[texts.size()];
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = model.tokenizer.encode(texts.get(i));
        }
        int length = 0;
        for (Encoding e : encodings) {
            length = Math.max(length, e.getIds().length);
        }
        if (length > MAX_TOKENS) {
            return texts.stream().map(t -> embed(t, lang)).toList();
        }
        long[][] ids = new long[texts.size()][length];
        long[][] mask = new long[texts.size()][length];
        long[][] types = new long[texts.size()][length];
        for (int i = 0; i < encodings.length; i++) {
            long[] e = encodings[i].getIds();
            System.arraycopy(e, 0, ids[i], 0, e.length);
            java.util.Arrays.fill(mask[i], 0, e.length, 1L);
        }
        var env = OrtEnvironment.getEnvironment();
        try (OnnxTensor idT = OnnxTensor.createTensor(env, ids);
             OnnxTensor maskT = OnnxTensor.createTensor(env, mask);
             OnnxTensor typeT = OnnxTensor.createTensor(env, types)) {
            var inputs = new java.util.HashMap<String, OnnxTensor>();
            inputs.put("input_ids", idT);
            inputs.put("attention_mask", maskT);
            if (model.session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", typeT);
            }
            try (OrtSession.Result result = model.session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                var out = new ArrayList<float[]>(texts.size());
                for (float[][] sequence : hidden) {
                    out.add(normalize(sequence[0].clone()));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding batch failed", e);
        }
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    @Override
    public List<float[]> embedAll(List<String> texts, Lang lang, IntConsumer progress) {
        var out = new ArrayList<float[]>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            var batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream().map(TextSegment::from).toList();
            model(lang).embedAll(batch).content().forEach(e -> out.add(e.vector()));
            progress.accept(out.size());
        }
        return out;
    }

    private synchronized EncoderModel model(Lang lang) {
        return loaded.computeIfAbsent(Model.of(lang), this::open);
    }

    private EncoderModel open(Model model) {
        try (InputStream onnx = resource(model.resourceName + ".onnx");
             InputStream tokenizer = resource(model.resourceName + "-tokenizer.json")) {
            var env = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            byte[] tokenizerJson = tokenizer.readAllBytes();
            var batchTokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                    Map.of("padding", "false", "truncation", "false"));
            return new EncoderModel(new OnnxBertBiEncoder(env, session, new ByteArrayInputStream(tokenizerJson),
                    PoolingMode.CLS), model.dimension, bulkExecutor, session, batchTokenizer);
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load embedding model " + model.resourceName, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = BgeEmbedder.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IllegalStateException("embedding model file " + name + " is not on the classpath");
        }
        return in;
    }

    /** langchain4j's encoder (tokenizer, CLS pooling, normalisation) around a session we configured. */
    private static final class EncoderModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;
        final OrtSession session;
        final HuggingFaceTokenizer tokenizer;

        EncoderModel(OnnxBertBiEncoder encoder, int dimension, ExecutorService executor, OrtSession session,
                     HuggingFaceTokenizer tokenizer) {
            super(executor);
            this.encoder = encoder;
            this.session = session;
            this.tokenizer = tokenizer;
            this.dimension = dimension;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return dimension;
        }
    }
}
