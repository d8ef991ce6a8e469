#!/usr/bin/env bash
# Installs the Python package `lifetimes` (the reference for Tests/Peers/lifetimes/check.sh) into
# .build/lifetimes-venv and prints that venv's python. Idempotent: silent apart from the path when the
# pinned versions are there. Strata itself needs none of this.
#
# lifetimes 0.11.3 (2020, the newest on PyPI) predates pandas 2 and numpy 1.24: it is pinned here
# with the pandas/numpy/scipy of its time that have wheels for Python 3.11, and every other package the
# venv holds is pinned too, so the reference computes the same thing on every machine. setuptools stays
# at a version that still ships pkg_resources, which lifetimes.datasets imports.
set -euo pipefail
cd "$(dirname "$0")/../../.."
venv=.build/lifetimes-venv
pins=(lifetimes==0.11.3 pandas==1.5.3 numpy==1.23.5 scipy==1.10.1 autograd==1.9.1 dill==0.4.1
      python-dateutil==2.9.0.post0 six==1.17.0 pytz==2026.6 setuptools==65.5.0)
check='import sys, importlib.metadata as md
import lifetimes, lifetimes.datasets, lifetimes.utils, pandas, numpy, scipy
want = dict(a.split("==") for a in sys.argv[1:])
raise SystemExit(0 if all(md.version(k) == v for k, v in want.items()) else 1)'
if ! "$venv/bin/python" -c "$check" "${pins[@]}" 2>/dev/null; then
  echo "setup.sh: installing ${pins[*]} into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check --only-binary :all: "${pins[@]}" >&2
  "$venv/bin/python" -c "$check" "${pins[@]}" || { echo "setup.sh: $venv does not have the pinned versions" >&2; exit 1; }
fi
echo "$PWD/$venv/bin/python"
