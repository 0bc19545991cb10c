"""The in-memory velocity counter keeps the VelocityCounter contract."""

from ecomcore.adapters.memory import InMemoryVelocityCounter
from ecomcore.fraud import VelocityCounter
from ecomcore.testing import VelocityCounterContract


class TestMemoryVelocityCounter(VelocityCounterContract):
    """Runs the whole contract suite against InMemoryVelocityCounter."""

    def make_counter(self) -> VelocityCounter:
        return InMemoryVelocityCounter()
