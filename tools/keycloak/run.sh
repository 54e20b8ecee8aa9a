#!/usr/bin/env bash
# A real Keycloak for the staff console's login, in dev mode, tests and CI: fetched from Maven Central
# (org.keycloak:keycloak-quarkus-dist, through the Maven wrapper, cached in ~/.cache/vigil), started with
# `kc.sh start-dev` on an in-memory database, with the committed realm (tools/keycloak/vigil-realm.json:
# the console and API clients, the roles, demo users of two regions; password vigil-demo) imported fresh
# at every start.
#
#   tools/keycloak/run.sh [PORT]          in the foreground (default 18180, the port dev mode expects)
#   tools/keycloak/run.sh start [PORT]    in the background: returns at once, log in target/keycloak-PORT.log
#   tools/keycloak/run.sh wait [PORT] [S] until the realm answers (at most S seconds, default 300)
#   tools/keycloak/run.sh stop [PORT]     stops one started by `start`
#
# Keycloak 26 needs Java 21+: KEYCLOAK_JAVA_HOME, else JAVA_HOME when it is 21+, else Temurin 25 in /usr/lib/jvm.
set -euo pipefail
cd "$(dirname "$0")/../.."

VERSION=26.5.6
CACHE=${VIGIL_KEYCLOAK_CACHE:-$HOME/.cache/vigil}
HOME_DIR=$CACHE/keycloak-$VERSION
REALM=tools/keycloak/vigil-realm.json

command=run
case "${1:-}" in start | wait | stop) command=$1; shift ;; esac
PORT=${1:-18180}
PID_FILE=target/keycloak-$PORT.pid
LOG_FILE=target/keycloak-$PORT.log
URL=http://127.0.0.1:$PORT/realms/vigil/.well-known/openid-configuration

java_home() {
  for candidate in "${KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${major%%.*}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "Keycloak $VERSION needs Java 21+: set KEYCLOAK_JAVA_HOME" >&2
  return 1
}

# Fetch and unpack once; concurrent callers (two test runs) wait for each other.
install() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/keycloak.lock"
  flock 9
  if [ ! -x "$HOME_DIR/bin/kc.sh" ]; then
    ./mvnw -q -B dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$VERSION:zip \
      -DoutputDirectory="$CACHE" -Dmdep.overWriteIfNewer=true
    rm -rf "$HOME_DIR.partial"
    mkdir -p "$HOME_DIR.partial"
    unzip -q "$CACHE/keycloak-quarkus-dist-$VERSION.zip" -d "$HOME_DIR.partial"
    mv "$HOME_DIR.partial/keycloak-$VERSION" "$HOME_DIR"
    rm -rf "$HOME_DIR.partial" "$CACHE/keycloak-quarkus-dist-$VERSION.zip"
  fi
  flock -u 9
}

# The database is in memory: every start imports the committed realm afresh.
run() {
  install
  local java
  java=$(java_home)
  # start-dev re-augments Keycloak into its home directory: one start at a time per installation
  exec 9>"$CACHE/keycloak.lock"
  flock 9
  mkdir -p "$HOME_DIR/data/import"
  cp "$REALM" "$HOME_DIR/data/import/vigil-realm.json"
  JAVA_HOME=$java \
    JAVA_OPTS_KC_HEAP=${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m} \
    KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} \
    KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin} \
    "$HOME_DIR/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$PORT" --db=dev-mem \
    --import-realm 9>&- &
  local kc=$!
  trap 'kill $kc 2>/dev/null; wait $kc 2>/dev/null' EXIT INT TERM
  # release the lock once this one is up (or gone), so that the next start does not rebuild under it
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "$URL" 2>/dev/null || ! kill -0 $kc 2>/dev/null; then break; fi
    sleep 1
  done
  flock -u 9
  exec 9>&-
  wait $kc
}

case $command in
  run) run ;;
  start)
    mkdir -p target
    nohup bash "$(pwd)/tools/keycloak/run.sh" "$PORT" >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
    echo "Keycloak starting on port $PORT (pid $(cat "$PID_FILE"), log $LOG_FILE)"
    ;;
  wait)
    limit=${2:-300}
    for _ in $(seq 1 "$limit"); do
      if curl -fsS -o /dev/null "$URL" 2>/dev/null; then echo "Keycloak is up: http://127.0.0.1:$PORT/realms/vigil"; exit 0; fi
      if [ -f "$PID_FILE" ] && ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then break; fi
      sleep 1
    done
    echo "Keycloak did not come up on port $PORT; its log:" >&2
    tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
    exit 1
    ;;
  stop)
    if [ -f "$PID_FILE" ]; then kill "$(cat "$PID_FILE")" 2>/dev/null || true; rm -f "$PID_FILE"; fi
    ;;
esac
