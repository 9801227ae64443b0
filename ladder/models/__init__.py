from .rungs import Rung

__all__ = ["Rung"]
