#!/usr/bin/env node
// Peer baseline for bench/side-by-side.sh: trains nlp.js (@nlpjs/basic) as an intent classifier on an FAQ
// (intent = FAQ id; training documents = each question and alternate in its language) and scores labelled
// queries with the same metrics as `support-bot eval --json`. Prints one JSON line on stdout; nlp.js
// chatter goes to stderr.
//
//   node eval.mjs --faq <faq.jsonl | faq-data dir> --queries <queries.jsonl> [--examples <e.jsonl>]
//
// Metrics (same definitions as FaqEvaluation.java):
//   recall_at_1/3, mrr  rank of the expected id among nlp.js's classifications (the 'None' pseudo-intent
//                       is skipped; a query whose only classification is 'None' counts as a miss)
//   answer_coverage     share of queries where nlp.js answers, i.e. its intent is not 'None'
//                       (its own decision: top score >= the nlp threshold, 0.5 by default)
//   answer_precision    share of the answered queries whose top intent is the expected id
//   p50_ms / p99_ms     per-query nlp.process latency after a 20-query untimed warm-up
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import basic from '@nlpjs/basic';
import langZh from '@nlpjs/lang-zh';
import YAML from 'yaml';

const { containerBootstrap, Nlp, LangEn } = basic;
const { LangZh } = langZh;

const { values: args } = parseArgs({
  options: {
    faq: { type: 'string' },
    queries: { type: 'string' },
    examples: { type: 'string' },
    threshold: { type: 'string' },
  },
});
if (!args.faq || !args.queries) {
  console.error('usage: node eval.mjs --faq <faq.jsonl|faq-data dir> --queries <q.jsonl> [--examples <e.jsonl>] [--threshold 0.5]');
  process.exit(2);
}

// The same script rule as LanguageDetector.java, so both sides route each text to the same language.
function detectLang(text) {
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (/\p{Script=Han}/u.test(ch)) han += 1;
    else if (/^[A-Za-z]$/.test(ch)) latin += 1;
  }
  return han > 0 && han * 5 >= Math.min(latin, 10) ? 'zh' : 'en';
}

function readJsonl(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l, i) => {
    try {
      return JSON.parse(l);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: ${e.message}`);
    }
  });
}

/** FAQ as a list of {id, lang, phrasings[]}: one item per topic and language. */
function loadFaq(location) {
  const items = [];
  if (fs.statSync(location).isDirectory()) {
    const files = fs.readdirSync(location).filter((f) => /\.ya?ml$/.test(f)).sort();
    for (const f of files) {
      const topic = YAML.parse(fs.readFileSync(path.join(location, f), 'utf8'));
      for (const lang of ['zh', 'en']) {
        const loc = topic[lang];
        if (loc && loc.question) {
          items.push({ id: String(topic.id), lang, phrasings: [loc.question, ...(loc.alternates || [])] });
        }
      }
    }
  } else {
    for (const e of readJsonl(location)) {
      const lang = e.lang || detectLang(e.question);
      items.push({ id: String(e.id), lang, phrasings: [e.question, ...(e.alternates || [])] });
    }
  }
  return items;
}

function percentile(sorted, p) {
  const idx = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
}

// nlp.js logs through console.log in places; keep stdout for the one result line.
const stdoutLog = console.log;
console.log = (...a) => console.error(...a);

const faq = loadFaq(args.faq);
const ids = new Set(faq.map((i) => i.id));
const queries = readJsonl(args.queries);
for (const q of queries) {
  if (!ids.has(q.expected)) throw new Error(`${args.queries}: query expects unknown FAQ id '${q.expected}': ${q.query}`);
}
if (args.examples) {
  // Like `eval --examples`: labelled queries become extra training phrasings of their entry.
  for (const ex of readJsonl(args.examples)) {
    faq.push({ id: ex.expected, lang: detectLang(ex.query), phrasings: [ex.query] });
  }
}

const trainStart = process.hrtime.bigint();
const container = await containerBootstrap();
container.use(Nlp);
container.use(LangEn);
container.use(LangZh);
const nlp = container.get('nlp');
nlp.settings.autoSave = false;
nlp.settings.autoLoad = false;
nlp.settings.calculateSentiment = false; // not part of retrieval; would only add latency
if (args.threshold) nlp.settings.threshold = Number(args.threshold);
const langs = [...new Set(faq.map((i) => i.lang))];
nlp.addLanguage(langs);
let documents = 0;
for (const item of faq) {
  for (const text of item.phrasings) {
    nlp.addDocument(item.lang, text, item.id);
    documents += 1;
  }
}
await nlp.train();
const trainMs = Number(process.hrtime.bigint() - trainStart) / 1e6;

const evalStart = process.hrtime.bigint();
const classify = (q) => nlp.process(detectLang(q.query), q.query);
for (const q of queries.slice(0, 20)) await classify(q); // untimed warm-up, as on our side
let hit1 = 0;
let hit3 = 0;
let rr = 0;
let answered = 0;
let answeredRight = 0;
const nanos = [];
for (const q of queries) {
  const t0 = process.hrtime.bigint();
  const out = await classify(q);
  nanos.push(Number(process.hrtime.bigint() - t0));
  const ranked = (out.classifications || []).filter((c) => c.intent !== 'None' && c.score > 0);
  const rank = ranked.findIndex((c) => c.intent === q.expected) + 1; // 0 = absent
  if (rank === 1) hit1 += 1;
  if (rank >= 1 && rank <= 3) hit3 += 1;
  if (rank >= 1) rr += 1 / rank;
  if (out.intent && out.intent !== 'None') {
    answered += 1;
    if (out.intent === q.expected) answeredRight += 1;
  }
}
const evalMs = Number(process.hrtime.bigint() - evalStart) / 1e6;
nanos.sort((a, b) => a - b);
const n = queries.length;
stdoutLog(JSON.stringify({
  queries: n,
  recall_at_1: hit1 / n,
  recall_at_3: hit3 / n,
  mrr: rr / n,
  answer_coverage: answered / n,
  answer_precision: answered === 0 ? 0 : answeredRight / answered,
  p50_ms: percentile(nanos, 0.5) / 1e6,
  p99_ms: percentile(nanos, 0.99) / 1e6,
  intents: ids.size,
  training_documents: documents,
  languages: langs,
  train_ms: Math.round(trainMs),
  eval_ms: Math.round(evalMs),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
}));
