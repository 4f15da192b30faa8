"""Kiosk mode for service counters: unattended, offline, nothing left behind."""
