"""`notebookdl run` and `jupyter nbconvert --execute` give the same outputs for the same notebook.

    run_vs_nbconvert.py NBCONVERT_OUTPUT.ipynb NOTEBOOKDL_OUTPUT.ipynb
"""
import json
import sys


def outputs(path):
    with open(path) as f:
        notebook = json.load(f)
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        normalized = []
        for output in cell["outputs"]:
            output = {k: v for k, v in output.items() if k not in ("metadata", "transient")}
            for key in ("text",):
                if isinstance(output.get(key), list):
                    output[key] = "".join(output[key])
            if "data" in output:
                output["data"] = {m: "".join(v) if isinstance(v, list) else v for m, v in output["data"].items()}
            normalized.append(output)
        cells.append((cell["execution_count"], normalized))
    return cells


expected, actual = outputs(sys.argv[1]), outputs(sys.argv[2])
if expected != actual:
    for i, (e, a) in enumerate(zip(expected, actual)):
        if e != a:
            print(f"cell {i}:\n  nbconvert: {e}\n  notebookdl run: {a}")
    sys.exit("FAIL: outputs differ")
print(f"OK: {len(expected)} code cells with identical outputs")
