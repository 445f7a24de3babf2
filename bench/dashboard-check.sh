#!/usr/bin/env bash
# Checks docs/grafana-dashboard.json against a live bot, since Grafana itself cannot be installed here:
# starts a local Prometheus (Debian's package) scraping the bot every 2 s, runs bench/DashboardLoad.java (the
# bot as its own process on the fake Telegram API, ~8 messages/s), waits WARM seconds (default 90), then asks
# Prometheus's HTTP API for every panel expression of the dashboard ($__rate_interval taken as 1m) and fails
# if any returns no series. With chromium present, it also screenshots Prometheus's own graph page for a few
# key queries into docs/prometheus-graphs.png. Everything listens on 127.0.0.1 and stops by itself.
#   bench/dashboard-check.sh [WARM]      METRICS_TOKEN=... if /metrics needs a bearer token
set -euo pipefail
cd "$(dirname "$0")/.."
warm=${1:-90}
port=${BOT_PORT:-18089}
prom_port=${PROM_PORT:-19099}
dashboard=docs/grafana-dashboard.json
command -v prometheus >/dev/null || { echo "prometheus is not installed (apt-get install -y prometheus)" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is not installed (apt-get install -y jq)" >&2; exit 2; }
[ -f target/support-bot.jar ] || ./mvnw -B -q -DskipTests package
[ -d target/test-classes/supportbot/channel/telegram ] || ./mvnw -B -q test-compile

work=$(mktemp -d)
{
  echo "global: {scrape_interval: 2s, evaluation_interval: 2s}"
  echo "scrape_configs:"
  echo "  - job_name: support-bot"
  echo "    metrics_path: /metrics"
  [ -n "${METRICS_TOKEN:-}" ] && echo "    authorization: {type: Bearer, credentials: '${METRICS_TOKEN}'}"
  echo "    static_configs: [{targets: ['127.0.0.1:${port}']}]"
} > "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:${prom_port}" > "$work/prometheus.log" 2>&1 &
prom=$!
java -cp target/support-bot.jar:target/test-classes bench/DashboardLoad.java "$port" 600 "$work/stop" "$work/bot" \
  > "$work/load.out" 2>&1 &
load=$!
cleanup() {
  touch "$work/stop"
  wait "$load" 2>/dev/null || true
  kill "$prom" 2>/dev/null || true
  wait "$prom" 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 180); do
  grep -q polling "$work/load.out" 2>/dev/null && break
  kill -0 "$load" 2>/dev/null || { cat "$work/load.out" >&2; exit 1; }
  sleep 1
done
grep -q polling "$work/load.out" || { echo "the bot did not start; see $work" >&2; exit 1; }
echo "bot up; load running; waiting ${warm}s for Prometheus to collect" >&2
sleep "$warm"

query() {
  curl -s --get --data-urlencode "query=$1" "http://127.0.0.1:${prom_port}/api/v1/query"
}
failed=0
checked=0
while IFS=$'\t' read -r title expr; do
  promql=${expr//\$__rate_interval/1m}
  answer=$(query "$promql")
  series=$(jq '.data.result | length' <<<"$answer" 2>/dev/null || echo 0)
  sample=$(jq -r '[.data.result[] | (.metric | to_entries | map(.value) | join(",")) + "=" + .value[1]][:3] | join(" ")' <<<"$answer" 2>/dev/null || true)
  checked=$((checked + 1))
  if [ "$series" -gt 0 ]; then
    printf 'ok    %-42s %s\n' "$title" "${sample:0:90}"
  else
    printf 'EMPTY %-42s %s\n' "$title" "$promql"
    failed=$((failed + 1))
  fi
done < <(jq -r '.panels[] | select(.type != "row") | .title as $t | .targets[] | [$t, .expr] | @tsv' "$dashboard")

if [ -x /usr/bin/chromium ]; then
  url="http://127.0.0.1:${prom_port}/graph?"
  i=0
  for expr in 'sum by (channel) (rate(supportbot_messages_received_total[1m]))' \
              'histogram_quantile(0.95, sum by (le) (rate(supportbot_turn_seconds_bucket[1m])))' \
              'supportbot_outbox_depth' \
              'sum by (channel) (rate(supportbot_rate_limited_total[1m]))'; do
    enc=$(jq -rn --arg e "$expr" '$e | @uri')
    url+="g${i}.expr=${enc}&g${i}.tab=0&g${i}.range_input=5m&"
    i=$((i + 1))
  done
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,2800 \
    --virtual-time-budget=15000 --screenshot=docs/prometheus-graphs.png "$url" > "$work/chromium.log" 2>&1 \
    && echo "screenshot: docs/prometheus-graphs.png" >&2 || echo "chromium failed; see $work/chromium.log" >&2
fi

touch "$work/stop"
wait "$load" || true
cat "$work/load.out" | tail -1 >&2
echo "$((checked - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
