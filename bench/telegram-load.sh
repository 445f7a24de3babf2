#!/usr/bin/env bash
# N simulated Telegram users (default 1000) through the fake Bot API, which enforces Telegram's limits.
# Prints one JSON line: reply latency percentiles (s), 429s the fake answered, dropped users, and the
# engine's intake rate against the 30 msg/s the platform allows out ("headroom").
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
[ -d target/test-classes/supportbot/channel/telegram ] || ./mvnw -B -q test-compile
java -Xmx2g -cp target/support-bot.jar:target/test-classes bench/TelegramLoadBench.java "${1:-1000}" 2>/dev/null
