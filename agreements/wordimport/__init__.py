"""Reading agreements from Word files that were not written by peacedraft."""
