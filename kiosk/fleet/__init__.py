"""Fleet: signed content releases (The Update Framework) and kiosk health over MQTT.

Everything here is plain Python (no Qt) except ``wiring``, which connects the engine to
the running kiosk. See README, "Fleet".
"""
