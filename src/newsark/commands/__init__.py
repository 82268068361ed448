"""One module per command (or family of commands); each is a few lines over the library."""
