"""PII redaction: detection in transcripts, redacted transcripts and audio, policy and the stage's work."""
