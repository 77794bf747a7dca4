"""Which URLs the crawler may fetch: only the profile's hosts, by name, over HTTP(S), on public addresses.

A crawler follows links written by others. A link, redirect or attachment that points to
another host, an IP literal, a private or loopback address, or a non-HTTP scheme (file:,
javascript:) is refused, so a page cannot steer kehoach into the network it runs in.

One exception, because a profile's author asked for it by name: a loopback host listed in
``allowed_hosts`` (``localhost``, ``127.0.0.1``, ``::1``: a mirror or a test portal on this
machine) is fetched, as long as it resolves to loopback addresses only. Listing it says what
``private_network`` would say, for this machine and nothing beyond it.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable
from urllib.parse import urlsplit


class Refused(Exception):
    """A URL the guard will not let the crawler fetch; ``reason`` says why, for the log."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{reason}: {url}")
        self.url = url
        self.reason = reason


def resolve(host: str) -> list[str]:
    """Every address ``host`` resolves to."""
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


# Names that the resolver maps to this machine (RFC 6761 reserves "localhost"; Debian's /etc/hosts adds the rest).
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def _is_loopback_host(host: str) -> bool:
    """A host name or literal that can only mean this machine."""
    if host in LOOPBACK_NAMES:
        return True
    return _is_ip_literal(host) and ipaddress.ip_address(host).is_loopback


def _is_loopback(address: str) -> bool:
    return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_global and not ip.is_multicast


class Guard:
    def __init__(
        self,
        allowed_hosts: list[str],
        *,
        private_network: bool = False,
        resolver: Callable[[str], list[str]] = resolve,
    ) -> None:
        self.allowed_hosts = frozenset(h.lower().strip("[]").rstrip(".") for h in allowed_hosts)
        self.private_network = private_network
        self._resolver = resolver
        self._checked: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> str:
        """``url`` when it may be fetched; ``Refused`` otherwise."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise Refused(url, f"scheme {parts.scheme or 'none'!r} not allowed")
        if parts.username is not None or parts.password is not None:
            raise Refused(url, "credentials in URL")
        host = (parts.hostname or "").rstrip(".")
        if not host:
            raise Refused(url, "no host")
        listed = host in self.allowed_hosts
        if _is_ip_literal(host) and not (listed and _is_loopback_host(host)):
            raise Refused(url, "IP literal host")
        if not listed:
            raise Refused(url, f"host {host!r} not in the profile's allowed hosts")
        problem = self._address_problem(host)
        if problem is not None:
            raise Refused(url, problem)
        return url

    def _address_problem(self, host: str) -> str | None:
        """Why ``host``'s addresses may not be reached, or None; looked up once per host."""
        with self._lock:
            if host in self._checked:
                return self._checked[host]
        try:
            addresses = self._resolver(host)
            private = [a for a in addresses if not _is_public(a)]
            loopback_only = _is_loopback_host(host) and all(_is_loopback(a) for a in addresses)
            problem = None
            if not addresses:
                problem = f"host {host!r} does not resolve"
            elif private and not (self.private_network or loopback_only):
                problem = f"host {host!r} resolves to non-public address {private[0]}"
        except OSError as err:
            problem = f"host {host!r} does not resolve: {err}"
        with self._lock:
            self._checked[host] = problem
        return problem
