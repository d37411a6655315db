"""Real SPARQL servers for the store tests: Oxigraph server and Virtuoso on free loopback ports.

Each starts in a temporary folder and is stopped at the end of the test session. A test module
imports the fixture it needs; tests that use one are marked ``@pytest.mark.server`` and skip,
saying why, when the binary is missing (CI installs both with .ci/install-servers.sh).
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest


@dataclass(frozen=True)
class Server:
    """A running server: where its endpoints are and the credentials that may write to it."""

    name: str
    gsp: str
    query: str
    update: str
    user: str | None = None
    password: str | None = None


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, process: subprocess.Popen, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"server did not answer {url} within {seconds}s: {log.read_text(errors='replace')[-2000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def oxigraph_binary() -> str | None:
    """Return the Oxigraph server binary: beside this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.is_file() else shutil.which("oxigraph")


def virtuoso_binary() -> str | None:
    """Return the Virtuoso server binary, if installed."""
    return shutil.which("virtuoso-t") or (
        "/usr/bin/virtuoso-t" if Path("/usr/bin/virtuoso-t").is_file() else None
    )


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """Start ``oxigraph serve`` on a free port with an empty store; stop it afterwards."""
    binary = oxigraph_binary()
    if not binary:
        pytest.skip("Oxigraph server binary missing: run .ci/install-servers.sh .venv (pip install oxigraph)")
    folder = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    root = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{root}/query?query=ASK%7B%7D", process, log, 30)
        yield Server("oxigraph", f"{root}/store", f"{root}/query", f"{root}/update")
    finally:
        _stop(process)


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """Start Virtuoso in the foreground on free ports with a fresh database; stop it afterwards.

    Its Graph Store endpoint ``/sparql-graph-crud-auth`` and update endpoint ``/sparql-auth``
    want HTTP digest authentication; the database's administrator is dba/dba.
    """
    binary = virtuoso_binary()
    if not binary:
        pytest.skip("Virtuoso binary virtuoso-t missing: run .ci/install-servers.sh (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    (folder / "vsp").mkdir()
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(d=folder, sql_port=sql_port, http_port=http_port))
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=out, stderr=subprocess.STDOUT
        )
    root = f"http://127.0.0.1:{http_port}"
    try:
        _wait_http(f"{root}/sparql?query=ASK%7B%7D", process, log, 120)
        yield Server(
            "virtuoso", f"{root}/sparql-graph-crud-auth", f"{root}/sparql", f"{root}/sparql-auth", "dba", "dba"
        )
    finally:
        _stop(process)
