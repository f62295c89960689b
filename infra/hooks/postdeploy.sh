#!/bin/sh
# azd postdeploy hook: create the Event Grid subscription for the blob trigger once the code
# (and with it the blobs_extension system key) exists. azd exports the environment's values
# (AZURE_FUNCTION_APP_NAME, API_BASE_URL, CREATE_BLOB_EVENT_SUBSCRIPTION, ...) to this script.
set -eu

if [ "${CREATE_BLOB_EVENT_SUBSCRIPTION:-false}" = "true" ]; then
  echo "Event Grid subscription already provisioned; nothing to do."
  exit 0
fi

# Start the host once (GET /api/health) so it creates the blobs_extension key for the Event Grid
# blob trigger.
if [ -n "${API_BASE_URL:-}" ] && command -v curl >/dev/null 2>&1; then
  echo "Waking the function host..."
  curl -s -o /dev/null --max-time 60 "${API_BASE_URL%/v1}/health" || true
  sleep 30
fi

azd env set CREATE_BLOB_EVENT_SUBSCRIPTION true

attempt=1
until azd provision --no-prompt; do
  if [ "$attempt" -ge 3 ]; then
    echo "Could not create the Event Grid subscription. When the app is running, retry with: azd provision" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  echo "Provisioning failed (the blobs_extension key may not exist yet); retrying in 60 s..."
  sleep 60
done
