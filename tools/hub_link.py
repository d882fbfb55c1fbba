"""The nbgitpuller link that hands the course to a class on a JupyterHub.

Opening the link logs a student in, pulls the repository into a folder of their home (a first
clone, or a merge that keeps their own edits) and opens the welcome notebook in JupyterLab.
See the instructor's guide, "Teaching with JupyterHub".

Usage: python -m tools.hub_link --hub https://hub.example.edu --repo https://git.example.edu/course
       [--branch main] [--folder NAME] [--notebook notebooks/00_welcome.ipynb]
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import urlencode, urlsplit

WELCOME = "notebooks/00_welcome.ipynb"


def folder_of(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into: its last path part, without ``.git``."""
    name = repo.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    name = name[:-4] if name.endswith(".git") else name
    if not name:
        raise ValueError(f"repo {repo!r} has no name to clone into: pass folder")
    return name


def link(hub: str, repo: str, branch: str = "main", folder: str | None = None,
         notebook: str = WELCOME) -> str:
    """The nbgitpuller link for ``repo`` on ``hub`` that opens ``notebook`` in JupyterLab.

    ``hub`` is the hub's address (with its base path, if any); ``folder`` names the clone in
    each student's home (given, it is also passed as nbgitpuller's ``targetPath``; by default
    it is the repository's name, as nbgitpuller chooses it).
    """
    parts = urlsplit(hub)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"hub {hub!r} is not an http(s) address, e.g. https://hub.example.edu")
    if not repo.strip() or not branch.strip():
        raise ValueError("repo and branch must not be empty")
    if folder is not None and (not folder or "/" in folder or folder in (".", "..")):
        raise ValueError(f"folder {folder!r} must be one folder name, e.g. 'treasuries'")
    name = folder or folder_of(repo)
    params = {"repo": repo, "branch": branch,
              "urlpath": f"lab/tree/{name}/{notebook.lstrip('/')}"}
    if folder is not None:
        params["targetPath"] = folder
    base = hub.split("?", 1)[0].rstrip("/")
    return f"{base}/hub/user-redirect/git-pull?{urlencode(params)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    parser.add_argument("--repo", required=True, help="the git repository students pull")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--folder", help="the clone's folder in each home (default: repo's name)")
    parser.add_argument("--notebook", default=WELCOME, help="opened once pulled")
    args = parser.parse_args(argv)
    try:
        print(link(args.hub, args.repo, args.branch, args.folder, args.notebook))
    except ValueError as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
