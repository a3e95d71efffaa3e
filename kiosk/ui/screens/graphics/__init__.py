"""Vector pictures drawn with QPainter: key figures, the zones map, the plan diagram."""
