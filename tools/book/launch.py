"""A Sphinx extension of the book: a JupyterHub launch button on each notebook page.

sphinx-book-theme's own JupyterHub button reads the repository's owner and name from a GitHub,
GitLab or Bitbucket URL only; a course repository may live on a university's own git server.
This button takes any repository URL and makes the nbgitpuller link the instructor's guide
describes (``https://<hub>/hub/user-redirect/git-pull?repo=...&branch=...&urlpath=lab/tree/...``).
It is added only when the build is given a hub and a repository (``make site HUB=... REPO=...``).
"""

from __future__ import annotations

from tools.book.stage import Launch


def add_launch_button(app, pagename, templatename, context, doctree) -> None:
    settings = (app.config.html_context or {}).get("course_launch")
    if not settings or not pagename.startswith("notebooks/") or "header_buttons" not in context:
        return
    launch = Launch(**settings)
    context["header_buttons"].append({
        "type": "group",
        "tooltip": "Run this notebook live",
        "icon": "fas fa-rocket",
        "label": "launch-buttons",
        "buttons": [{
            "type": "link",
            "text": "JupyterHub",
            "tooltip": "Open this notebook on the course's JupyterHub",
            "icon": "_static/images/logo_jupyterhub.svg",
            "url": launch.url(f"{pagename}.ipynb"),
            "label": "launch-jupyterhub-button",
        }],
    })


def setup(app):
    app.connect("html-page-context", add_launch_button, priority=502)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
