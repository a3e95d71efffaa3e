"""fill(): the one way a value enters a translated sentence, always in Unicode isolates."""

from __future__ import annotations

from kiosk.i18n import FSI, PDI, fill


def test_every_value_is_isolated() -> None:
    assert fill("Page %1 of %2", 3, 12) == f"Page {FSI}3{PDI} of {FSI}12{PDI}"


def test_placeholders_follow_their_number_not_their_order() -> None:
    # A translation may put the values in another order than the English sentence.
    assert fill("%2 / %1", "a", "b") == f"{FSI}b{PDI} / {FSI}a{PDI}"


def test_a_value_is_never_filled_again() -> None:
    assert fill("%1 and %2", "50%2", "x") == f"{FSI}50%2{PDI} and {FSI}x{PDI}"


def test_a_placeholder_without_value_and_a_lone_percent_stay() -> None:
    assert fill("%1 % of %2", "14") == f"{FSI}14{PDI} % of %2"
