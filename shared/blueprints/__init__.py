"""One Functions blueprint per feature; function_app.py registers them."""
