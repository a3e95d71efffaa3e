"""Benchmarks of the kiosk: start-up, navigation, language switch, documents, scale, soak."""
