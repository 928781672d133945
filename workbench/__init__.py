"""The browser workbench: a local web application over the same library and files as the command line."""
