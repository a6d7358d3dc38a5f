# Sourced by run-tests.sh: starts the throwaway PostgreSQL cluster the study-storage tests use (scripts/postgres.sh),
# exports its URL as COURSEKIT_TEST_POSTGRES_URL and stops it when the calling script exits. A machine without
# PostgreSQL gets it installed (as root on Debian) or the run stops naming it: never skipped.
require_debian_packages postgresql
COURSEKIT_TEST_POSTGRES_DIR=$(mktemp -d /tmp/coursekit-pg.XXXXXX)
export COURSEKIT_TEST_POSTGRES_DIR
COURSEKIT_TEST_POSTGRES_URL=$(scripts/postgres.sh start "$COURSEKIT_TEST_POSTGRES_DIR")
export COURSEKIT_TEST_POSTGRES_URL
# Chain onto whatever EXIT trap the caller already has.
_coursekit_pg_previous_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
trap "scripts/postgres.sh stop '$COURSEKIT_TEST_POSTGRES_DIR'; $_coursekit_pg_previous_trap" EXIT
