#!/usr/bin/env bash
# Engine throughput (2 worker threads, MapDB, each message committed before it counts) and memory for
# 100,000 stored conversations in a 512 MB heap. Writes bench/out/engine-bench-*.json.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
java -Xmx2g -cp target/support-bot.jar bench/EngineBench.java throughput
java -Xmx512m -cp target/support-bot.jar bench/EngineBench.java memory 100000
