#!/usr/bin/env bash
# Throughput of several instances (issue 16): the same web chat workload, S sessions (default 100) x K messages
# (default 20), each sent as soon as the previous one is acknowledged, against 1 instance and then 3 instances
# behind HAProxy, each on a fresh PostgreSQL database. Prints one JSON line with messages/s for both. On one
# machine the instances share its cores: see docs/postgres.md for what that can and cannot show.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
[ -d target/test-classes/supportbot/channel/telegram ] || ./mvnw -B -q test-compile
HAPROXY=${HAPROXY:-$(command -v haproxy || echo /usr/sbin/haproxy)}
export HAPROXY
cp="target/support-bot.jar:target/test-classes"
mkdir -p target/bench-classes
javac -nowarn -d target/bench-classes -cp "$cp" bench/TelegramCrashBench.java bench/WebChatCrashBench.java
java -cp "$cp:target/bench-classes" bench/MultiInstanceCrashBench.java load "${1:-100}" "${2:-20}"
