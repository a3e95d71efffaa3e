"""eSpeak NG through ctypes: load the library and its data, synthesise PCM, read phonemes.

The library comes from the ``espeakng-loader`` wheel (library and data for Linux and
Windows alike); a Linux box without it falls back on Debian's ``libespeak-ng1``. eSpeak
keeps global state and is not thread-safe: every call goes through one lock.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("kiosk.speech")

# speak_lib.h
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_CHARS_UTF8 = 1
_END_PAUSE = 0x1000  # a short pause after the text, as at the end of a sentence
_PHONEMES_IPA = 0x02
_INITIALIZE_DONT_EXIT = 0x8000  # report a missing data folder instead of exit()
_PARAM_RATE = 1
_PARAM_VOLUME = 2
# Milliseconds of sound per callback: small, so the first sound leaves early.
_CHUNK_MS = 40

_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)

# A chunk of 16-bit mono samples; return False to stop the synthesis.
ChunkSink = Callable[[bytes], bool]


class EspeakError(RuntimeError):
    """eSpeak NG cannot be loaded or refused a call."""


def _bundled() -> tuple[str, str] | None:
    """The library and data folder of the espeakng-loader wheel, if installed."""
    try:
        import espeakng_loader
    except ImportError:
        return None
    library = Path(espeakng_loader.get_library_path())
    data = Path(espeakng_loader.__file__).parent / "espeak-ng-data"
    if not library.is_file() or not data.is_dir():
        return None
    return str(library), str(data)


def _system() -> tuple[str, str] | None:
    """Debian's libespeak-ng1 with its compiled-in data folder (espeak-ng-data)."""
    name = ctypes.util.find_library("espeak-ng")
    return (name, "") if name else None


def _allow_runtime_dlls(library_path: str) -> None:
    """Windows: espeak-ng.dll needs the MSVC C++ runtime (msvcp140.dll), which a laptop
    without the VC++ redistributable lacks; PySide6's wheel carries it. Located without
    importing Qt, so ``cri-kiosk speak`` stays Qt-free."""
    if sys.platform != "win32":
        return
    folders = [os.path.dirname(library_path)]
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        folders.extend(spec.submodule_search_locations)
    for folder in folders:
        if os.path.isdir(folder):
            os.add_dll_directory(folder)


class Espeak:
    """One loaded eSpeak NG library: 16-bit mono PCM at ``sample_rate``."""

    def __init__(self) -> None:
        found = _bundled() or _system()
        if found is None:
            raise EspeakError(
                "eSpeak NG is not installed: pip install espeakng-loader "
                "(or on Debian: apt-get install libespeak-ng1)"
            )
        library_path, data = found
        _allow_runtime_dlls(library_path)
        try:
            lib = ctypes.CDLL(library_path)
        except OSError as error:
            raise EspeakError(f"cannot load {library_path}: {error}") from error
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]  # fmt: skip
        lib.espeak_Synth.restype = ctypes.c_int
        lib.espeak_TextToPhonemes.argtypes = [
            ctypes.POINTER(ctypes.c_char_p),
            ctypes.c_int,
            ctypes.c_int,
        ]
        lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        rate = lib.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, _CHUNK_MS, data.encode() or None, _INITIALIZE_DONT_EXIT
        )
        if rate <= 0:
            raise EspeakError(f"eSpeak NG could not start (data folder {data or 'default'!r})")
        self._lib = lib
        self._lock = threading.Lock()
        self._sink: ChunkSink | None = None
        # Kept referenced for as long as the library may call it.
        self._callback = _CALLBACK(self._on_chunk)
        lib.espeak_SetSynthCallback(self._callback)
        self.sample_rate = rate
        self.library_path = library_path
        self.data_path = data
        self._voice = ""
        log.debug("eSpeak NG loaded from %s, %d Hz", library_path, rate)

    def _on_chunk(self, wav: ctypes._Pointer[ctypes.c_short], count: int, _events: int) -> int:
        sink = self._sink
        if sink is None:
            return 1
        if count > 0 and wav and not sink(ctypes.string_at(wav, count * 2)):
            return 1  # eSpeak stops synthesising this text
        return 0

    def _use_voice(self, voice: str) -> None:
        if voice != self._voice:
            if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise EspeakError(f"eSpeak NG has no voice {voice!r}")
            self._voice = voice

    def synthesize(
        self, text: str, voice: str, sink: ChunkSink, rate: int = 0, volume: int = 100
    ) -> None:
        """Speak ``text`` with ``voice`` into ``sink``, chunk by chunk, as it is made.

        ``rate`` in words per minute (0: the voice's own); ``volume`` 0 to 200 (100: the
        voice's own level). Returns when the text is done or the sink said stop.
        """
        data = text.encode("utf-8")
        with self._lock:
            self._use_voice(voice)
            if rate:
                self._lib.espeak_SetParameter(_PARAM_RATE, rate, 0)
            self._lib.espeak_SetParameter(_PARAM_VOLUME, volume, 0)
            self._sink = sink
            try:
                status = self._lib.espeak_Synth(
                    data, len(data) + 1, 0, 0, 0, _CHARS_UTF8 | _END_PAUSE, None, None
                )
            finally:
                self._sink = None
        if status != 0:
            raise EspeakError(f"eSpeak NG could not speak the text (error {status:#x})")

    def phonemes(self, text: str, voice: str) -> str:
        """The IPA that ``voice`` reads ``text`` as, clause by clause, space separated."""
        buffer = ctypes.create_string_buffer(text.encode("utf-8"))
        pointer = ctypes.c_char_p(ctypes.addressof(buffer))
        clauses: list[str] = []
        with self._lock:
            self._use_voice(voice)
            while pointer.value:
                result = self._lib.espeak_TextToPhonemes(
                    ctypes.byref(pointer), _CHARS_UTF8, _PHONEMES_IPA
                )
                if result:
                    clauses.append(result.decode("utf-8", "replace"))
        return " ".join(clauses)


_engine: Espeak | None = None
_engine_lock = threading.Lock()


def engine() -> Espeak:
    """The process's one eSpeak NG (the library has global state), loaded on first use."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = Espeak()
        return _engine
