"""Speech output: eSpeak NG's French, Arabic and English voices, played through the system.

No Qt here: the engine synthesises on its own thread and reports through callbacks; the
widgets (``kiosk.ui``) decide what to say and when. ``cri-kiosk speak`` uses the same path.
"""
