"""Which URLs the crawler may fetch: only the profile's hosts, by name, over HTTP(S), on public addresses.

A crawler follows links written by others. A link, redirect or attachment that points to
another host, an IP literal, a private or loopback address, or a non-HTTP scheme (file:,
javascript:) is refused, so a page cannot steer kehoach into the network it runs in.
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
        self.allowed_hosts = frozenset(h.lower().rstrip(".") for h in allowed_hosts)
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
        if _is_ip_literal(host):
            raise Refused(url, "IP literal host")
        if host not in self.allowed_hosts:
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
            problem = None
            if not addresses:
                problem = f"host {host!r} does not resolve"
            elif private and not self.private_network:
                problem = f"host {host!r} resolves to non-public address {private[0]}"
        except OSError as err:
            problem = f"host {host!r} does not resolve: {err}"
        with self._lock:
            self._checked[host] = problem
        return problem
