"""Pydantic models, separated by direction: requests, table records, responses, AI documents."""
