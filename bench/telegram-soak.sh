#!/usr/bin/env bash
# Steady Telegram traffic (default 30 minutes at 10 messages/s) with heap and file-descriptor sampling every
# 30 s. Prints CSV samples, then one JSON line with the slopes per hour (a leak shows as a steady rise).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
[ -d target/test-classes/supportbot/channel/telegram ] || ./mvnw -B -q test-compile
java -Xmx1g -cp target/support-bot.jar:target/test-classes bench/TelegramSoakBench.java "${1:-30}" "${2:-10}" 2>/dev/null
