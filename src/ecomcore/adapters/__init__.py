"""Implementations of ecomcore's ports: ``memory`` (ships, the default) and ``sqlalchemy`` (extra).

Each adapter passes the reusable contract suite for its port in :mod:`ecomcore.testing`.
"""
