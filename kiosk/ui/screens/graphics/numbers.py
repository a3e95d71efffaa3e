"""Numbers for pictures in the visitor's language, always with Western digits.

The content writes Arabic with Western digits (0-9), as is usual in Morocco, so the
pictures do the same: grouping and percent signs follow the language, digits do not.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

_EASTERN = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
_TO_WESTERN = str.maketrans(_EASTERN + "\u066b\u066c\u066a", "01234567890123456789" + ",\u00a0%")


def western_digits(text: str) -> str:
    """``text`` with Arabic-Indic digits and separators replaced by Western ones."""
    return text.translate(_TO_WESTERN)


def format_integer(value: int, locale: QLocale | None = None) -> str:
    """``500000`` -> "500 000" (French, Arabic) or "500,000" (English).

    French and Arabic group with a no-break space, as the content does.
    """
    locale = locale or QLocale()
    text = western_digits(locale.toString(value))
    if locale.language() == QLocale.Language.Arabic:
        text = text.replace(",", "\u00a0").replace(".", "\u00a0")
        # Isolated left to right, or "500 000" would read "000 500" in an Arabic line.
        text = f"\u2066{text}\u2069"
    if locale.language() == QLocale.Language.French:
        text = text.replace("\u202f", "\u00a0")
    return text


def format_percent(value: int, locale: QLocale | None = None) -> str:
    """``14`` -> "14 %" (French), "14%" (English, Arabic)."""
    locale = locale or QLocale()
    number = format_integer(value, locale).strip("\u2066\u2069")
    if locale.language() == QLocale.Language.French:
        return f"{number}\u00a0%"
    if locale.language() == QLocale.Language.Arabic:
        return f"\u2066{number}%\u2069"
    return f"{number}%"
