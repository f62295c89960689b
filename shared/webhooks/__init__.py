"""Webhooks: tenant subscriptions, Standard-Webhooks-signed delivery with retries, and the delivery log."""
