#!/usr/bin/env bash
# Statements (round trips) and commits per turn on PostgreSQL through the real inbox and engine, one turn at a time
# and many conversations at once, and per outbox delivery. Arguments: conversations (20), messages each (5), JDBC url.
# Writes bench/out/postgres-turn-queries.json. Run it in another checkout to compare builds (the file uses only
# API older builds have).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
cp=target/classes:target/test-classes:$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
mkdir -p bench/out
java -Xmx1g -cp "$cp" bench/PostgresTurnQueries.java "${1:-20}" "${2:-5}" "${3:-jdbc:postgresql://127.0.0.1:5432/postgres}" \
  | grep '^{' | tee bench/out/postgres-turn-queries.json
