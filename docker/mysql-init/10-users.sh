#!/bin/bash
# Runs once, when the mysql container starts on an empty data volume (the image's initdb hook).
# One least-privilege user for the app and one for Temporal; the app's `db migrate` creates its own
# database (utf8mb4_unicode_ci), Temporal's auto-setup creates `temporal` and `temporal_visibility`.
# Passwords come from docker/.env and must not contain a single quote.
# The app's user runs the migrations, which create triggers: ALL PRIVILEGES on its database includes
# TRIGGER (named below for the reader); creating them with binary logging on also needs the server's
# log_bin_trust_function_creators, which compose.yml sets (this script runs on an empty volume only).
mysql --protocol=socket --socket="${SOCKET:-/var/run/mysqld/mysqld.sock}" \
  -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE USER IF NOT EXISTS '${LEAD_CADENCE_DB_USER}'@'%' IDENTIFIED BY '${LEAD_CADENCE_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`lead_cadence\`.* TO '${LEAD_CADENCE_DB_USER}'@'%';
GRANT TRIGGER ON \`lead_cadence\`.* TO '${LEAD_CADENCE_DB_USER}'@'%';
CREATE USER IF NOT EXISTS '${TEMPORAL_DB_USER}'@'%' IDENTIFIED BY '${TEMPORAL_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`temporal\`.* TO '${TEMPORAL_DB_USER}'@'%';
GRANT ALL PRIVILEGES ON \`temporal_visibility\`.* TO '${TEMPORAL_DB_USER}'@'%';
SQL
