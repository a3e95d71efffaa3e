"""CRI Oriental touch kiosk: investor information on the Industrial Acceleration Plan."""

__version__ = "0.1.0"
