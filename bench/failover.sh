#!/usr/bin/env bash
# Failover of the elected roles on PostgreSQL: two instances on one schema, the holder's election session killed
# (pg_terminate_backend) N times (default 10); prints one JSON line with percentiles of the Telegram poller's and
# the Discord gateway's takeover and of the reply to a message sent at the moment of the kill, beside the calm
# reply time. Needs PostgreSQL on 127.0.0.1:5432 (or SUPPORT_BOT_TEST_DB_URL). Second argument: the election
# check interval in ms (store.electionCheckMillis, default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
[ -f target/test-classes/supportbot/store/postgres/TestSchema.class ] || ./mvnw -B -q test-compile
java -cp target/classes:target/support-bot.jar:target/test-classes bench/FailoverBench.java "${1:-10}" "${2:-1000}" 2>/dev/null | tail -n 1
