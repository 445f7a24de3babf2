#!/usr/bin/env bash
# Multi-instance crash test (issue 16): a fresh PostgreSQL database, HAProxy, 3 bot processes in Telegram webhook
# mode; N Telegram users (default 30) and M web chat users (default 30) through HAProxy; a random instance killed
# with kill -9 K times (default 2) and restarted, and once every database connection dropped. Compared with a
# calm run of the same users. Prints one JSON line; exits 1 and lists the problems if an acknowledged message was
# lost, a ticket lost, doubled or incomplete, or a chat got more than the one on-the-wire repeat per kill.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
[ -d target/test-classes/supportbot/channel/telegram ] || ./mvnw -B -q test-compile
HAPROXY=${HAPROXY:-$(command -v haproxy || echo /usr/sbin/haproxy)}
export HAPROXY
cp="target/support-bot.jar:target/test-classes"
# The users, agent and verdict of the single-instance crash benches, compiled to be shared.
mkdir -p target/bench-classes
javac -nowarn -d target/bench-classes -cp "$cp" bench/TelegramCrashBench.java bench/WebChatCrashBench.java
java -cp "$cp:target/bench-classes" bench/MultiInstanceCrashBench.java crash "${1:-30}" "${2:-30}" "${3:-2}" ${4:+"$4"}
