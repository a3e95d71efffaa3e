"""Widgets only, never reading files: the window and its chrome; screens, modes in subpackages."""
