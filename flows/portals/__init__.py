"""Portal profiles shipped with kehoach, one TOML file per portal, and the local fixture portal."""

from __future__ import annotations

from pathlib import Path

from flows.portals.profile import Detail, Limits, Listing, Pick, Profile, read_profile

PROFILES_DIR = Path(__file__).parent
FIXTURE_SITE = PROFILES_DIR / "fixtures" / "provincial"


def profile_names() -> list[str]:
    """Names of the shipped profiles, sorted."""
    return sorted(p.stem for p in PROFILES_DIR.glob("*.toml"))


def load_profile(name_or_path: str) -> Profile:
    """A shipped profile by name, or any profile file by path."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = PROFILES_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        raise FileNotFoundError(f"no profile {name_or_path!r}; known: {', '.join(profile_names())}")
    return read_profile(path)


__all__ = ["FIXTURE_SITE", "Detail", "Limits", "Listing", "Pick", "Profile", "load_profile", "profile_names"]
