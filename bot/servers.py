"""Starting and stopping the Rasa server and the action server as child processes.

Used by ``vaxbot run``, by the end-to-end tests and by the benchmark, so all three run the assistant
exactly the same way: the same commands, environment and readiness checks.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bot.settings import PROJECT_ROOT, Settings

READY_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 20.0


class ServerError(RuntimeError):
    """A server could not start, or stopped on its own."""


def check_port_free(host: str, port: int, setting: str) -> None:
    """Fail with the setting to change when something already listens on ``host:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise ServerError(
                f"port {port} on {host} is already in use ({error.strerror}); stop what is using it "
                f"(another `vaxbot run`?) or choose another port with {setting}"
            ) from error


def server_environment(config: Settings, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment both servers run with: the settings endpoints.yml reads, and no telemetry."""
    env = dict(os.environ if base is None else base)
    env.update(
        {
            "DATABASE_URL": config.database_url,
            "REDIS_URL": config.redis_url,
            "VAXBOT_HOST": config.host,
            "ACTIONS_PORT": str(config.actions_port),
            "RASA_PORT": str(config.rasa_port),
            "SANIC_HOST": config.host,
            "SANIC_WORKERS": str(config.workers),
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONWARNINGS": env.get("PYTHONWARNINGS", "ignore::DeprecationWarning"),
        }
    )
    return env


@dataclass
class Servers:
    """The two running servers and where to reach them."""

    rasa: subprocess.Popen[bytes]
    actions: subprocess.Popen[bytes]
    rasa_url: str
    actions_url: str
    logs: list[IO[bytes]] = field(default_factory=list)

    def poll(self) -> str | None:
        """The name of a server that has exited, if any."""
        for name, process in (("Rasa server", self.rasa), ("action server", self.actions)):
            if process.poll() is not None:
                return f"{name} exited with code {process.returncode}"
        return None

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        """Ask both servers to stop, wait, and kill what is left."""
        for process in (self.rasa, self.actions):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for process in (self.rasa, self.actions):
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for handle in self.logs:
            handle.close()


def _bin(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _wait_ready(url: str, process: subprocess.Popen[bytes], name: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"the {name} exited with code {process.returncode} while starting")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise ServerError(f"the {name} did not answer at {url} within {READY_TIMEOUT_S:.0f} s")


def start_servers(
    config: Settings,
    model: Path,
    *,
    log_dir: Path | None = None,
    enable_api: bool = True,
    endpoints: Path = PROJECT_ROOT / "endpoints.yml",
    extra_env: Mapping[str, str] | None = None,
) -> Servers:
    """Start the action server and the Rasa server with ``model``; return once both answer.

    Output goes to the terminal, or to ``actions.log`` and ``rasa.log`` in ``log_dir``.
    """
    check_port_free(config.host, config.actions_port, "ACTIONS_PORT")
    check_port_free(config.host, config.rasa_port, "RASA_PORT")
    env = server_environment(config)
    env.update(extra_env or {})
    logs: list[IO[bytes]] = []

    def output(name: str) -> IO[bytes] | None:
        if log_dir is None:
            return None
        log_dir.mkdir(parents=True, exist_ok=True)
        handle = (log_dir / f"{name}.log").open("ab")
        logs.append(handle)
        return handle

    actions_cmd = [
        sys.executable,
        "-m",
        "rasa_sdk",
        "--actions",
        "actions",
        "--port",
        str(config.actions_port),
    ]
    rasa_cmd = [
        _bin("rasa"),
        "run",
        "--model",
        str(model),
        "--endpoints",
        str(endpoints),
        "--credentials",
        str(PROJECT_ROOT / "credentials.yml"),
        "--interface",
        config.host,
        "--port",
        str(config.rasa_port),
    ]
    if enable_api:
        rasa_cmd.append("--enable-api")
    actions_log, rasa_log = output("actions"), output("rasa")
    # Each server leads its own process group, so stopping it also stops any Sanic worker it forked.
    actions = subprocess.Popen(
        actions_cmd,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=actions_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    rasa = subprocess.Popen(
        rasa_cmd,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=rasa_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    servers = Servers(
        rasa=rasa,
        actions=actions,
        rasa_url=f"http://{config.host}:{config.rasa_port}",
        actions_url=f"http://{config.host}:{config.actions_port}",
        logs=logs,
    )
    deadline = time.monotonic() + READY_TIMEOUT_S
    try:
        _wait_ready(f"{servers.actions_url}/health", actions, "action server", deadline)
        _wait_ready(f"{servers.rasa_url}/", rasa, "Rasa server", deadline)
    except BaseException:
        servers.stop()
        raise
    return servers
