"""Presenting without a visitor: the clicker-driven presenter, the self-playing loop, its strip."""
