"""The analyst's view: an HTTP API and a web page over one dateline database."""

from dateline.web.app import create_app

__all__ = ["create_app"]
