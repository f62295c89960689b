"""AI engines behind small interfaces: transcription, then evaluation."""
