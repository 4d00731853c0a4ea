"""Marsad's frontends: the console, the CLI, the Telegram bot. They wire and render only."""
