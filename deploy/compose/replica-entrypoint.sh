#!/bin/bash
# The streaming replica: on first start, a base backup of the primary (pg_basebackup -R writes
# standby.signal and primary_conninfo), then PostgreSQL as a hot standby. Later starts reuse the data.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
	export PGPASSWORD="$REPLICATION_PASSWORD"
	until pg_isready -h "$PRIMARY_HOST" -U replicator; do sleep 1; done
	pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -X stream -R -C -S replica1 --progress
	chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on
