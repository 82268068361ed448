"""newsark: rescue a vanished news website from web archives into a searchable archive."""

__version__ = "0.1.0"
