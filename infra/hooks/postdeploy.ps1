# azd postdeploy hook: create the Event Grid subscription for the blob trigger once the code
# (and with it the blobs_extension system key) exists. See postdeploy.sh for the details.
$ErrorActionPreference = 'Stop'

if ($env:CREATE_BLOB_EVENT_SUBSCRIPTION -eq 'true') {
    Write-Host 'Event Grid subscription already provisioned; nothing to do.'
    exit 0
}

if ($env:API_BASE_URL) {
    Write-Host 'Waking the function host...'
    $health = ($env:API_BASE_URL -replace '/v1$', '') + '/health'
    try { Invoke-WebRequest -Uri $health -UseBasicParsing -TimeoutSec 60 | Out-Null } catch { }
    Start-Sleep -Seconds 30
}

azd env set CREATE_BLOB_EVENT_SUBSCRIPTION true

for ($attempt = 1; $attempt -le 3; $attempt++) {
    azd provision --no-prompt
    if ($LASTEXITCODE -eq 0) { exit 0 }
    if ($attempt -lt 3) {
        Write-Host 'Provisioning failed (the blobs_extension key may not exist yet); retrying in 60 s...'
        Start-Sleep -Seconds 60
    }
}
Write-Error 'Could not create the Event Grid subscription. When the app is running, retry with: azd provision'
exit 1
