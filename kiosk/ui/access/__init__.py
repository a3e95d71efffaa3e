"""Speech and access: speech mode, the page reader, the accessible keypad, the focus ring."""
