"""A small local stand-in for the Azure Functions host, for development and tests only.

Production runs on Azure Functions; this package runs the same registered functions of
``function_app.app`` against Azurite when Core Tools cannot be installed.
"""

from devhost.host import FunctionHost
from devhost.settings import HostStartupError

__all__ = ["FunctionHost", "HostStartupError"]
