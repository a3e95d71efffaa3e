"""Input shared by many widgets: one application event filter, touch flicking and swipes."""
