"""The boundary: pydantic models that parse untrusted input into domain objects and render results.

The domain never imports pydantic; only this package does. Every model publishes its JSON Schema.
"""

__all__: list[str] = []
