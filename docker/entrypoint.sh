#!/bin/sh
# In containers the database is always external: refuse to start an embedded one by accident.
set -e
if [ -z "$DATABASE_URL" ]; then
  echo "DATABASE_URL is required in the container (see docker-compose.yml)." >&2
  exit 1
fi
exec node api/dist/main.js
