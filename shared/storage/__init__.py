"""Storage access: one small module per service (blob, table, queue), clients created once per process."""
