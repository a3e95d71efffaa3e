"""Widgets of the kiosk: window, top bar, home, section page. They never read files."""
