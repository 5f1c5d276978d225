"""De-identification: the engine (no Django) and supervision packets."""
