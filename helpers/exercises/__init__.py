"""Exercise checks, one module per lesson."""
