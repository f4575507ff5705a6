"""The submission bundle: a folder and a zip for the coordinator (`endorse bundle`)."""
