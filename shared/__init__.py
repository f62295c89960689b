"""The Audio Files service: the Function App's own package."""
