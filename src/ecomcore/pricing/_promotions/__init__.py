"""Promotions: conditions, benefits, limits, stacking and the catalog index."""
