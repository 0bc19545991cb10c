"""The contract every `ecomcore.fraud.VelocityCounter` implementation must keep, as a test suite."""

from datetime import UTC, datetime, timedelta

from ecomcore.fraud import VelocityCount, VelocityCounter

__all__ = ["VelocityCounterContract"]

_T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
_HOUR = timedelta(hours=1)


class VelocityCounterContract:
    """Subclass as ``Test...`` and implement `make_counter` returning an empty counter.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryVelocityCounter
        >>> class TestMemoryCounter(VelocityCounterContract):
        ...     def make_counter(self):
        ...         return InMemoryVelocityCounter()
        >>> TestMemoryCounter().test_the_current_order_is_left_out()
    """

    def make_counter(self) -> VelocityCounter:
        """Return a new, empty counter of the implementation under test."""
        raise NotImplementedError

    def _window(self, counter: VelocityCounter, subject: str, exclude: str = "-") -> VelocityCount:
        return counter.count(subject, since=_T0 - _HOUR, until=_T0, exclude_order=exclude)

    def test_an_empty_counter_counts_nothing(self) -> None:
        """A subject never seen has no orders and no values."""
        assert self._window(self.make_counter(), "ip:x") == VelocityCount(0, frozenset())

    def test_orders_and_distinct_values_are_counted(self) -> None:
        """Three orders with two cards count as three orders and two distinct values."""
        counter = self.make_counter()
        for minute, (order, card) in enumerate((("o1", "a"), ("o2", "b"), ("o3", "a"))):
            counter.record("ip:x", order_id=order, at=_T0 - timedelta(minutes=minute), value=card)
        assert self._window(counter, "ip:x") == VelocityCount(3, frozenset({"a", "b"}))

    def test_the_current_order_is_left_out(self) -> None:
        """The order being assessed never counts toward its own velocity."""
        counter = self.make_counter()
        counter.record("ip:x", order_id="o1", at=_T0, value="a")
        counter.record("ip:x", order_id="o2", at=_T0, value="b")
        assert self._window(counter, "ip:x", exclude="o2") == VelocityCount(1, frozenset({"a"}))

    def test_recording_twice_changes_nothing(self) -> None:
        """Assessing the same order again does not inflate the counts."""
        counter = self.make_counter()
        for _ in range(3):
            counter.record("ip:x", order_id="o1", at=_T0, value="a")
        assert self._window(counter, "ip:x").orders == 1

    def test_the_window_is_open_at_the_start_and_closed_at_the_end(self) -> None:
        """A record exactly at `since` is out, one exactly at `until` is in, later ones are out."""
        counter = self.make_counter()
        counter.record("ip:x", order_id="early", at=_T0 - _HOUR, value="a")
        counter.record("ip:x", order_id="edge", at=_T0, value="b")
        counter.record("ip:x", order_id="later", at=_T0 + timedelta(seconds=1), value="c")
        assert self._window(counter, "ip:x") == VelocityCount(1, frozenset({"b"}))

    def test_subjects_are_counted_apart(self) -> None:
        """Orders on one IP do not count for another."""
        counter = self.make_counter()
        counter.record("ip:x", order_id="o1", at=_T0, value="a")
        assert self._window(counter, "ip:y").orders == 0

    def test_records_may_arrive_out_of_time_order(self) -> None:
        """A late-arriving older record still lands in the right window."""
        counter = self.make_counter()
        counter.record("ip:x", order_id="new", at=_T0, value="a")
        counter.record("ip:x", order_id="old", at=_T0 - timedelta(hours=3), value="b")
        counter.record("ip:x", order_id="mid", at=_T0 - timedelta(minutes=30), value="c")
        assert self._window(counter, "ip:x") == VelocityCount(2, frozenset({"a", "c"}))

    def test_one_order_may_carry_several_values(self) -> None:
        """An order recorded with two values counts once as an order and twice as values."""
        counter = self.make_counter()
        counter.record("device:d", order_id="o1", at=_T0, value="a")
        counter.record("device:d", order_id="o1", at=_T0, value="b")
        assert self._window(counter, "device:d") == VelocityCount(1, frozenset({"a", "b"}))
