"""What the config keys do to the generated SDK, run: query_settings, retries,
timeouts, the idempotency header, header options and config-declared credentials.

The SDK of the realistic fixture (tests/fixtures/config) is rendered once into a
temporary folder and driven in a fresh interpreter through httpx's MockTransport.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import Diagnostics
from generator.pipeline import Inputs, load_api, render_api

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/config"


@pytest.fixture(scope="module")
def sdk_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    api = load_api(Inputs(FIXTURE / "openapi.yaml", FIXTURE / "stainless.yml"), Diagnostics())
    out = tmp_path_factory.mktemp("fleet")
    for rel, text in render_api(api, formatted=False, jobs=1).items():
        if rel.startswith("sdk/"):
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    return out / "sdk" / "src"


def run(sdk_src: Path, code: str, **env: str) -> object:
    prelude = (
        "import json, httpx, orbit_fleet\n"
        "seen = []\n"
        "def handler(request):\n"
        "    seen.append(request)\n"
        "    return httpx.Response(200, json={'data': [], 'next_cursor': None})\n"
        "def client(**kw):\n"
        "    return orbit_fleet.OrbitFleet(http_client=httpx.Client("
        "transport=httpx.MockTransport(handler)), **kw)\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ORBIT_")}
    result = subprocess.run(
        [sys.executable, "-c", prelude + code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, "PYTHONPATH": str(sdk_src), **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_query_arrays_and_objects_follow_query_settings(sdk_src: Path):
    # The fixture says array_format: brackets, nested_format: dots.
    query = run(
        sdk_src,
        "client(fleet_token='t').ships.list(tags=['a', 'b'], filter={'class': 'x', 'crew': {'min': 2}})\n"
        "print(json.dumps(seen[0].url.params.multi_items()))\n",
    )
    assert query == [
        ["tags[]", "a"],
        ["tags[]", "b"],
        ["filter.class", "x"],
        ["filter.crew.min", "2"],
    ]


@pytest.mark.parametrize(
    ("array_format", "nested_format", "expected"),
    [
        ("comma", "brackets", [["a", "1,2"], ["o[k]", "v"], ["o[l]", "x,y"]]),
        (
            "repeat",
            "brackets",
            [["a", "1"], ["a", "2"], ["o[k]", "v"], ["o[l]", "x"], ["o[l]", "y"]],
        ),
        (
            "brackets",
            "dots",
            [["a[]", "1"], ["a[]", "2"], ["o.k", "v"], ["o.l[]", "x"], ["o.l[]", "y"]],
        ),
        (
            "indices",
            "brackets",
            [["a[0]", "1"], ["a[1]", "2"], ["o[k]", "v"], ["o[l][0]", "x"], ["o[l][1]", "y"]],
        ),
    ],
)
def test_every_query_format(sdk_src: Path, array_format: str, nested_format: str, expected: list):
    pairs = run(
        sdk_src,
        "import orbit_fleet._base_client as b\n"
        f"b.QUERY_ARRAY_FORMAT = {array_format!r}\n"
        f"b.QUERY_NESTED_FORMAT = {nested_format!r}\n"
        "print(json.dumps(b.encode_query({'a': [1, 2], 'o': {'k': 'v', 'l': ['x', 'y']}, 'n': None})))\n",
    )
    assert pairs == expected


def test_a_parameter_with_its_own_style_keeps_it(sdk_src: Path):
    pairs = run(
        sdk_src,
        "import orbit_fleet._base_client as b\n"
        "print(json.dumps(b.encode_query({'a': [1, 2]}, {'a': ('pipeDelimited', False)})))\n",
    )
    assert pairs == [["a", "1|2"]]


def test_retries_timeout_and_idempotency_header_come_from_the_config(sdk_src: Path):
    values = run(
        sdk_src,
        "import orbit_fleet._base_client as b\n"
        "c = client(fleet_token='t')\n"
        "print(json.dumps([c.max_retries, c.timeout.read, b.INITIAL_RETRY_DELAY,"
        " b.MAX_RETRY_DELAY, b.IDEMPOTENCY_HEADER]))\n",
    )
    assert values == [4, 90.0, 0.25, 4.0, "Idempotency-Key"]


def test_header_option_is_sent_read_from_its_env_and_copied(sdk_src: Path):
    headers = run(
        sdk_src,
        "c = client()\n"
        "c.ships.retrieve('s1')\n"
        "c.with_options(region='us').ships.retrieve('s1')\n"
        "print(json.dumps([dict(r.headers) for r in seen]))\n",
        ORBIT_REGION="eu",
        ORBIT_FLEET_TOKEN="secret",
    )
    assert isinstance(headers, list)
    first, copied = headers
    assert first["x-orbit-region"] == "eu" and copied["x-orbit-region"] == "us"
    # The credential the config declared (the document has no security scheme).
    assert first["x-fleet-token"] == "secret"


def test_credential_missing_names_the_configs_variable(sdk_src: Path):
    message = run(
        sdk_src,
        "try:\n    client()\nexcept Exception as exc:\n    print(json.dumps(str(exc)))\n",
    )
    assert isinstance(message, str) and "ORBIT_FLEET_TOKEN" in message


def test_shared_models_are_exported_from_types_and_types_shared(sdk_src: Path):
    same = run(
        sdk_src,
        "from orbit_fleet.types import Coordinates, Ship, shared\n"
        "print(json.dumps([Coordinates is shared.Coordinates, Coordinates.__module__,"
        " Ship.model_fields['position'].annotation is not None]))\n",
    )
    assert same == [True, "orbit_fleet.types.shared.coordinates", True]


BASIC_SPEC = """openapi: 3.1.0
info: {title: Courts, version: '1'}
servers: [{url: https://courts.example}]
components:
  securitySchemes:
    basicAuth: {type: http, scheme: basic}
security:
  - basicAuth: []
paths:
  /courts:
    get:
      operationId: listCourts
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
"""


def test_http_basic_in_a_username_and_a_password_option(tmp_path: Path):
    (tmp_path / "openapi.yaml").write_text(BASIC_SPEC)
    (tmp_path / "stainless.yml").write_text(
        "client_settings:\n  opts:\n"
        "    username: {read_env: COURTS_USER, auth: {security_scheme: basicAuth, role: username}}\n"
        "    password: {read_env: COURTS_PASSWORD, auth: {security_scheme: basicAuth, role: password}}\n"
    )
    diagnostics = Diagnostics()
    api = load_api(Inputs(tmp_path / "openapi.yaml", tmp_path / "stainless.yml"), diagnostics)
    assert diagnostics.items == []
    (scheme,) = api.security_schemes
    assert (scheme.option, scheme.password_option, scheme.password_env_var) == (
        "username",
        "password",
        "COURTS_PASSWORD",
    )
    for rel, text in render_api(api, formatted=False, jobs=1).items():
        if rel.startswith("sdk/"):
            (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / rel).write_text(text)
    code = (
        "import json, httpx, courts_api\n"
        "seen = []\n"
        "def handler(request):\n"
        "    seen.append(request)\n"
        "    return httpx.Response(200, json={})\n"
        "c = courts_api.Courts(http_client=httpx.Client(transport=httpx.MockTransport(handler)))\n"
        "c.courts.list()\n"
        "c.with_options(password='other').courts.list()\n"
        "print(json.dumps([r.headers['authorization'] for r in seen] + [repr(c)]))\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("COURTS_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **clean,
            "PYTHONPATH": str(tmp_path / "sdk/src"),
            "COURTS_USER": "ann",
            "COURTS_PASSWORD": "s3cret",
        },
    )
    assert result.returncode == 0, result.stderr
    first, copied, shown = json.loads(result.stdout)
    import base64

    assert first == "Basic " + base64.b64encode(b"ann:s3cret").decode()
    assert copied == "Basic " + base64.b64encode(b"ann:other").decode()
    assert "s3cret" not in shown


URL_PAGES_SPEC = """openapi: 3.1.0
info: {title: Courts, version: '1'}
servers: [{url: https://courts.example}]
paths:
  /courts/:
    get:
      operationId: listCourts
      parameters:
        - {name: q, in: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  results: {type: array, items: {type: object, properties: {id: {type: integer}}}}
                  next: {type: [string, 'null']}
"""


def test_cursor_url_pagination_follows_the_next_url_query(tmp_path: Path):
    (tmp_path / "openapi.yaml").write_text(URL_PAGES_SPEC)
    (tmp_path / "stainless.yml").write_text(
        "pagination:\n  - name: cursor_url_page\n    type: cursor_url\n    request: {}\n"
        "    response:\n      results: {x-stainless-pagination-property: {purpose: items}}\n"
        "      next: {x-stainless-pagination-property: {purpose: cursor_url_field}}\n"
        "resources:\n  courts:\n    methods:\n"
        "      list: {endpoint: get /courts/, paginated: cursor_url_page}\n"
    )
    diagnostics = Diagnostics()
    api = load_api(Inputs(tmp_path / "openapi.yaml", tmp_path / "stainless.yml"), diagnostics)
    assert diagnostics.items == []
    pagination = api.resources[0].operations[0].pagination
    assert pagination is not None and pagination.next_url_field == "next"
    for rel, text in render_api(api, formatted=False, jobs=1).items():
        if rel.startswith("sdk/"):
            (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / rel).write_text(text)
    code = (
        "import json, httpx, courts_api\n"
        "pages = {\n"
        "    None: {'results': [{'id': 1}], 'next': 'https://elsewhere.example/courts/?cursor=c2&q=x'},\n"
        "    'c2': {'results': [{'id': 2}], 'next': None},\n"
        "}\n"
        "seen = []\n"
        "def handler(request):\n"
        "    seen.append(str(request.url))\n"
        "    return httpx.Response(200, json=pages[request.url.params.get('cursor')])\n"
        "c = courts_api.Courts(http_client=httpx.Client(transport=httpx.MockTransport(handler)))\n"
        "ids = [court.id for court in c.courts.list(q='x')]\n"
        "print(json.dumps([ids, seen]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "sdk/src")},
    )
    assert result.returncode == 0, result.stderr
    ids, seen = json.loads(result.stdout)
    assert ids == [1, 2]
    # The next page is asked for at the API's own host, with the next URL's query.
    assert seen == [
        "https://courts.example/courts/?q=x",
        "https://courts.example/courts/?q=x&cursor=c2",
    ]


def test_readme_headline_is_the_configs_example_request(tmp_path: Path):
    from generator.targets import sdk

    (tmp_path / "openapi.yaml").write_text((FIXTURE / "openapi.yaml").read_text())
    config = (FIXTURE / "stainless.yml").read_text()
    config = config.replace(
        "    headline:\n      type: request\n      endpoint: get /v1/ships\n      params: *ref_0\n",
        "    headline:\n      type: request\n      endpoint: post /v1/ships/{ship_id}/dock\n"
        "      params: {ship_id: ship_42}\n",
    )
    (tmp_path / "stainless.yml").write_text(config)
    api = load_api(Inputs(tmp_path / "openapi.yaml", tmp_path / "stainless.yml"), Diagnostics())
    readme = sdk.render_sdk(api)["README.md"]
    assert 'client.ships.dock_ship("ship_42")' in readme
