"""Security schemes: which credentials the client takes, and which an operation accepts."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..config import AuthOption
from ..errors import ConfigError
from ..model import Names, SecurityScheme
from ..refs import Position
from .common import HTTP_TOKEN, BuilderBase, text_of


class SecurityMixin(BuilderBase):
    """Security schemes and requirements."""

    def _security_schemes(self, names: Names) -> tuple[SecurityScheme, ...]:
        at = self.root.child("components", "securitySchemes")
        schemes = self._declared_schemes()
        by_scheme: dict[str, AuthOption] = {}
        passwords: dict[str, AuthOption] = {}
        for opt in self.config.auth:
            if opt.security_scheme not in schemes:
                raise ConfigError(
                    f"client option {opt.option!r} names security scheme {opt.security_scheme!r}, "
                    "which neither the document nor the config's security_schemes define",
                    file=self.config.file or "",
                )
            if opt.role == "password" and opt.security_scheme not in passwords:
                # HTTP basic in two options: this one is the password.
                passwords[opt.security_scheme] = opt
                continue
            if opt.security_scheme in by_scheme:
                self._warn(
                    self.root,
                    f"client options {by_scheme[opt.security_scheme].option!r} and "
                    f"{opt.option!r} both carry security scheme {opt.security_scheme!r}; "
                    f"the client takes {by_scheme[opt.security_scheme].option!r} only",
                )
                continue
            by_scheme[opt.security_scheme] = opt
        # Options are attributes of the client and keyword arguments of its
        # constructor, and become global CLI flags beside the CLI's own.
        namer = naming.Namer(
            naming.CLIENT_RESERVED
            | {"self"}
            | {naming.snake(f) for f in naming.CLI_GLOBAL_FLAGS if f != "api-key"}
        )
        out: list[SecurityScheme] = []
        for name, raw in schemes.items():
            here = at.child(name)
            if isinstance(raw, dict) and "$ref" in raw:
                here, raw = self.resolver.follow(raw, here)
            if not isinstance(raw, dict):
                self._warn(here, "security scheme is not a mapping; skipped")
                continue
            kind = raw.get("type")
            scheme_kind: Any
            token_url = None
            if kind == "apiKey":
                scheme_kind = "api_key"
            elif kind == "http" and str(raw.get("scheme", "")).lower() == "bearer":
                scheme_kind = "http_bearer"
            elif kind == "http" and str(raw.get("scheme", "")).lower() == "basic":
                scheme_kind = "http_basic"
            elif (
                kind == "oauth2"
                and isinstance(raw.get("flows"), dict)
                and isinstance(raw["flows"].get("clientCredentials"), dict)
            ):
                scheme_kind = "oauth2_client_credentials"
                token_url = raw["flows"]["clientCredentials"].get("tokenUrl")
            elif kind in ("oauth2", "openIdConnect"):
                # Flows that need a user at a browser: the client takes the
                # access token they yield and sends it as a bearer token.
                scheme_kind = "http_bearer"
            else:
                what = f"http scheme {raw.get('scheme')!r}" if kind == "http" else f"type {kind!r}"
                self._warn(
                    here,
                    f"security scheme {what} is not supported; "
                    "send credentials with default_headers instead",
                )
                continue
            location: Any = "header"
            if scheme_kind == "api_key":
                location = raw.get("in")
                param_name = raw.get("name")
                if location not in ("header", "query", "cookie"):
                    self._warn(
                        here.child("in"),
                        f"apiKey 'in' must be header, query or cookie, not {location!r}; "
                        "sent as a header",
                    )
                    location = "header"
                if not isinstance(param_name, str) or not param_name:
                    self._warn(here, "apiKey scheme without a 'name'; skipped")
                    continue
                if location != "query" and not HTTP_TOKEN.match(param_name):
                    self._warn(
                        here.child("name"),
                        f"apiKey {location} name {param_name!r} is not a valid HTTP token; skipped",
                    )
                    continue
            chosen = by_scheme.get(name)
            if chosen is not None:
                option = namer.claim(chosen.option)
            elif scheme_kind == "http_basic":
                option = namer.claim("username")
            elif scheme_kind == "oauth2_client_credentials":
                option = namer.claim("client_id")
            elif kind in ("oauth2", "openIdConnect"):
                option = namer.claim("access_token")
            elif not any(s.option == "api_key" for s in out):
                option = namer.claim("api_key")
            else:
                option = namer.claim(naming.py_identifier(name, prefix="credential"))
            env = (
                chosen.env_var
                if chosen and chosen.env_var
                else f"{names.env_prefix}_{option.upper()}"
            )
            password = passwords.get(name)
            password_option = password_env = None
            if password is not None:
                if scheme_kind != "http_basic":
                    self._warn(
                        self.root,
                        f"client option {password.option!r} has role password, but scheme "
                        f"{name!r} is not HTTP basic; ignored",
                    )
                else:
                    password_option = namer.claim(password.option)
                    password_env = (
                        password.env_var or f"{names.env_prefix}_{password_option.upper()}"
                    )
            out.append(
                SecurityScheme(
                    name=name,
                    kind=scheme_kind,
                    location=location,
                    param_name=str(raw.get("name", "")) if scheme_kind == "api_key" else "",
                    option=option,
                    env_var=env,
                    cli_flag=naming.kebab(option),
                    token_url=token_url if isinstance(token_url, str) else None,
                    description=(chosen.description if chosen else None)
                    or text_of(raw.get("description")),
                    optional=bool(chosen and chosen.nullable),
                    password_option=password_option,
                    password_env_var=password_env,
                )
            )
        return tuple(out)

    def _declared_schemes(self) -> dict[str, Any]:
        """The security schemes in force: the config's ``security_schemes`` when it
        has them (they take precedence over the document's, as in Stainless), else
        the document's ``components.securitySchemes``."""
        if self.config.security_schemes is not None:
            return dict(self.config.security_schemes)
        components = self._mapping(self.data.get("components"), self.root.child("components"))
        at = self.root.child("components", "securitySchemes")
        return dict(self._mapping(components.get("securitySchemes"), at))

    def _security_names(self, requirements: Any, at: Position) -> tuple[str, ...] | None:
        """The schemes a ``security`` requirement list accepts, in order; ``None`` when absent."""
        if requirements is None:
            return None
        if not isinstance(requirements, list):
            self._warn(at, "security must be a list of requirements; ignored")
            return None
        known = {s.name for s in self.security}
        declared = self._declared_schemes()
        names: list[str] = []
        for i, req in enumerate(requirements):
            if not isinstance(req, dict):
                self._warn(at.child(i), "a security requirement must be a mapping; ignored")
                continue
            for name in req:
                if name in known:
                    if name not in names:
                        names.append(name)
                elif not (isinstance(declared, dict) and name in declared):
                    # (a declared but unsupported scheme was warned about already)
                    self._warn(at.child(i, name), f"security scheme {name!r} is not defined")
        return tuple(names)
