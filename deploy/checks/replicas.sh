#!/usr/bin/env bash
# Two instances of the packaged service (prod profile) on one MariaDB and one RabbitMQ, started at the
# same time on an empty database (so their Flyway migrations race too). Through both at once:
# concurrent tips (some sent to both replicas with one Idempotency-Key), two officers racing for the
# same tips, simultaneous article edits. Then the verdicts: every 201 tip stored once, each outbox
# event in RabbitMQ exactly once per event id, no tip claimed twice, no replica serving an edited
# article beyond the configured in-process cache TTL, and the retention jobs of both replicas never
# purging one tip twice. The relays of both replicas run all along (no event twice proves they never
# sent one batch both). An article scheduled through one replica appears on both at its moment, not before.
source "$(dirname "$0")/lib.sh"
require_jar
trap cleanup EXIT
START=$SECONDS

DB="vigil_replicas_${RUN_ID//-/_}"
QUEUE="vigil.check.replicas.$RUN_ID"
DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB?user=vigil&password=vigil"

# The staleness bound is the in-process read cache's TTL where the service has one (none: edits are
# served at once; Cache-Control max-age is for clients and CDNs, not for the replicas). The run sets
# it short and checks that bound.
if grep -q 'read-cache-ttl' "$ROOT/src/main/resources/application.properties" 2>/dev/null; then
  CACHE_TTL="${VIGIL_CHECK_READ_CACHE_TTL:-3}"
else
  CACHE_TTL=0
fi

rm -f "$WORK"/replica?.log
db_start
make_secrets
log "replicas: two instances on database $DB, queue $QUEUE (read cache TTL ${CACHE_TTL}s)"
for r in 1 2; do
  app_start "replica$r" "$((PORT_BASE + r))" "$DB" "$QUEUE" VIGIL_HTTP_READ_CACHE_TTL="${CACHE_TTL}s" \
    VIGIL_TRIAGE_RETENTION_EVERY=1s VIGIL_TRIAGE_RETENTION_DELAY=1s VIGIL_TRIAGE_RETENTION_BATCH_SIZE=3
done
wait_ready $((PORT_BASE + 1)) 150 "$(app_pid replica1)"
wait_ready $((PORT_BASE + 2)) 150 "$(app_pid replica2)"
log "both ready after $((SECONDS - START))s"

check replicas tips="${VIGIL_CHECK_TIPS:-240}" base1=http://127.0.0.1:$((PORT_BASE + 1)) base2=http://127.0.0.1:$((PORT_BASE + 2)) db="$DB_URL" staleness="$CACHE_TTL" \
  refs="$WORK/replicas.refs" jwtKey="$ROOT/config/dev-jwt/privateKey.pem"

log "retention: 60 tips closed 400 days ago; both replicas' jobs purge them"
db_sql "$DB" <<'SQL'
CREATE TABLE retention_check_tip (tip_id BIGINT PRIMARY KEY);
CREATE TABLE retention_check_purge (id BIGINT AUTO_INCREMENT PRIMARY KEY, tip_id BIGINT NOT NULL, at DATETIME(6) NOT NULL);
-- every UPDATE that (re)sets content_purged_at is one purge of that tip: a second one would be work done twice
CREATE TRIGGER retention_check AFTER UPDATE ON tip_triage FOR EACH ROW
  INSERT INTO retention_check_purge (tip_id, at)
  SELECT NEW.tip_id, NOW(6) FROM DUAL WHERE NEW.content_purged_at IS NOT NULL
    AND (OLD.content_purged_at IS NULL OR OLD.content_purged_at <> NEW.content_purged_at OR OLD.version <> NEW.version);
INSERT INTO retention_check_tip SELECT id FROM tip ORDER BY id DESC LIMIT 60;
START TRANSACTION;
INSERT INTO tip_triage (tip_id, closed_at) SELECT tip_id, NOW(6) - INTERVAL 400 DAY FROM retention_check_tip
  ON DUPLICATE KEY UPDATE closed_at = VALUES(closed_at);
UPDATE tip SET status = 'CLOSED' WHERE id IN (SELECT tip_id FROM retention_check_tip);
COMMIT;
SQL
check retention db="$DB_URL" seconds=60

log "forwarding: every tip's event in RabbitMQ exactly once"
check verify db="$DB_URL" rabbit="$RABBIT_HOST:$RABBIT_PORT" queue="$QUEUE" refs="$WORK/replicas.refs" exactlyOnce=true allKnown=true

# both relays took part: each replica's counter of confirmed deliveries, which add up to the events
total=0
for r in 1 2; do
  n="$(curl -s "http://127.0.0.1:$((PORT_BASE + r))/q/metrics" | awk '/^vigil_forwarding_delivered_total/ {print int($2)}')"
  log "replica $r relayed ${n:-0} events"
  total=$((total + ${n:-0}))
done
[ "$total" = "$(grep -c . "$WORK/replicas.refs")" ] || fail "the relays' delivery counters add up to $total"

if grep -h '"level":"ERROR"' "$WORK/replica1.log" "$WORK/replica2.log" | grep -q .; then
  grep -h '"level":"ERROR"' "$WORK/replica1.log" "$WORK/replica2.log" | head -5 >&2
  fail "errors in the replicas' logs"
fi
db_sql -e "DROP DATABASE \`$DB\`"
log "replicas: OK in $((SECONDS - START))s"
