#!/usr/bin/env bash
# Side-by-side FAQ retrieval benchmark, one run: our `eval` (hybrid, and BM25 only) against a peer, nlp.js
# (@nlpjs/basic, an NLU intent classifier used by bot builders) trained on the same questions and alternates
# (intent = FAQ id), on the same queries. Datasets: StackFAQ dev (../shared/eval/stackfaq, or $STACKFAQ)
# and our labelled wallet queries (faq-data/, bench/queries-zh.jsonl and queries-en.jsonl).
# Prints one JSON line per run, then a compact table. Needs target/support-bot.jar, Java 17 and Node >= 18.
#
# Metrics are those of `eval --json` (FaqEvaluation.java): R@1/R@3/MRR = rank of the labelled FAQ id among
# the candidates; coverage = share of queries the system answers (ours: its ANSWER decision; nlp.js: intent
# not 'None', i.e. top score >= 0.5); precision = share of answered queries whose top hit is right;
# p50 = per-query latency in ms after a warm-up. "wall s" is the whole process: start-up, model loading or
# training, indexing and all queries.
set -euo pipefail
cd "$(dirname "$0")/.."

STACKFAQ=${STACKFAQ:-../shared/eval/stackfaq}
JAR=target/support-bot.jar
NLPJS=bench/nlpjs
OUT=bench/out/side-by-side
NODE_OPTS=(--max-old-space-size=1024)

die() { echo "side-by-side: $*" >&2; exit 1; }
[ -f "$JAR" ] || die "$JAR is missing: build it first (./mvnw -B -q -DskipTests package)"
[ -f "$STACKFAQ/faq.jsonl" ] && [ -f "$STACKFAQ/queries-dev.jsonl" ] \
  || die "StackFAQ not found: expected $STACKFAQ/faq.jsonl and $STACKFAQ/queries-dev.jsonl (set STACKFAQ=<dir>)"
for f in bench/queries-zh.jsonl bench/queries-en.jsonl; do [ -f "$f" ] || die "$f is missing"; done
[ -d faq-data ] || die "faq-data/ is missing"
command -v java >/dev/null || die "java not found on PATH"
command -v node >/dev/null || die "node not found on PATH (Node >= 18 needed for the nlp.js peer)"
command -v npm >/dev/null || die "npm not found on PATH"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' || die "Node >= 18 needed, found $(node --version)"

if [ ! -d "$NLPJS/node_modules" ]; then
  echo "installing nlp.js (npm ci in $NLPJS) ..." >&2
  (cd "$NLPJS" && npm ci --no-audit --no-fund --loglevel=error) >&2 || die "npm ci failed in $NLPJS"
fi

mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: > "$RESULTS"

# run <dataset> <system> <command...>: runs one evaluation, prints its JSON line, records it for the table.
run() {
  local dataset=$1 system=$2; shift 2
  local log="$OUT/$(echo "$dataset-$system" | tr -c 'A-Za-z0-9\n-' '_').log"
  local start end json
  start=$(date +%s%N)
  if ! json=$("$@" 2>"$log" | tail -n 1); then
    echo "side-by-side: $dataset / $system failed; last lines of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  case $json in
    '{'*) ;;
    *) echo "side-by-side: $dataset / $system printed no JSON; see $log" >&2; exit 1 ;;
  esac
  local wall
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  printf '  %-16s %s  (wall %ss)\n' "$system" "$json" "$wall"
  printf '%s\t%s\t%s\t%s\n' "$dataset" "$system" "$wall" "$json" >> "$RESULTS"
}

ours() { java -jar "$JAR" eval --json "$@"; }
peer() { node "${NODE_OPTS[@]}" "$NLPJS/eval.mjs" "$@"; }

T0=$(date +%s)
echo "== FAQ retrieval side by side: support-bot eval vs nlp.js =="
echo "   support-bot: $JAR ($(java -version 2>&1 | head -n 1))"
echo "   nlp.js:      @nlpjs/basic $(node -p "require('./$NLPJS/node_modules/@nlpjs/basic/package.json').version")," \
     "@nlpjs/lang-zh $(node -p "require('./$NLPJS/node_modules/@nlpjs/lang-zh/package.json').version")" \
     "(node $(node --version))"
echo "   StackFAQ:    $STACKFAQ"
echo

declare -a DATASETS=(
  "stackfaq-dev|$STACKFAQ/faq.jsonl|$STACKFAQ/queries-dev.jsonl"
  "wallet-zh|faq-data|bench/queries-zh.jsonl"
  "wallet-en|faq-data|bench/queries-en.jsonl"
)
for d in "${DATASETS[@]}"; do
  IFS='|' read -r name faq queries <<< "$d"
  echo "-- $name: FAQ $faq, queries $queries ($(grep -c . "$queries") queries)"
  run "$name" "ours-hybrid" ours --faq "$faq" --queries "$queries"
  run "$name" "ours-bm25" ours --no-semantic --faq "$faq" --queries "$queries"
  run "$name" "nlpjs" peer --faq "$faq" --queries "$queries"
done

echo
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => {
  const [dataset, system, wall, json] = l.split("\t");
  return { dataset, system, wall, ...JSON.parse(json) };
});
const f = (x) => x.toFixed(3);
const head = ["dataset", "system", "n", "R@1", "R@3", "MRR", "cover", "prec", "p50 ms", "wall s"];
const body = rows.map((r) => [r.dataset, r.system, String(r.queries), f(r.recall_at_1), f(r.recall_at_3), f(r.mrr),
  f(r.answer_coverage), f(r.answer_precision), r.p50_ms.toFixed(2), r.wall]);
const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
console.log(line(head));
console.log(w.map((n) => "-".repeat(n)).join("  "));
let prev = null;
for (const b of body) { if (prev && prev !== b[0]) console.log(""); prev = b[0]; console.log(line(b)); }
' "$RESULTS"
echo
echo "total run time: $(( $(date +%s) - T0 ))s; raw lines in $RESULTS, logs in $OUT/"
