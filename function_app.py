"""The Audio Files Function App: creates the app and registers one blueprint per feature."""

import logging

import azure.functions as func

from shared.blueprints import (
    audio_files,
    backtests,
    console,
    docs,
    health,
    pipeline,
    reviews,
    scorecards,
    uploads,
    webhooks,
)

logging.getLogger("azure.core.pipeline.policies.http_logging_policy").setLevel(logging.WARNING)

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)
app.register_functions(health.bp)
app.register_functions(docs.bp)
app.register_functions(audio_files.bp)
app.register_functions(uploads.bp)
app.register_functions(pipeline.bp)
app.register_functions(webhooks.bp)
app.register_functions(scorecards.bp)
app.register_functions(reviews.bp)
app.register_functions(backtests.bp)
app.register_functions(console.bp)
