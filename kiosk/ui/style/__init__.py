"""How the kiosk looks: palette and type scale, fonts per script, icons, style sheets."""
