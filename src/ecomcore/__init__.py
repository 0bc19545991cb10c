"""ecomcore: the rules that run an online store, storage-agnostic.

Importing ``ecomcore`` imports no context: take the one you need, for example
``ecomcore.core`` for money, and leave the rest unloaded.

Examples:
    >>> import ecomcore
    >>> ecomcore.__version__
    '0.1.0.dev0'
"""

__version__ = "0.1.0.dev0"
