"""Who may import: sign-in configuration and roles read from the app's secrets (no Streamlit calls here).

Secrets (``.streamlit/secrets.toml``)::

    [auth]                      # Streamlit's OIDC sign-in (st.login); without it nobody signs in
    redirect_uri = "https://.../oauth2callback"
    cookie_secret = "..."
    client_id = "..."
    client_secret = "..."
    server_metadata_url = "https://.../.well-known/openid-configuration"

    [ascc.roles]                # e-mail address -> role
    "officer@molisa.gov.vn" = "data_manager"

Without ``[auth]`` the Data page offers no import at all (imports go through the command line, where
the operating system decides who may write the dataset folder).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DATA_MANAGER = "data_manager"
# Roles allowed to import and roll back batches.
IMPORT_ROLES = frozenset({DATA_MANAGER, "admin"})


@dataclass(frozen=True)
class Access:
    """What the current visitor may do on the Data page."""

    configured: bool  # sign-in is configured ([auth] in the secrets)
    logged_in: bool
    email: str | None
    role: str | None

    @property
    def can_import(self) -> bool:
        return self.configured and self.logged_in and self.role in IMPORT_ROLES


def auth_configured(secrets: Mapping) -> bool:
    """Whether the secrets configure Streamlit's OIDC sign-in."""
    section = secrets.get("auth")
    return isinstance(section, Mapping) and bool(section)


def roles(secrets: Mapping) -> dict[str, str]:
    """E-mail address (lower case) -> role, from ``[ascc.roles]``."""
    section = secrets.get("ascc")
    mapping = section.get("roles") if isinstance(section, Mapping) else None
    if not isinstance(mapping, Mapping):
        return {}
    return {str(email).strip().lower(): str(role).strip() for email, role in mapping.items()}


def access(user: Mapping, secrets: Mapping) -> Access:
    """The visitor's access from ``st.user`` (as a dict) and the secrets (as a dict).

    A user counts as signed in only when sign-in is configured and the identity provider said so;
    the role is looked up by e-mail address, case-insensitively. An address the provider says is not
    verified (``email_verified`` false) gets no role: where users may type their own address, it proves
    nothing. Providers that do not send the claim (many company directories) are trusted as configured.
    """
    configured = auth_configured(secrets)
    logged_in = configured and bool(user.get("is_logged_in"))
    email = (str(user.get("email") or "").strip().lower() or None) if logged_in else None
    verified = user.get("email_verified", True) not in (False, "false", "False", 0)
    role = roles(secrets).get(email) if email and verified else None
    return Access(configured, logged_in, email, role)
