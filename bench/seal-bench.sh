#!/usr/bin/env bash
# What encryption at rest costs: collection turns per second, data file size and /forget time, with the store
# sealing values and writing them plain, alternating rounds. Writes bench/out/seal-bench.json.
# Arguments: conversations (1000), turns each (20), rounds (3).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
java -Xmx1g -cp target/support-bot.jar bench/SealBench.java "$@"
