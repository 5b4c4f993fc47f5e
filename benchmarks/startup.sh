#!/usr/bin/env bash
# Start-up time and footprint of the packaged dashboard (dashboard-example), on its embedded defaults
# (an H2 file database in a fresh directory per start), for each start mode:
#   plain   java -jar dashboard-example-*.jar
#   cds     the extracted jar (java -Djarmode=tools -jar ... extract) with a class-data-sharing archive
#           recorded by the dashboard's training run (-XX:ArchiveClassesAtExit, --dashboard.training-run=true:
#           it serves itself the first requests, then exits): what dashboard-example/Dockerfile runs
#   aot     the extracted jar with a JDK 24+ AOT cache (-XX:AOTCacheOutput / -XX:AOTCache, JEP 483/514), when
#           a JDK newer than 17 is found under /usr/lib/jvm (reported apart: the project targets 17)
#   cds-restart  as cds, on a database an earlier start has already migrated (a copy of it per start): the
#           restart of a deployment that scales to zero, where Flyway only validates
# Each start is timed from spawning the process to the first 200 from GET /admin/login (the image's
# HEALTHCHECK); RSS is VmRSS from /proc/<pid>/status once ready and again after LOAD of signed 4 KiB
# deliveries (wrk -t1 -c16, as benchmarks/load.sh sends them). Every start uses the same JVM options,
# JVM_OPTS, by default the image's, read from dashboard-example/Dockerfile: its ENTRYPOINT's flags (less
# the archive and the jar, which each mode sets) and its JDK_JAVA_OPTIONS, with -XX:MaxRAM=256m standing in
# for a 256 MB container's memory limit, and the image's MALLOC_ARENA_MAX.
#
#   benchmarks/startup.sh                                  # builds the dashboard and benchmarks first
#   SKIP_BUILD=1 RUNS=5 MODES="plain cds" benchmarks/startup.sh
#   TRAINING=refresh ...                                   # Spring Boot's training run (-Dspring.context.exit=onRefresh)
#   JAR=/path/to/dashboard-example.jar ...                 # another build of the dashboard, to compare
#
# Needs curl and wrk (Debian: apt-get install -y curl wrk). Results: a table on stdout and in
# benchmarks/target/startup-results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
PORT=${PORT:-18090}
LOAD=${LOAD:-5s}
COUNT=${COUNT:-40000}
MODES=${MODES:-plain cds cds-restart aot}
DOCKERFILE=dashboard-example/Dockerfile
image_env() {
  sed -n "s/^ENV $1=//p" "$DOCKERFILE"
}
IMAGE_FLAGS=$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' "$DOCKERFILE" | tr -d '",' | tr ' ' '\n' \
  | grep '^-' | grep -v -e '^-XX:SharedArchiveFile=' -e '^-jar$' | tr '\n' ' ')
JVM_OPTS=${JVM_OPTS:--XX:MaxRAM=256m $IMAGE_FLAGS$(image_env JDK_JAVA_OPTIONS)}
# glibc's malloc otherwise keeps up to 8 arenas per core for the JIT's and the server's threads.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$(image_env MALLOC_ARENA_MAX)}
JAVA17=${JAVA17:-java}
TRAINING=${TRAINING:-run}
SECRET=benchmark-signing-key-0123456789abcdef
BENCH_JAR=benchmarks/target/benchmarks.jar
LUA=benchmarks/signed.lua

command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is required (Debian: apt-get install -y wrk)" >&2; exit 1; }
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -pl dashboard-example,benchmarks -am package -DskipTests
fi
JAR=$(realpath "${JAR:-$(ls dashboard-example/target/dashboard-example-*.jar | grep -v -e sources -e javadoc | head -n 1)}")
# The newest JDK under /usr/lib/jvm whose java knows -XX:AOTCache (JDK 24 on).
JAVA_AOT=${JAVA_AOT:-}
if [ -z "$JAVA_AOT" ]; then
  for candidate in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
    if ! "$candidate" -XX:AOTCache=/nonexistent -version 2>&1 | grep -q 'Unrecognized VM option'; then
      JAVA_AOT=$candidate
      break
    fi
  done
fi

WORK=$(mktemp -d)
PID=""
stop() {
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=""
  fi
}
trap 'stop; rm -rf "$WORK"' EXIT

# JVM_OPTS is a list of options: unquoted on purpose below.
# shellcheck disable=SC2086

# extract: the jar split into application.jar + lib/, the layout class data sharing needs.
EXTRACTED=$WORK/extracted
"$JAVA17" -Djarmode=tools -jar "$JAR" extract --destination "$EXTRACTED" >/dev/null
APP=$(ls "$EXTRACTED"/*.jar | head -n 1)

# train <java> <option>: the training run that records the archive. TRAINING=run (the image's): the dashboard
# starts, serves itself its first requests on a random loopback port and exits; TRAINING=refresh: Spring Boot's,
# which exits once the context is refreshed, before the server takes a request.
train() {
  local dir="$WORK/training-$RANDOM" jvm_args="" app_args=""
  case "$TRAINING" in
    run) app_args="--dashboard.training-run=true --server.port=0 --server.address=127.0.0.1" ;;
    refresh) jvm_args="-Dspring.context.exit=onRefresh" ;;
    *) echo "unknown TRAINING $TRAINING (run or refresh)" >&2; exit 1 ;;
  esac
  mkdir -p "$dir"
  (cd "$dir" && ADMIN_PASSWORD=startup-admin-password CALENDLY_WEBHOOK_SECRET=$SECRET \
    SPRING_DATASOURCE_URL="jdbc:h2:mem:training" \
    exec "$1" $JVM_OPTS "$2" $jvm_args -jar "$APP" $app_args > "$dir.log" 2>&1) \
    || { echo "training run failed:" >&2; tail -n 30 "$dir.log" >&2; exit 1; }
}

# migrate: one untimed start that creates and migrates the database the cds-restart starts copy.
migrate() {
  local dir="$WORK/migrated"
  mkdir -p "$dir"
  (cd "$dir" && PORT=$PORT ADMIN_PASSWORD=startup-admin-password CALENDLY_WEBHOOK_SECRET=$SECRET \
    exec "$JAVA17" $JVM_OPTS -jar "$APP" --server.address=127.0.0.1 > "$dir.log" 2>&1) &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/admin/login" || true)" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { echo "the migrating start exited:" >&2; tail -n 40 "$dir.log" >&2; exit 1; }
    sleep 0.1
  done
  stop
}

now_ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

rss_mb() {
  awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}

# start_once <mode> <run>: prints "<ms to ready> <RSS MB ready> <RSS MB after load> <Spring's started-in s>".
start_once() {
  local dir="$WORK/$1-$2" java=$JAVA17 extra="" jar=$APP t0 t1 ready after started requests
  mkdir -p "$dir"
  case "$1" in
    plain) jar=$JAR ;;
    cds) extra="-XX:SharedArchiveFile=$WORK/application.jsa" ;;
    cds-restart)
      extra="-XX:SharedArchiveFile=$WORK/application.jsa"
      cp -r "$WORK/migrated/data" "$dir/"
      ;;
    aot) java=$JAVA_AOT; extra="-XX:AOTCache=$WORK/application.aot" ;;
  esac
  requests="$WORK/requests-$1-$2.txt"
  "$JAVA17" -cp "$BENCH_JAR" io.github.calendlywebhook.benchmarks.SignedRequests "$requests" "$COUNT" 4096 0 \
    "$(( (RANDOM + 1) * 1000000 + $2 * 100000 ))" >/dev/null
  t0=$(now_ms)
  (cd "$dir" && PORT=$PORT ADMIN_PASSWORD=startup-admin-password CALENDLY_WEBHOOK_SECRET=$SECRET \
    exec "$java" $JVM_OPTS $extra -jar "$jar" --server.address=127.0.0.1 \
      --calendly.webhook.allowed-ips=127.0.0.1/32 --calendly.webhook.rate-limit.policy=FAILED_REQUESTS \
      > "$dir.log" 2>&1) &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/admin/login" || true)" = 200 ]; do
    if ! kill -0 "$PID" 2>/dev/null; then
      echo "the dashboard ($1) exited:" >&2
      tail -n 40 "$dir.log" >&2
      exit 1
    fi
    sleep 0.02
  done
  t1=$(now_ms)
  ready=$(rss_mb "$PID")
  wrk -t1 -c16 -d"$LOAD" -s "$LUA" "http://127.0.0.1:$PORT/api/webhooks/calendly" -- "$requests" >/dev/null
  sleep 1
  after=$(rss_mb "$PID")
  started=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$dir.log" | head -n 1)
  stop
  rm -f "$requests"
  echo "$((t1 - t0)) $ready $after ${started:-?}"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

RESULTS=$WORK/results.txt
: > "$RESULTS"
for mode in $MODES; do
  case "$mode" in
    cds) train "$JAVA17" "-XX:ArchiveClassesAtExit=$WORK/application.jsa" ;;
    aot)
      if [ -z "$JAVA_AOT" ]; then
        echo "no JDK with -XX:AOTCache under /usr/lib/jvm: skipping aot" >&2
        continue
      fi
      train "$JAVA_AOT" "-XX:AOTCacheOutput=$WORK/application.aot"
      ;;
    cds-restart)
      [ -f "$WORK/application.jsa" ] || train "$JAVA17" "-XX:ArchiveClassesAtExit=$WORK/application.jsa"
      migrate
      ;;
    plain) ;;
    *) echo "unknown mode $mode" >&2; exit 1 ;;
  esac
  for run in $(seq 1 "$RUNS"); do
    # A start that fails ends the script (set -e) instead of leaving an empty row.
    result=$(start_once "$mode" "$run")
    echo "$mode $result" | tee -a "$RESULTS" >&2
  done
done

mkdir -p benchmarks/target
{
  echo "JVM: $("$JAVA17" -version 2>&1 | sed -n 2p)${JAVA_AOT:+; aot: $("$JAVA_AOT" -version 2>&1 | sed -n 2p)}"
  echo "options: MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX $JVM_OPTS; training: $TRAINING; $RUNS starts per mode, load $LOAD; $(uptime | sed 's/.*load average/load average/')"
  echo
  echo "| start mode | ready, min ms | ready, median ms | Spring's \"Started in\", median s | RSS ready, median MB | RSS after load, median MB | RSS after load, max MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for mode in $MODES; do
    grep -q "^$mode " "$RESULTS" || continue
    col() { awk -v m="$mode" -v c="$1" '$1 == m { print $c }' "$RESULTS"; }
    echo "| $mode | $(col 2 | sort -n | head -n 1) | $(col 2 | median) | $(col 5 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }') | $(col 3 | median) | $(col 4 | median) | $(col 4 | sort -n | tail -n 1) |"
  done
} | tee benchmarks/target/startup-results.md
