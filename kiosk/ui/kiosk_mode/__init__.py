"""Kiosk mode: lock-down, idle reset, visitor prompts, the hidden admin panel and its chart."""
