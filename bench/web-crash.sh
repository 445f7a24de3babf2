#!/usr/bin/env bash
# Crash test for the web chat: N sessions (default 20) each send M messages (default 30) at the flood limit,
# resending what was not acknowledged, while the bot is killed with kill -9 K times (default 3) and restarted.
# Optional 4th argument: the first kill after that many seconds. Prints one JSON line of counts; exits 1 and
# lists the problems if an acknowledged message was lost, a message was stored twice or a reply is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
java -cp target/support-bot.jar bench/WebChatCrashBench.java "${1:-20}" "${2:-3}" "${3:-30}" "${4:--1}" ${5:+"$5"}
