"""Audio files: records, the listing index, and the service functions the HTTP handlers call."""
