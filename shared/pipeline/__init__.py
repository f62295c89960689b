"""The AI processing pipeline: queue-triggered stages, their deadlines and the poison path."""
