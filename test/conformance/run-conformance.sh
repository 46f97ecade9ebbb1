#!/usr/bin/env bash
# Runs the three MCP conformance sets against `conduit serve --http … --conformance`
# (CONFORMANCE_SERVER=dev uses a test App instead) and checks expected-failures.yml.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${CONFORMANCE_SERVER:-cli}" = "cli" ]; then npm run build >/dev/null; fi
exec npx node test/conformance/run-conformance.ts
