"""Browser pages the app serves: the review console and the interactive API reference.

Our own files live beside this module; third-party ones (wavesurfer.js, MSAL.js, Swagger UI) are copied into
``vendor/`` from their pinned npm packages by ``make web`` (scripts/build_web.py) and deployed with the app.
"""
