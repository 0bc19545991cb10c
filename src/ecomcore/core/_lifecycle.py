"""Lifecycles as transition tables: the states, the allowed moves, and the guards on them."""

import enum
from collections.abc import Callable, Mapping, Set
from typing import Generic, TypeVar

import attrs

from ecomcore.core._errors import EcomcoreError

__all__ = ["Lifecycle", "TransitionError"]

S = TypeVar("S", bound=enum.Enum)
T = TypeVar("T")


class TransitionError(EcomcoreError, ValueError):
    """A lifecycle move is not allowed: from this state, or by a guard on the move.

    The message names the lifecycle, the current state, the refused target and the states that
    are allowed from here (and the guard's reason, when a guard refused).

    Examples:
        >>> print(TransitionError("payment", "captured", "authorized", ["refunded"]))
        payment cannot move from captured to authorized; allowed from captured: refunded
    """

    code = "transition_refused"

    def __init__(
        self,
        lifecycle: str,
        current: str,
        target: str,
        allowed: list[str],
        reason: str | None = None,
    ) -> None:
        where = ", ".join(allowed) if allowed else "nothing (it is final)"
        because = f" ({reason})" if reason else ""
        super().__init__(
            f"{lifecycle} cannot move from {current} to {target}{because}; "
            f"allowed from {current}: {where}",
            lifecycle=lifecycle,
            current=current,
            target=target,
            allowed=allowed,
            reason=reason,
        )
        self.lifecycle = lifecycle
        self.current = current
        self.target = target
        self.allowed = allowed
        self.reason = reason


def _frozen_moves(moves: Mapping[S, Set[S]]) -> Mapping[S, frozenset[S]]:
    return {state: frozenset(targets) for state, targets in moves.items()}


@attrs.frozen
class Lifecycle(Generic[S, T]):
    """A transition table over the states of an enum, with optional guards on moves.

    ``moves`` maps each state to the states it may move to; a state missing from it (or with
    no targets) is final. ``guards`` maps a ``(from, to)`` pair to a function of the subject
    that returns None to allow the move or a reason to refuse it. `move` is the only check a
    use case makes; it raises `TransitionError` naming what is allowed instead.

    Examples:
        >>> class Door(enum.Enum):
        ...     OPEN = "open"
        ...     CLOSED = "closed"
        ...     LOCKED = "locked"
        >>> door = Lifecycle[Door, bool](
        ...     "door",
        ...     {Door.OPEN: {Door.CLOSED}, Door.CLOSED: {Door.OPEN, Door.LOCKED},
        ...      Door.LOCKED: {Door.CLOSED}},
        ...     guards={(Door.CLOSED, Door.LOCKED): lambda has_key: None if has_key else "no key"},
        ... )
        >>> door.move(Door.OPEN, Door.CLOSED, True)
        <Door.CLOSED: 'closed'>
        >>> door.move(Door.CLOSED, Door.LOCKED, False)
        Traceback (most recent call last):
        ...
        ecomcore.core._lifecycle.TransitionError: door cannot move ... locked (no key); ...
        >>> sorted(state.value for state in door.allowed(Door.CLOSED))
        ['locked', 'open']
    """

    name: str
    moves: Mapping[S, frozenset[S]] = attrs.field(converter=_frozen_moves)
    guards: Mapping[tuple[S, S], Callable[[T], str | None]] = attrs.field(
        factory=dict, kw_only=True
    )

    def allowed(self, current: S) -> frozenset[S]:
        """Return the states ``current`` may move to (guards aside)."""
        return self.moves.get(current, frozenset())

    def is_final(self, state: S) -> bool:
        """Whether no move leaves ``state``."""
        return not self.allowed(state)

    def move(self, current: S, target: S, subject: T) -> S:
        """Return ``target`` if the move from ``current`` is allowed for ``subject``, else raise.

        Raises `TransitionError` when the table has no such move or its guard refuses it.
        """
        allowed = self.allowed(current)
        reason = None
        if target in allowed:
            guard = self.guards.get((current, target))
            reason = guard(subject) if guard is not None else None
            if reason is None:
                return target
        raise TransitionError(
            self.name,
            str(current.value),
            str(target.value),
            sorted(str(state.value) for state in allowed),
            reason,
        )
