#!/usr/bin/env bash
# Crash test: the bot as its own process against the fake Telegram Bot API, N simulated users (default 20)
# through FAQ, detail collection and handoff, the bot killed with kill -9 K times (default 3) at random
# moments and restarted. Compares every user's replies and ticket with a calm run of the same users.
# Prints one JSON line of counts; exits 1 and lists the problems if anything was lost, repeated or stuck.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
[ -d target/test-classes/supportbot/channel/telegram ] || ./mvnw -B -q test-compile
java -cp target/support-bot.jar:target/test-classes bench/TelegramCrashBench.java "${1:-20}" "${2:-3}" ${3:+"$3"}
