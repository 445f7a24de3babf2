#!/usr/bin/env bash
# Engine throughput (2 worker threads, MapDB, each message committed before it counts) and memory for
# 100,000 stored conversations in a 512 MB heap. Writes bench/out/engine-bench-*.json.
#
#   bench/engine-bench.sh                       collection and FAQ turns, then memory
#   bench/engine-bench.sh compare [rev] [rounds] [messages]
#                                               FAQ turns (need an embedding) of this build against the jar of
#                                               <rev> (default: the commit before the speed work), rounds
#                                               alternating between the two; prints a table and one line
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package

if [ "${1:-}" = compare ]; then
  BEFORE_REV=${2:-01d21c7}
  ROUNDS=${3:-2}
  MESSAGES=${4:-1000}
  BEFORE_DIR=target/bench-before/$BEFORE_REV
  if [ ! -f "$BEFORE_DIR/target/support-bot.jar" ]; then
    # The old source tree built on its own: nothing of this checkout leaks into the "before" jar.
    rm -rf "$BEFORE_DIR" && mkdir -p "$BEFORE_DIR"
    git archive "$BEFORE_REV" | tar -x -C "$BEFORE_DIR"
    (cd "$BEFORE_DIR" && ./mvnw -B -q -o -DskipTests package)
  fi
  files=()
  for round in $(seq 1 "$ROUNDS"); do
    for jar in before after; do
      if [ $jar = before ]; then
        # The old jar reads the old tree's config and FAQ: today's config may name intents it does not know.
        (cd "$BEFORE_DIR" && java -Xmx2g -cp target/support-bot.jar "$OLDPWD/bench/EngineBench.java" faq "$MESSAGES" \
          "$jar-$round" > /dev/null)
        mkdir -p bench/out && cp "$BEFORE_DIR/bench/out/engine-bench-faq-$jar-$round.json" bench/out/
      else
        java -Xmx2g -cp target/support-bot.jar bench/EngineBench.java faq "$MESSAGES" "$jar-$round" > /dev/null
      fi
      files+=("bench/out/engine-bench-faq-$jar-$round.json")
    done
  done
  java -cp target/support-bot.jar bench/EngineBench.java summary "${files[@]}" | tee bench/out/engine-bench-compare.txt
  exit 0
fi

java -Xmx2g -cp target/support-bot.jar bench/EngineBench.java throughput
java -Xmx512m -cp target/support-bot.jar bench/EngineBench.java memory 100000
