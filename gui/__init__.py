"""ID Renewal Guide (身份证续期指引)."""
