#!/usr/bin/env bash
# FAQ retrieval quality: the public StackFAQ benchmark (dev queries; and half of them as examples, the
# other half as queries) and our own labelled wallet queries per language. Prints one JSON line per run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
STACKFAQ=${STACKFAQ:-../shared/eval/stackfaq}
bot() { java -jar target/support-bot.jar "$@" 2>/dev/null; }
mkdir -p bench/out
if [ -f "$STACKFAQ/faq.jsonl" ]; then
  # Even lines (0, 2, 4, ...) become examples, odd lines queries: each topic lands in both halves.
  awk 'NR % 2 == 1' "$STACKFAQ/queries-dev.jsonl" > bench/out/stackfaq-examples.jsonl
  awk 'NR % 2 == 0' "$STACKFAQ/queries-dev.jsonl" > bench/out/stackfaq-queries.jsonl
  echo "stackfaq dev:             $(bot eval --faq "$STACKFAQ/faq.jsonl" --queries "$STACKFAQ/queries-dev.jsonl" --json)"
  echo "stackfaq half as examples: $(bot eval --faq "$STACKFAQ/faq.jsonl" --queries bench/out/stackfaq-queries.jsonl --examples bench/out/stackfaq-examples.jsonl --json)"
  echo "stackfaq dev, BM25 only:  $(bot eval --no-semantic --faq "$STACKFAQ/faq.jsonl" --queries "$STACKFAQ/queries-dev.jsonl" --json)"
fi
for lang in zh en; do
  echo "wallet $lang:                $(bot eval --queries bench/queries-$lang.jsonl --json)"
  echo "wallet $lang, BM25 only:     $(bot eval --no-semantic --queries bench/queries-$lang.jsonl --json)"
done
