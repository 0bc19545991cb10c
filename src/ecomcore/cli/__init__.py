"""The ``ecomcore`` command line, and the guided tour run by ``python -m ecomcore``."""
