#!/usr/bin/env bash
# Load test of the webhook endpoint on 127.0.0.1 with wrk: signed 4 KiB deliveries, 0 % and 30 %
# duplicates, against two baselines in the same run: an endpoint in the same server that only reads the
# body and answers 200, and a minimal Node.js receiver with the same checks (benchmarks/node).
#
#   benchmarks/load.sh                 # build, then run every target
#   SKIP_BUILD=1 DURATION=10s benchmarks/load.sh
#
# wrk's Lua cannot compute an HMAC, so each run replays COUNT requests signed just before it (the
# tolerance is 3 minutes); wrk keeps them in memory, and past about 100,000 requests of 4 KiB its Lua
# heap runs out. A run that sends more than COUNT requests wraps around, so its tail is duplicates:
# keep COUNT above req/s x DURATION for a clean 0 % run.
#
# Targets (TARGETS, default "memory h2 node spring"): core's servlet in embedded Jetty with the
# in-memory store and with the JDBC store on an H2 file, the Node receiver, and the Spring Boot
# dashboard (dashboard-example: the starter with its H2 store, audit log and live updates), when that
# module is in the build. Every run is bounded by DURATION; servers are stopped on exit. Results: one
# table on stdout and in benchmarks/target/load-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
SIZE=${SIZE:-4096}
COUNT=${COUNT:-90000}
JAVA_PORT=${JAVA_PORT:-18081}
NODE_PORT=${NODE_PORT:-18082}
SPRING_PORT=${SPRING_PORT:-18083}
JAR=benchmarks/target/benchmarks.jar
LUA=benchmarks/signed.lua
SECRET=benchmark-signing-key-0123456789abcdef
WEBHOOK_PATH=/api/webhooks/calendly

command -v wrk >/dev/null || { echo "wrk is required (Debian: apt-get install -y wrk)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is required" >&2; exit 1; }
TARGETS=${TARGETS:-memory h2 node spring}
if [ ! -d dashboard-example ]; then
  TARGETS=${TARGETS//spring/}
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  case " $TARGETS " in
    *" spring "*) mvn -B -q -pl benchmarks,dashboard-example -am package -DskipTests ;;
    *) mvn -B -q -pl benchmarks -am package -DskipTests ;;
  esac
fi

WORK=$(mktemp -d)
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap 'stop_server; rm -rf "$WORK"' EXIT

wait_for_port() {
  for _ in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  echo "nothing listens on 127.0.0.1:$1; server output:" >&2
  tail -n 40 "$WORK"/*.log >&2 || true
  return 1
}

# signed_file <duplicate percent> <first event index>: signs just before use (tolerance is 3 minutes).
signed_file() {
  local file="$WORK/requests-$1-$2.txt"
  java -cp "$JAR" io.github.calendlywebhook.benchmarks.SignedRequests "$file" "$COUNT" "$SIZE" "$1" "$2"
  echo "$file"
}

RESULTS="$WORK/results.txt"
: > "$RESULTS"

# measure <label> <url> <duplicate percent> <first event index>
measure() {
  local file line
  file=$(signed_file "$3" "$4")
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$LUA" "$2" -- "$file" | grep '^RESULT')
  rm -f "$file"
  echo "$1 ${line#RESULT }" | tee -a "$RESULTS"
}

warm_up() {
  local file
  file=$(signed_file 0 900000000)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$1" -- "$file" >/dev/null
  rm -f "$file"
}

start_java() {
  java -Xms512m -Xmx1g -cp "$JAR" io.github.calendlywebhook.benchmarks.LoadServer "$JAVA_PORT" "$1" \
    > "$WORK/server-$1.log" 2>&1 &
  SERVER_PID=$!
  wait_for_port "$JAVA_PORT"
}

java_target() {
  local store=$1 url="http://127.0.0.1:$JAVA_PORT$WEBHOOK_PATH" base="http://127.0.0.1:$JAVA_PORT/baseline"
  start_java "$store"
  warm_up "$base"
  warm_up "$url"
  measure "jetty-baseline($store-run)" "$base" 0 100000000
  measure "jetty-core-$store-0%dup" "$url" 0 200000000
  stop_server
  # A fresh server, so the 30 % run starts with an empty store like the 0 % run.
  start_java "$store"
  warm_up "$url"
  measure "jetty-core-$store-30%dup" "$url" 30 300000000
  stop_server
}

node_target() {
  local url="http://127.0.0.1:$NODE_PORT$WEBHOOK_PATH"
  CALENDLY_WEBHOOK_SECRET=$SECRET node benchmarks/node/receiver.js "$NODE_PORT" > "$WORK/node.log" 2>&1 &
  SERVER_PID=$!
  wait_for_port "$NODE_PORT"
  warm_up "$url"
  measure "node-0%dup" "$url" 0 400000000
  stop_server
  CALENDLY_WEBHOOK_SECRET=$SECRET node benchmarks/node/receiver.js "$NODE_PORT" > "$WORK/node.log" 2>&1 &
  SERVER_PID=$!
  wait_for_port "$NODE_PORT"
  warm_up "$url"
  measure "node-30%dup" "$url" 30 500000000
  stop_server
}

start_spring() {
  local dir="$WORK/spring-$1"
  mkdir -p "$dir"
  (cd "$dir" && PORT=$SPRING_PORT ADMIN_PASSWORD=load-test-admin-password CALENDLY_WEBHOOK_SECRET=$SECRET \
    exec java -Xms512m -Xmx1g -jar "$OLDPWD"/dashboard-example/target/dashboard-example-*.jar \
      --server.address=127.0.0.1 --calendly.webhook.allowed-ips=127.0.0.1/32 \
      --calendly.webhook.rate-limit.policy=FAILED_REQUESTS > "$WORK/spring-$1.log" 2>&1) &
  SERVER_PID=$!
  wait_for_port "$SPRING_PORT"
}

spring_target() {
  local url="http://127.0.0.1:$SPRING_PORT$WEBHOOK_PATH"
  start_spring 0
  warm_up "$url"
  measure "spring-dashboard-h2-0%dup" "$url" 0 600000000
  stop_server
  start_spring 30
  warm_up "$url"
  measure "spring-dashboard-h2-30%dup" "$url" 30 700000000
  stop_server
}

for target in $TARGETS; do
  case "$target" in
    node) node_target ;;
    spring) spring_target ;;
    *) java_target "$target" ;;
  esac
done

mkdir -p benchmarks/target
{
  echo "| target | requests | seconds | req/s | p50 ms | p99 ms | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  while read -r label rest; do
    eval "$rest"
    echo "| $label | $requests | $seconds | $rps | $p50_ms | $p99_ms | $non2xx | $socket_errors |"
  done < "$RESULTS"
} | tee benchmarks/target/load-results.md
