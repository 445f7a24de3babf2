#!/usr/bin/env bash
# Store throughput for both kinds: acknowledged turns per second (state + two transcript lines + one outbox entry
# each) through the group committer, and for PostgreSQL the statements (round trips) per turn.
# Arguments: seconds (10), writer threads (32), JDBC url (the local server). Writes bench/out/store-throughput.json.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
writers=${2:-32}
url=${3:-jdbc:postgresql://127.0.0.1:5432/postgres}
./mvnw -B -q compile
cp=target/classes:$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
mkdir -p bench/out
{
  java -Xmx1g -cp "$cp" bench/StoreThroughput.java "$seconds" "$writers" mapdb
  java -Xmx1g -cp "$cp" bench/StoreThroughput.java "$seconds" "$writers" postgres "$url"
} | grep '^{' | tee bench/out/store-throughput.json
