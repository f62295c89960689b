"""``python -m devhost``: run the Function App locally until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from devhost.host import FunctionHost
from devhost.settings import HostStartupError

logger = logging.getLogger("devhost")


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m devhost", description=__doc__)
    parser.add_argument("--port", type=int, default=7071, help="HTTP port (0 picks a free one); default 7071")
    parser.add_argument("--app", default="function_app", help="module defining the FunctionApp `app`")
    parser.add_argument("--host-json", type=Path, help="host.json to use; default ./host.json")
    parser.add_argument("--settings", type=Path, help="settings file; default ./local.settings.json(.example)")
    parser.add_argument("--functions", nargs="+", metavar="NAME", help="run only these functions")
    parser.add_argument("--stop-timeout", type=float, default=30.0, help="seconds to let invocations finish")
    parser.add_argument("--verbose", "-v", action="store_true", help="debug logging")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    logging.basicConfig(
        level=logging.DEBUG if arguments.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # The storage SDK logs every request and its headers at INFO.
    logging.getLogger("azure").setLevel(logging.WARNING)
    sys.path.insert(0, str(Path.cwd()))
    try:
        host = FunctionHost(
            arguments.app,
            http_port=arguments.port,
            host_json=arguments.host_json,
            settings_file=arguments.settings,
            functions=arguments.functions,
        )
    except (HostStartupError, ImportError, OSError) as error:
        logger.error("Cannot start: %s", error)
        return 2

    stop_requested = threading.Event()

    def request_stop(signal_number: int, _frame: FrameType | None) -> None:
        logger.info("Received %s: stopping.", signal.Signals(signal_number).name)
        stop_requested.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    host.start()
    print(f"Functions host ready at {host.base_url}", flush=True)
    while not stop_requested.wait(0.5):
        pass
    return 0 if host.stop(timeout=arguments.stop_timeout) else 1


if __name__ == "__main__":
    sys.exit(main())
