#!/usr/bin/env bash
# Crashes under a tip load, clients retrying each tip with its Idempotency-Key as phones do:
#  1. the service is killed with SIGKILL twice and restarted: every tip answered 201 is stored once
#     and forwarded to RabbitMQ (repeats carry the same event id), and no stored tip is unknown;
#  2. MariaDB is restarted under the load: the service's readiness goes down and comes back up, it
#     never answers 201 for a tip that was not committed, and it recovers without being restarted.
source "$(dirname "$0")/lib.sh"
require_jar
trap cleanup EXIT
START=$SECONDS
PORT=$((PORT_BASE + 5))
BASE="http://127.0.0.1:$PORT"
rm -f "$WORK"/crash-*.log
db_start
make_secrets

# ---- 1. SIGKILL
DB="vigil_crash_kill_${RUN_ID//-/_}"
QUEUE="vigil.check.crash-kill.$RUN_ID"
DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB?user=vigil&password=vigil"
log "crash 1: SIGKILL during a tip load (database $DB, queue $QUEUE)"
app_start crash-kill "$PORT" "$DB" "$QUEUE"
wait_ready "$PORT" 150 "$(app_pid crash-kill)"
rm -f "$WORK/crash-kill.refs.started"
check load base="$BASE" seconds=30 concurrency=6 out="$WORK/crash-kill.refs" &
LOAD=$!
wait_load_started "$WORK/crash-kill.refs" "$LOAD"
for round in 1 2; do
  sleep 5
  log "kill -9 the service (round $round)"
  app_kill crash-kill
  sleep 1
  app_start crash-kill "$PORT" "$DB" "$QUEUE"
  wait_ready "$PORT" 150 "$(app_pid crash-kill)"
  log "restarted and ready"
done
wait "$LOAD" || fail "the tip load failed"
check verify db="$DB_URL" rabbit="$RABBIT_HOST:$RABBIT_PORT" queue="$QUEUE" refs="$WORK/crash-kill.refs" \
  exactlyOnce=false allKnown=true drainSeconds=90
app_stop crash-kill
db_sql -e "DROP DATABASE \`$DB\`"

# ---- 2. the database restarts
DB="vigil_crash_db_${RUN_ID//-/_}"
QUEUE="vigil.check.crash-db.$RUN_ID"
DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB?user=vigil&password=vigil"
log "crash 2: MariaDB restarts during a tip load (database $DB)"
app_start crash-db "$PORT" "$DB" "$QUEUE"
wait_ready "$PORT" 150 "$(app_pid crash-db)"
SERVICE_PID="$(app_pid crash-db)"
rm -f "$WORK/crash-db.refs.started"
check load base="$BASE" seconds=30 concurrency=6 out="$WORK/crash-db.refs" ready="$BASE" &
LOAD=$!
wait_load_started "$WORK/crash-db.refs" "$LOAD"
sleep 4
log "stopping MariaDB"
db_stop
sleep 8
log "starting MariaDB again"
db_start
wait "$LOAD" || fail "the tip load failed"
kill -0 "$SERVICE_PID" 2>/dev/null || fail "the service did not survive the database restart"
timeline="$(cat "$WORK/crash-db.refs.readiness")"
echo "$timeline" | grep -q 'DOWN\|UNREACHABLE' || fail "readiness never went down while MariaDB was away: $timeline"
[ "$(echo "$timeline" | tail -1 | cut -d: -f2)" = UP ] || fail "readiness did not come back up: $timeline"
# recovered without a restart: new tips are accepted by the same process
check load base="$BASE" seconds=3 concurrency=2 out="$WORK/crash-db-after.refs"
[ -s "$WORK/crash-db-after.refs" ] || fail "no tip accepted after the database came back"
cat "$WORK/crash-db.refs" "$WORK/crash-db-after.refs" >"$WORK/crash-db-all.refs"
check verify db="$DB_URL" rabbit="$RABBIT_HOST:$RABBIT_PORT" queue="$QUEUE" refs="$WORK/crash-db-all.refs" \
  exactlyOnce=false allKnown=true drainSeconds=90
[ "$(app_pid crash-db)" = "$SERVICE_PID" ] || fail "the service was restarted"
app_stop crash-db
db_sql -e "DROP DATABASE \`$DB\`"
log "crash: OK in $((SECONDS - START))s"
