"""Transcription engines: ``transcribe(audio) -> Transcript``."""
