#!/usr/bin/env bash
# FAQ speed: build time (cold and warm cache) and single-thread query latency, semantic on and off,
# on a synthetic 5,000-topic bilingual FAQ. Writes bench/out/faq-bench.json. Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
exec java -Xmx4g -cp target/support-bot.jar bench/FaqBench.java "${1:-5000}" "${2:-2000}"
