#!/usr/bin/env bash
# Load test of the webhook endpoint on 127.0.0.1 with wrk: signed 4 KiB deliveries, 0 % and 30 %
# duplicates, against two baselines in the same run: an endpoint in the same application that only reads
# the body and answers 200, and a minimal Node.js receiver with the same checks (benchmarks/node).
#
#   benchmarks/load.sh                 # build, then run every target
#   SKIP_BUILD=1 DURATION=10s TARGETS="node spring-memory" benchmarks/load.sh
#
# wrk's Lua cannot compute an HMAC, so each run replays COUNT requests signed just before it (the
# tolerance is 3 minutes) and held in wrk's memory: the default 400,000 deliveries of 4 KiB take 1.7 GB
# there, and cover 40,000 req/s for 10 s. LuaJIT builds without 64-bit GC references run out of memory
# near 100,000; the run stops with a message, and COUNT=90000 works with them. A run that sends more than
# COUNT requests wraps around, so its tail is duplicates (the "wrapped" column): keep COUNT above
# req/s x DURATION for a clean 0 % run.
#
# Targets (TARGETS, default all of them):
#   jetty-memory, jetty-h2          core's servlet in embedded Jetty (LoadServer), in-memory / H2 store
#   spring-memory, spring-h2,       the Spring Boot starter in the smallest application with a listener
#   spring-pg                       (benchmarks/spring-app)
#   micronaut-memory, micronaut-h2, the Micronaut adapter in the smallest application with a listener
#   micronaut-pg                    (benchmarks/micronaut-app)
#   node                            the Node receiver (benchmarks/node/receiver.js)
#   dashboard                       dashboard-example: the starter with its H2 store, audit log and live updates
# Each Java target measures its own application's /baseline in the same run. The H2 store is a file
# database in a temporary directory. The -pg targets run on a PostgreSQL server of their own with durable
# commits (benchmarks' PostgresServer: embedded binaries from a Maven artifact, on PORT + 1), whose CPU
# counts in the server column. The smallest applications with a database also answer /plain-insert, one
# INSERT of the body committed on its own (their database's floor), measured after their 30 % run and
# reported as "insert". Every run is bounded by DURATION; servers are stopped on exit.
# HEAP sets every Java server's heap options; by default none, so each server runs on the JVM's default
# flags as a user starts it (the in-memory stores are bounded, so the default heap holds a full run).
# JAVA_OPTS adds JVM options to every Java server (e.g. -XX:StartFlightRecording=...).
# DASHBOARD_JAR, SPRING_JAR and MICRONAUT_JAR run another build of the dashboard or of a smallest
# application (e.g. an older commit's) for side-by-side comparisons.
# Each endpoint is warmed up for WARMUP (20 s) before it is measured, with deliveries of its own: after a
# 5 s warm-up the JVM servers were still compiling H2's and their own code, and that CPU fell in the
# measured run (the durable rows' CPU per delivery was 1.3x to 3.4x a 20 s warm-up's).
# Results: two tables on stdout and in benchmarks/target/load-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
SIZE=${SIZE:-4096}
COUNT=${COUNT:-400000}
PORT=${PORT:-18081}
PG_URL=jdbc:postgresql://127.0.0.1:$((PORT + 1))/postgres
HEAP=${HEAP:-}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=benchmarks/target/benchmarks.jar
SPRING_JAR=$(realpath -m "${SPRING_JAR:-benchmarks/spring-app/target/spring-app.jar}")
MICRONAUT_JAR=$(realpath -m "${MICRONAUT_JAR:-benchmarks/micronaut-app/target/micronaut-app.jar}")
DASHBOARD_JAR=${DASHBOARD_JAR:-}
LUA=benchmarks/signed.lua
SECRET=benchmark-signing-key-0123456789abcdef
WEBHOOK_PATH=/api/webhooks/calendly

command -v wrk >/dev/null || { echo "wrk is required (Debian: apt-get install -y wrk)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is required" >&2; exit 1; }
TARGETS=${TARGETS:-jetty-memory jetty-h2 node spring-memory spring-h2 spring-pg micronaut-memory micronaut-h2 micronaut-pg dashboard}
# The names of earlier versions of this script.
TARGETS=$(echo " $TARGETS " | sed -e 's/ memory / jetty-memory /g' -e 's/ h2 / jetty-h2 /g' -e 's/ spring / dashboard /g')
if [ -z "${SKIP_BUILD:-}" ]; then
  modules=benchmarks
  case "$TARGETS" in *" spring-"*) modules=$modules,benchmarks/spring-app ;; esac
  case "$TARGETS" in *" micronaut-"*) modules=$modules,benchmarks/micronaut-app ;; esac
  case "$TARGETS" in *" dashboard "*) modules=$modules,dashboard-example ;; esac
  mvn -B -q -pl "$modules" -am package -DskipTests
fi
if [ -z "$DASHBOARD_JAR" ]; then
  DASHBOARD_JAR=$(ls dashboard-example/target/dashboard-example-*.jar 2>/dev/null | head -n 1 || true)
fi
DASHBOARD_JAR=$(realpath -m "${DASHBOARD_JAR:-dashboard-example/target/dashboard-example.jar}")

WORK=$(mktemp -d)
SERVER_PID=""
DB_PID=""
DB_DIR=""
stop_server() {
  local pid
  for pid in "$SERVER_PID" "$DB_PID"; do
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  SERVER_PID=""
  DB_PID=""
  DB_DIR=""
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

CLOCK_TICKS=$(getconf CLK_TCK)
# cpu_ticks: the server's user + system CPU time so far, in clock ticks, with its PostgreSQL server's:
# the postmaster and its processes (the pool's backends live as long as the server).
cpu_ticks() {
  local pids=$SERVER_PID postmaster
  if [ -n "$DB_DIR" ]; then
    postmaster=$(head -n 1 "$DB_DIR/postmaster.pid")
    pids="$pids $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
  fi
  # A process that ended since pgrep (an autovacuum worker) has no stat file left: its CPU is not counted.
  # shellcheck disable=SC2086 # one stat file per process
  (cd /proc && cat $(printf '%s/stat ' $pids) 2>/dev/null || true) | awk '{ sum += $14 + $15 } END { print sum }'
}

RESULTS="$WORK/results.txt"
: > "$RESULTS"
NEXT_INDEX=100000000

# wrk_failed <what>: stops the run where wrk gave no result, most likely out of memory for the deliveries.
wrk_failed() {
  echo "wrk failed in $1 (out of memory holding $COUNT deliveries? try a lower COUNT)" >&2
  exit 1
}

# measure <target> <row: baseline|0|30> <url>; every run signs events no earlier run has used.
measure() {
  local file line dup=0
  [ "$2" = 30 ] && dup=30
  file=$(signed_file "$dup" "$NEXT_INDEX")
  NEXT_INDEX=$((NEXT_INDEX + 100000000))
  local before after requests
  before=$(cpu_ticks)
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$LUA" "$3" -- "$file" | grep '^RESULT') || true
  after=$(cpu_ticks)
  rm -f "$file"
  [ -n "$line" ] || wrk_failed "$1 $2"
  requests=$(echo "$line" | sed -n 's/.* requests=\([0-9]*\).*/\1/p')
  # The server's CPU time per request (user + system, all its threads): steadier than req/s on a
  # shared machine, since it does not count what wrk and other processes take.
  line="$line cpu_us=$(( (after - before) * 1000000 / CLOCK_TICKS / (requests > 0 ? requests : 1) ))"
  echo "$1 $2 ${line#RESULT }" | tee -a "$RESULTS"
}

# warm_up <url> <duplicate percent>: the same share as the measured run, so its code paths are compiled.
warm_up() {
  local file
  file=$(signed_file "$2" 900000000)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$LUA" "$1" -- "$file" >/dev/null \
    || wrk_failed "the warm-up"
  rm -f "$file"
}

# start_postgres <directory>: a fresh PostgreSQL server on PORT + 1, for a -pg target.
start_postgres() {
  java -cp "$JAR" io.github.calendlywebhook.benchmarks.PostgresServer "$((PORT + 1))" "$1/pg" > "$1-pg.log" 2>&1 &
  DB_PID=$!
  wait_for_port "$((PORT + 1))"
  DB_DIR=$1/pg
}

# start <target> <run>: starts the target's server on PORT, with a fresh store.
start() {
  local dir="$WORK/$1-$2"
  mkdir -p "$dir"
  case "$1" in *-pg) start_postgres "$dir" ;; esac
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  case "$1" in
    jetty-*)
      java $HEAP $JAVA_OPTS -cp "$JAR" io.github.calendlywebhook.benchmarks.LoadServer "$PORT" \
        "${1#jetty-}" > "$dir.log" 2>&1 &
      ;;
    spring-*)
      CALENDLY_WEBHOOK_SECRET=$SECRET H2_DIR=$dir PG_URL=$PG_URL java $HEAP $JAVA_OPTS -jar "$SPRING_JAR" \
        --server.port="$PORT" --spring.profiles.active="${1#spring-}" > "$dir.log" 2>&1 &
      ;;
    micronaut-*)
      CALENDLY_WEBHOOK_SECRET=$SECRET H2_DIR=$dir PG_URL=$PG_URL MICRONAUT_ENVIRONMENTS=${1#micronaut-} PORT=$PORT \
        java $HEAP $JAVA_OPTS -jar "$MICRONAUT_JAR" > "$dir.log" 2>&1 &
      ;;
    dashboard)
      (cd "$dir" && PORT=$PORT ADMIN_PASSWORD=load-test-admin-password CALENDLY_WEBHOOK_SECRET=$SECRET \
        exec java $HEAP $JAVA_OPTS -jar "$DASHBOARD_JAR" \
          --server.address=127.0.0.1 --calendly.webhook.allowed-ips=127.0.0.1/32 \
          --calendly.webhook.rate-limit.policy=FAILED_REQUESTS > "$dir.log" 2>&1) &
      ;;
    node)
      CALENDLY_WEBHOOK_SECRET=$SECRET node benchmarks/node/receiver.js "$PORT" > "$dir.log" 2>&1 &
      ;;
    *) echo "unknown target $1" >&2; exit 1 ;;
  esac
  SERVER_PID=$!
  wait_for_port "$PORT"
}

# run_target <target>: the application's baseline and a 0 % run on one server, then the 30 % run on a
# fresh one, so that both duplicate shares start from an empty store. Both endpoints are warmed up
# before either is measured, so neither measurement pays for compiling the server's shared HTTP path.
run_target() {
  local url="http://127.0.0.1:$PORT$WEBHOOK_PATH" base="http://127.0.0.1:$PORT/baseline"
  local has_baseline=1 has_floor=
  case "$1" in node|dashboard) has_baseline= ;; esac
  case "$1" in spring-h2|spring-pg|micronaut-h2|micronaut-pg) has_floor=1 ;; esac
  start "$1" 0
  if [ -n "$has_baseline" ]; then
    warm_up "$base" 0
  fi
  warm_up "$url" 0
  if [ -n "$has_baseline" ]; then
    measure "$1" baseline "$base"
  fi
  measure "$1" 0 "$url"
  stop_server
  # The fresh server gets the same warm-up as the first: its baseline too, then the webhook.
  start "$1" 30
  if [ -n "$has_baseline" ]; then
    warm_up "$base" 0
  fi
  warm_up "$url" 30
  measure "$1" 30 "$url"
  if [ -n "$has_floor" ]; then
    warm_up "http://127.0.0.1:$PORT/plain-insert" 0
    measure "$1" insert "http://127.0.0.1:$PORT/plain-insert"
  fi
  stop_server
}

for target in $TARGETS; do
  run_target "$target"
done

mkdir -p benchmarks/target
{
  echo "| target | run | req/s | p50 ms | p99 ms | server CPU µs/req | requests | wrapped | non-2xx | socket errors |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  while read -r target row rest; do
    eval "$rest"
    wrapped=$(( requests > COUNT ? (requests - COUNT) * 100 / requests : 0 ))
    case "$row" in baseline|insert) ;; *) row="$row % dup" ;; esac
    echo "| $target | $row | $rps | $p50_ms | $p99_ms | $cpu_us | $requests | $wrapped % | $non2xx | $socket_errors |"
  done < "$RESULTS"
  echo
  echo "| target | run | / same-app baseline | / plain-INSERT floor | req/s / Node | p99 / Node's p99 |"
  echo "|---|---|---:|---:|---:|---:|"
  awk '
    { rps = ""; p99 = ""; for (i = 3; i <= NF; i++) { if ($i ~ /^rps=/) rps = substr($i, 5) + 0;
        if ($i ~ /^p99_ms=/) p99 = substr($i, 8) + 0 }
      target[NR] = $1; row[NR] = $2; value[NR] = rps; tail[NR] = p99;
      if ($2 == "baseline") baseline[$1] = rps; if ($2 == "insert") floor[$1] = rps;
      if ($1 == "node") { node[$2] = rps; nodep99[$2] = p99 } }
    END {
      for (i = 1; i <= NR; i++) {
        if (row[i] == "baseline" || row[i] == "insert" || target[i] == "node") continue;
        b = (target[i] in baseline) ? sprintf("%.2fx", value[i] / baseline[target[i]]) : "-";
        f = (target[i] in floor) ? sprintf("%.2fx", value[i] / floor[target[i]]) : "-";
        n = (row[i] in node) ? sprintf("%.2fx", value[i] / node[row[i]]) : "-";
        l = (row[i] in nodep99 && nodep99[row[i]] > 0) ? sprintf("%.1fx", tail[i] / nodep99[row[i]]) : "-";
        printf "| %s | %s %% dup | %s | %s | %s | %s |\n", target[i], row[i], b, f, n, l;
      }
    }' "$RESULTS"
} | tee benchmarks/target/load-results.md
