"""Kiosk mode: lock-down, idle reset, visitor prompts, hidden admin panel, visit statistics,
fleet updates and health."""
