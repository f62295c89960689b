"""``audio-files``: the command-line client of the Audio Files API (installed by ``pip install -e .``).

It only speaks HTTP to the API, doing what the README tells any client to do; it is not part of the Function
App that is deployed.
"""
