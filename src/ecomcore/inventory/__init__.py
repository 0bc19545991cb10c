"""Inventory: stock across locations, and planning what to buy next (`.planning`)."""
