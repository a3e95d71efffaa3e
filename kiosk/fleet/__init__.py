"""Fleet: signed content releases (The Update Framework) and kiosk health over MQTT.

Plain Python, no Qt: kiosk/ui/kiosk_mode/fleet_wiring.py connects it to the running
kiosk. See README, "Fleet".
"""
