"""The migration check: reading an SDK's surface statically and comparing two of them."""

from __future__ import annotations

import json
import sys
import tarfile
import textwrap
import zipfile
from pathlib import Path

import pytest

from generator import cli
from generator.errors import GeneratorError
from generator.surface import compare
from generator.surface_read import (
    Param,
    files_from_archive,
    files_from_distribution,
    files_from_folder,
    published_files,
    read_surface,
)

ROOT = Path(__file__).resolve().parent.parent

# A small SDK in the layout the hosted generator publishes today: lazy
# resources on the client, ``@overload``s for streaming, a nested resource,
# a types package with a subpackage.
NEW_STYLE = {
    "acme/__init__.py": "from ._client import Acme, AsyncAcme\n",
    "acme/_client.py": """
        from __future__ import annotations
        from typing import TYPE_CHECKING
        from ._base_client import SyncAPIClient, AsyncAPIClient
        from ._compat import cached_property
        if TYPE_CHECKING:
            from .resources.agents.agents import AgentsResource, AsyncAgentsResource

        class Acme(SyncAPIClient):
            def __init__(self, *, api_key: str | None = None, environment: str = "production",
                         base_url: str | None = None, timeout: float | None = None,
                         _strict_response_validation: bool = False) -> None: ...

            @cached_property
            def agents(self) -> AgentsResource:
                from .resources.agents import AgentsResource
                return AgentsResource(self)

            @cached_property
            def with_raw_response(self) -> AcmeWithRawResponse: ...

            # A method on the client itself (a config's $client resource) is
            # surface; copy() belongs to every client and is not.
            def health(self, *, verbose: bool | Omit = omit) -> HealthResponse: ...

            def copy(self, *, api_key: str | None = None) -> Acme: ...

        class AsyncAcme(AsyncAPIClient):
            def __init__(self, *, api_key: str | None = None, environment: str = "production",
                         base_url: str | None = None, timeout: float | None = None) -> None: ...

            @cached_property
            def agents(self) -> AsyncAgentsResource:
                from .resources.agents import AsyncAgentsResource
                return AsyncAgentsResource(self)

        class AcmeWithRawResponse:
            pass
    """,
    "acme/resources/__init__.py": "from .agents import AgentsResource, AsyncAgentsResource\n",
    "acme/resources/agents/__init__.py": (
        "from .agents import AgentsResource, AsyncAgentsResource\n"
        "from .messages import MessagesResource\n"
    ),
    "acme/resources/agents/agents.py": """
        from __future__ import annotations
        from typing import Optional, overload
        from typing_extensions import Literal
        from ..._compat import cached_property
        from ..._resource import SyncAPIResource, AsyncAPIResource
        from ..._streaming import Stream
        from ...types import agent_state
        from ...types.agent_state import AgentState
        from .messages import MessagesResource

        class AgentsResource(SyncAPIResource):
            @cached_property
            def messages(self) -> MessagesResource:
                return MessagesResource(self._client)

            @cached_property
            def with_raw_response(self) -> AgentsResourceWithRawResponse: ...

            def retrieve(self, agent_id: str, *, extra_headers=None, extra_query=None,
                         extra_body=None, timeout=None) -> AgentState: ...

            def list(self, *, limit: int | Omit = omit, before: str | Omit = omit) -> SyncArrayPage[agent_state.AgentState]: ...

            def delete(self, agent_id: str) -> "Optional[agent_state.AgentState]": ...

            @overload
            def run(self, agent_id: str, *, input: str, stream: Literal[False] | Omit = omit) -> AgentState: ...
            @overload
            def run(self, agent_id: str, *, input: str, stream: Literal[True]) -> Stream[AgentState]: ...
            def run(self, agent_id, *, input, stream=omit):
                ...

            def _private(self) -> None: ...

        class AsyncAgentsResource(AsyncAPIResource):
            async def retrieve(self, agent_id: str) -> AgentState: ...

        class AgentsResourceWithRawResponse:
            pass
    """,
    "acme/resources/agents/messages.py": """
        from typing import List
        from ..._resource import SyncAPIResource
        from ...types.agents.message import Message

        class MessagesResource(SyncAPIResource):
            def create(self, message_id: str, *, agent_id: str, text: str, tags: List[str] | Omit = omit) -> List[Message]: ...
    """,
    "acme/types/__init__.py": (
        "from __future__ import annotations\n"
        "from .agent_state import AgentState as AgentState\n"
        "from .agent_list_params import AgentListParams as AgentListParams\n"
    ),
    "acme/types/agent_state.py": "class AgentState(BaseModel):\n    id: str\n",
    "acme/types/agent_list_params.py": "class AgentListParams(TypedDict, total=False):\n    limit: int\n",
    "acme/types/agents/__init__.py": "from .message import Message as Message\n",
    "acme/types/agents/message.py": "class Message(BaseModel):\n    text: str\n",
}


def _files(spec: dict[str, str], prefix: str = "src/") -> dict[str, str]:
    return {prefix + path: textwrap.dedent(text) for path, text in spec.items()}


def _write(root: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    return root


def _edited(**changes: str) -> dict[str, str]:
    """NEW_STYLE with some files' text replaced."""
    return _files({**NEW_STYLE, **changes})


# --- reading -------------------------------------------------------------------------


def test_reads_clients_methods_and_types_of_a_new_style_sdk() -> None:
    surface = read_surface(_files(NEW_STYLE))
    assert surface.package == "acme"
    assert [(c.name, c.is_async) for c in surface.clients] == [
        ("Acme", False),
        ("AsyncAcme", True),
    ]
    # Private constructor arguments are not part of the surface; timeout is.
    assert [p.name for p in surface.clients[0].keywords] == [
        "api_key",
        "base_url",
        "environment",
        "timeout",
    ]
    paths = [m.path for m in surface.methods]
    assert paths == [
        "agents.delete",
        "agents.list",
        "agents.messages.create",
        "agents.retrieve",
        "agents.run",
        "health",
    ]
    assert surface.types == ("types.AgentListParams", "types.AgentState", "types.agents.Message")


def test_call_shapes_keep_order_of_positionals_and_required_flags() -> None:
    surface = read_surface(_files(NEW_STYLE))
    create = surface.method("agents.messages.create")
    assert create is not None
    (sig,) = create.signatures
    assert sig.positional == (Param("message_id", True),)
    assert sig.keyword == (Param("agent_id", True), Param("tags", False), Param("text", True))
    assert create.returns == "list[Message]"
    retrieve = surface.method("agents.retrieve")
    assert retrieve is not None
    # The per-request options every method has are not part of its shape.
    assert retrieve.render_shape() == "(agent_id)"


def test_return_type_names_drop_module_qualifiers_and_spell_optional_as_union() -> None:
    surface = read_surface(_files(NEW_STYLE))
    assert surface.method("agents.list").returns == "SyncArrayPage[AgentState]"  # type: ignore[union-attr]
    assert surface.method("agents.delete").returns == "AgentState | None"  # type: ignore[union-attr]


def test_overloads_are_the_shape_and_their_return_types_are_joined() -> None:
    run = read_surface(_files(NEW_STYLE)).method("agents.run")
    assert run is not None
    assert len(run.signatures) == 2  # the implementation after the overloads is not counted
    assert run.returns == "AgentState | Stream[AgentState]"
    assert {p.name: p.required for p in run.signatures[0].keyword} in (
        {"input": True, "stream": False},
        {"input": True, "stream": True},
    )


def test_reads_an_older_layout_with_resources_assigned_in_init() -> None:
    old = {
        "old_sdk/__init__.py": "",
        "old_sdk/_client.py": """
            from . import resources
            from ._base_client import SyncAPIClient

            class Old(SyncAPIClient):
                pets: resources.Pets

                def __init__(self, *, api_key=None):
                    self.pets = resources.Pets(self)
                    self.stores = resources.stores.Stores(self)
        """,
        "old_sdk/resources/__init__.py": "from .pets import Pets\nfrom . import stores\n",
        "old_sdk/resources/pets.py": """
            from .._resource import SyncAPIResource
            class Pets(SyncAPIResource):
                def retrieve(self, pet_id: str) -> Pet: ...
        """,
        "old_sdk/resources/stores.py": """
            from .._resource import SyncAPIResource
            class Stores(SyncAPIResource):
                def list(self) -> List[Store]: ...
        """,
    }
    surface = read_surface(_files(old, prefix=""))
    assert [m.path for m in surface.methods] == ["pets.retrieve", "stores.list"]
    assert surface.method("stores.list").returns == "list[Store]"  # type: ignore[union-attr]


def test_no_sdk_package_is_a_clear_error() -> None:
    with pytest.raises(GeneratorError, match="no SDK package found"):
        read_surface({"lib/__init__.py": "", "lib/util.py": "x = 1\n"})


# --- where the files come from -------------------------------------------------------


def test_folder_wheel_and_sdist_give_the_same_surface(tmp_path: Path) -> None:
    files = _files(NEW_STYLE, prefix="")
    folder = _write(tmp_path / "folder", files)
    wheel = tmp_path / "acme-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for path, text in files.items():
            zf.writestr(path, text)
    sdist = tmp_path / "acme-1.0.tar.gz"
    with tarfile.open(sdist, "w:gz") as tf:
        tf.add(folder, arcname="acme-1.0/src")
    surfaces = [
        read_surface(files_from_folder(folder)),
        read_surface(files_from_archive(wheel)),
        read_surface(files_from_archive(sdist)),
    ]
    assert surfaces[0] == surfaces[1] == surfaces[2]
    assert len(surfaces[0].methods) == 6


def test_an_installed_distribution_is_read_from_disk_never_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    files = _files(NEW_STYLE, prefix="")
    # Importing this package would fail: reading it must not.
    files["acme/__init__.py"] = "raise RuntimeError('imported')\n"
    _write(site, files)
    info = site / "acme_sdk-2.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-sdk\nVersion: 2.1.0\n")
    (info / "RECORD").write_text("".join(f"{path},,\n" for path in files))
    monkeypatch.syspath_prepend(str(site))
    label, read = published_files("acme-sdk")
    assert label == "acme-sdk 2.1.0 (installed)"
    assert "acme" not in sys.modules
    assert len(read_surface(read).methods) == 6
    with pytest.raises(GeneratorError, match="--against: 'no-such-sdk' is not a folder"):
        files_from_distribution("no-such-sdk")


@pytest.mark.parametrize("style", ["pth", "finder"])
def test_an_editable_install_is_read_from_its_source_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, style: str
) -> None:
    source = _write(tmp_path / "checkout" / "src", _files(NEW_STYLE, prefix=""))
    site = tmp_path / "site"
    info = site / "acme_sdk-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-sdk\nVersion: 0.1.0\n")
    if style == "pth":
        # The path form: the source folder is put on sys.path.
        extra = "__editable__.acme_sdk-0.1.0.pth"
        (site / extra).write_text(f"{source}\n")
    else:
        # The strict form: a generated finder module maps the package to its folder.
        extra = "__editable___acme_sdk_0_1_0_finder.py"
        (site / extra).write_text(
            f"MAPPING: dict[str, str] = {{'acme': {str(source / 'acme')!r}}}\n"
        )
    (info / "RECORD").write_text(f"{extra},,\nacme_sdk-0.1.0.dist-info/METADATA,,\n")
    monkeypatch.syspath_prepend(str(site))
    surface = read_surface(files_from_distribution("acme-sdk"))
    assert surface.package == "acme"
    assert len(surface.methods) == 6


# --- comparing -----------------------------------------------------------------------


def test_the_same_sdk_is_fully_compatible() -> None:
    surface = read_surface(_files(NEW_STYLE))
    report = compare(surface, surface)
    assert report.differences == ()
    assert report.compatibility == 100.0


def test_each_kind_of_difference_is_reported_and_counted() -> None:
    published = read_surface(_files(NEW_STYLE))
    agents = NEW_STYLE["acme/resources/agents/agents.py"]
    client = NEW_STYLE["acme/_client.py"]
    generated = read_surface(
        _edited(
            **{
                # the client renamed, one constructor keyword gone
                "acme/_client.py": client.replace("class Acme(", "class AcmeAPI(").replace(
                    'environment: str = "production",', ""
                ),
                # a positional argument made keyword-only, a return type renamed,
                # a method gone, an optional keyword made required
                "acme/resources/agents/agents.py": agents.replace(
                    "def retrieve(self, agent_id: str, *,", "def retrieve(self, *, agent_id: str,"
                )
                .replace(
                    "-> SyncArrayPage[agent_state.AgentState]", "-> SyncArrayPage[AgentState2]"
                )
                .replace(
                    'def delete(self, agent_id: str) -> "Optional[agent_state.AgentState]": ...', ""
                )
                .replace("limit: int | Omit = omit", "limit: int"),
                # a type moved
                "acme/types/__init__.py": "from .agent_state import AgentState as AgentState\n",
            }
        )
    )
    report = compare(published, generated)
    found = {(d.kind, d.name) for d in report.differences}
    assert found == {
        ("client class", "Acme"),
        ("constructor", "Acme(environment=)"),
        ("call shape", "agents.retrieve"),
        ("call shape", "agents.list"),
        ("return type", "agents.list"),
        ("method", "agents.delete"),
        ("type", "types.AgentListParams"),
    }
    shape = next(d for d in report.differences if d.name == "agents.retrieve")
    assert shape.published == "(agent_id)"
    assert shape.generated == "(*, agent_id) [positional (agent_id) became ()]"
    listed = next(
        d for d in report.differences if d.kind == "call shape" and d.name == "agents.list"
    )
    assert listed.generated.endswith("[now limit required]")
    tallies = report.tallies
    assert (tallies["methods present"].same, tallies["methods present"].total) == (5, 6)
    assert (tallies["same call shape"].same, tallies["same call shape"].total) == (3, 6)
    assert (tallies["same return type"].same, tallies["same return type"].total) == (4, 6)
    assert (tallies["constructor keywords"].same, tallies["constructor keywords"].total) == (3, 4)
    assert (tallies["client classes"].same, tallies["client classes"].total) == (1, 2)
    assert (tallies["exported types"].same, tallies["exported types"].total) == (2, 3)
    # identical methods: messages.create, run and health -> 3 of 6
    same = 1 + 3 + 3 + 2
    assert report.compatibility == pytest.approx(100.0 * same / (2 + 4 + 6 + 3))


def test_what_only_the_generated_sdk_has_does_not_lower_the_figures() -> None:
    published = read_surface(_files(NEW_STYLE))
    extra = NEW_STYLE["acme/resources/agents/messages.py"].rstrip(" ") + (
        "            def purge(self) -> None: ...\n"
    )
    generated = read_surface(_edited(**{"acme/resources/agents/messages.py": extra}))
    report = compare(published, generated)
    assert report.compatibility == 100.0
    assert report.only_generated_methods == ("agents.messages.purge",)
    assert "agents.messages.purge" in report.render_text()


def test_a_new_required_constructor_keyword_is_a_difference() -> None:
    published = read_surface(_files(NEW_STYLE))
    client = NEW_STYLE["acme/_client.py"].replace(
        "def __init__(self, *, api_key", "def __init__(self, *, region: str, api_key", 1
    )
    report = compare(published, read_surface(_edited(**{"acme/_client.py": client})))
    assert [(d.kind, d.name, d.generated) for d in report.differences] == [
        ("constructor", "Acme(region=)", "required")
    ]


# --- the command ---------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_command_against_its_own_committed_output_is_fully_compatible(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(
        capsys,
        "surface",
        "--spec",
        str(ROOT / "spec/openapi.yaml"),
        "--config",
        str(ROOT / "spec/generator.yaml"),
        "--against",
        str(ROOT / "generated/sdk"),
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["compatibility"] == 100.0
    assert data["differences"] == []
    assert [m["path"] for m in data["methods"]] == [
        "admin.api_keys.create",
        "admin.api_keys.list",
        "admin.api_keys.revoke",
    ]
    assert all(m["same_shape"] and m["same_return"] for m in data["methods"])


def test_command_fail_under_exits_1_and_prints_the_differences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = _write(tmp_path / "published", {})
    for path in (ROOT / "generated/sdk").rglob("*.py"):
        rel = path.relative_to(ROOT / "generated/sdk")
        target = published / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text()
        if rel.name == "api_keys.py":
            # the published SDK took the key's id positionally in create, say
            text = text.replace(
                "def create(\n        self,\n        *,",
                "def create(\n        self,\n        name: str,\n        *,",
                1,
            )
        target.write_text(text)
    args = [
        "surface",
        "--spec",
        str(ROOT / "spec/openapi.yaml"),
        "--config",
        str(ROOT / "spec/generator.yaml"),
        "--against",
        str(published),
    ]
    code, out, _ = _run(capsys, *args)
    assert code == 0
    assert "call shape    admin.api_keys.create: published (name, *, " in out
    assert "same call shape:       2/3 (66.7%)" in out
    assert "  differences: 1 call shape\n" in out
    code, _, err = _run(capsys, *args, "--fail-under", "99")
    assert code == 1
    assert "below --fail-under 99" in err


def test_command_bad_against_and_bad_fail_under_are_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = ["--spec", str(ROOT / "spec/openapi.yaml")]
    code, _, err = _run(capsys, "surface", *spec, "--against", "no-such-sdk-anywhere")
    assert code == 2
    assert "--against: 'no-such-sdk-anywhere' is not a folder" in err
    code, _, err = _run(capsys, "surface", *spec, "--against", str(tmp_path), "--fail-under", "150")
    assert code == 2
    assert "--fail-under must be a percentage" in err
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    code, _, err = _run(capsys, "surface", *spec, "--against", str(notes))
    assert code == 2
    assert "not a wheel or an sdist" in err


def test_overloads_published_but_one_signature_generated_is_a_shape_difference() -> None:
    published = read_surface(_files(NEW_STYLE))
    agents = NEW_STYLE["acme/resources/agents/agents.py"]
    start = agents.index("            @overload\n            def run(")
    end = agents.index("            def run(self, agent_id, *, input, stream=omit):")
    single = agents[:start] + agents[end:].replace(
        "def run(self, agent_id, *, input, stream=omit):",
        "def run(self, agent_id: str, *, input: str, stream: bool | Omit = omit) -> AgentState:",
    )
    generated = read_surface(_edited(**{"acme/resources/agents/agents.py": single}))
    report = compare(published, generated)
    shape = next(d for d in report.differences if d.kind == "call shape")
    assert shape.name == "agents.run"
    assert shape.generated.endswith("[2 overloads published, 1 generated]")
    returns = next(d for d in report.differences if d.kind == "return type")
    assert (returns.published, returns.generated) == (
        "AgentState | Stream[AgentState]",
        "AgentState",
    )
