"""Executes a notebook with nbclient in the kernel it names and writes the result: run_notebook.py IN OUT.
Jupyter finds the kernelspec through JUPYTER_PATH, which the test points at its temporary data folder."""
import sys

import nbclient
import nbformat

notebook = nbformat.read(sys.argv[1], as_version=4)
nbclient.NotebookClient(notebook, timeout=300, startup_timeout=180, allow_errors=True).execute()
nbformat.write(notebook, sys.argv[2])
