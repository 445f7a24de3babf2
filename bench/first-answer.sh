#!/usr/bin/env bash
# Time from `java -jar` to the first web chat answer, on a cold start (empty data dir: no embedding cache).
# Usage: bench/first-answer.sh [JAR] [PORT]   (run from the repository root; the FAQ is ./faq-data)
set -euo pipefail
JAR=${1:-target/support-bot.jar}
PORT=${2:-18391}
ROOT=$(pwd)
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cat > "$WORK/app.yaml" <<YAML
http: {host: 127.0.0.1, port: $PORT}
data: {dir: $WORK/data}
dialogue: {dir: $ROOT/config}
faq: {dir: $ROOT/faq-data, watch: false}
telegram: {enabled: "off"}
discord: {enabled: "off"}
YAML
start=$(date +%s%N)
echo "started at $(date +%T.%N | cut -c1-12)"
java -jar "$JAR" run --config "$WORK/app.yaml" > "$WORK/out.log" 2>&1 &
PID=$!
ms() { echo $(( ($(date +%s%N) - start) / 1000000 )); }
until curl -sf "http://127.0.0.1:$PORT/health" > "$WORK/health.json"; do
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/out.log"; exit 1; }
  sleep 0.1
done
echo "health up after $(ms) ms: $(cat "$WORK/health.json")"
sid=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/chat/sessions" | sed -E 's/.*"sessionId":"([^"]+)".*/\1/')
curl -sf -X POST -H 'Content-Type: application/json' -d '{"text":"how do I back up my recovery phrase?"}' \
  "http://127.0.0.1:$PORT/api/chat/sessions/$sid/messages" > /dev/null
until curl -sf "http://127.0.0.1:$PORT/api/chat/sessions/$sid/messages?after=0&wait=5" | grep -q '"from":"bot"'; do
  sleep 0.05
done
echo "first web chat answer after $(ms) ms"
until curl -sf "http://127.0.0.1:$PORT/health" | grep -q '"embeddings":"ready"'; do
  kill -0 "$PID" 2>/dev/null || break
  grep -q '"embeddings"' "$WORK/health.json" || break
  sleep 0.2
done
grep -q '"embeddings"' "$WORK/health.json" && echo "embeddings ready after $(ms) ms"
echo "--- start-up output:"; cat "$WORK/out.log" | grep -v DEBUG | head -40
