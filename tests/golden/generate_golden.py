#!/usr/bin/python3
"""Generate PyTorch "golden" JSON fixtures for the NotebookDL C# test-suite.

Run with Debian's interpreter (the one that has torch 1.13):

    /usr/bin/python3 tests/golden/generate_golden.py

Writes into tests/NotebookDL.Tests/Fixtures/:
    ops.json, layers.json, losses.json, optimizers.json, schedulers.json

The C# tests only read these files; they never need Python.  See README.md
next to this script for the JSON layout.

Design notes
 * Everything is float32 (torch default dtype), CPU, single thread.
 * Every case re-seeds torch with a seed derived from its *name* (crc32), so
   adding/removing a case never changes the numbers of other cases and two
   runs produce byte-identical files.
 * Floats are written as the exact double value of the float32 number
   (float(v) of a float32 value; json writes repr(), which round-trips), so
   C# can `double.Parse` then cast to float without any rounding.
 * NaN/Inf are refused (allow_nan=False) because they are not valid JSON.
"""

import json
import os
import warnings
import zlib

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)  # rule out any thread-count dependent reduction order
torch.set_default_dtype(torch.float32)
# conv2d_k2_same deliberately uses an even kernel with padding='same'; silence the
# "may require a zero-padded copy" performance note so the run output stays clean.
warnings.filterwarnings("ignore", message="Using padding='same' with even kernel")

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "NotebookDL.Tests", "Fixtures"))


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def seed(name):
    """Per-case seed from the case name: stable across runs and independent of case order."""
    torch.manual_seed(zlib.crc32(name.encode("utf-8")))


def enc(t):
    """Tensor -> {"shape": [...], "data": [flat row-major values]} (+ "dtype": "int64" for ints).

    reshape(-1) walks the *logical* row-major order, so non-contiguous outputs
    (transpose, permute, expand, ...) are encoded the way C# will index them.
    """
    t = t.detach()
    shape = list(t.shape)
    flat = t.reshape(-1).tolist()
    if t.dtype == torch.int64:
        return {"shape": shape, "dtype": "int64", "data": [int(v) for v in flat]}
    assert t.dtype == torch.float32, t.dtype
    # float32 -> python float is exact; json writes the shortest repr of that double.
    return {"shape": shape, "data": [float(v) for v in flat]}


def enc_opt(t):
    return None if t is None else enc(t)


def write(filename, obj):
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, filename)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        # compact separators keep the files small; allow_nan=False guards validity
        json.dump(obj, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes, {len(obj.get('cases', []))} cases)")


def randn_away(shape, kinks, margin=0.1, scale=1.0):
    """randn*scale, resampling any element closer than `margin` to a kink point.

    Used for relu/abs/clamp/leaky_relu so the gradient is unambiguous.
    """
    x = torch.randn(shape) * scale
    while True:
        bad = torch.zeros(shape, dtype=torch.bool)
        for k in kinks:
            bad |= (x - k).abs() < margin
        if not bad.any():
            return x
        x = torch.where(bad, torch.randn(shape) * scale, x)


def positive(shape):
    """Strictly positive values in [0.5, 1.5) for log/sqrt/pow(0.5)/div denominators."""
    return torch.rand(shape) + 0.5


def distinct(shape, step=0.2):
    """Values that are pairwise at least ~0.1 apart (random order) -> no ties for max/min/maxpool."""
    n = 1
    for s in shape:
        n *= s
    perm = torch.randperm(n).float()
    vals = (perm + torch.rand(n) * 0.5) * step - (n * step / 2)
    return vals.reshape(shape)


def untied_pair(shape_a, shape_b, margin=0.1):
    """Two randn tensors whose broadcast difference is never within `margin` (maximum/minimum)."""
    while True:
        a, b = torch.randn(shape_a), torch.randn(shape_b)
        if ((a - b).abs() >= margin).all():
            return a, b


# --------------------------------------------------------------------------
# 1. ops.json
# --------------------------------------------------------------------------

def apply_op(op, args, xs):
    """Reference semantics of every "op" string (this is what C# must reproduce)."""
    a = xs[0]
    binary = {"add": torch.add, "sub": torch.sub, "mul": torch.mul, "div": torch.div,
              "maximum": torch.maximum, "minimum": torch.minimum}
    if op in binary:
        return binary[op](xs[0], xs[1])
    s = args.get("scalar")
    if op == "add_scalar": return a + s
    if op == "sub_scalar": return a - s
    if op == "mul_scalar": return a * s
    if op == "div_scalar": return a / s
    if op == "rsub_scalar": return s - a
    unary = {"neg": torch.neg, "exp": torch.exp, "log": torch.log, "sqrt": torch.sqrt,
             "abs": torch.abs, "sigmoid": torch.sigmoid, "tanh": torch.tanh,
             "relu": torch.relu, "gelu": F.gelu, "square": torch.square}
    if op in unary:
        return unary[op](a)
    if op == "pow": return torch.pow(a, args["exponent"])
    if op == "clamp": return torch.clamp(a, min=args.get("min"), max=args.get("max"))
    if op == "leaky_relu": return F.leaky_relu(a, args["negative_slope"])
    if op == "softmax": return torch.softmax(a, args["dim"])
    if op == "log_softmax": return torch.log_softmax(a, args["dim"])
    if op == "matmul": return torch.matmul(xs[0], xs[1])
    if op == "mm": return torch.mm(xs[0], xs[1])
    if op == "bmm": return torch.bmm(xs[0], xs[1])
    if op in ("sum", "mean"):
        f = torch.sum if op == "sum" else torch.mean
        if "dim" not in args:
            return f(a)
        return f(a, dim=args["dim"], keepdim=args.get("keepdim", False))
    if op == "max_dim": return torch.max(a, dim=args["dim"])      # (values, indices)
    if op == "min_dim": return torch.min(a, dim=args["dim"])
    if op == "max_all": return torch.max(a)
    if op == "min_all": return torch.min(a)
    if op in ("var", "std"):
        f = torch.var if op == "var" else torch.std
        unbiased = args.get("unbiased", True)
        if "dim" not in args:
            return f(a, unbiased=unbiased)
        return f(a, dim=args["dim"], unbiased=unbiased, keepdim=args.get("keepdim", False))
    if op == "logsumexp": return torch.logsumexp(a, dim=args["dim"])
    if op == "reshape": return a.reshape(args["shape"])
    if op == "transpose": return a.transpose(args["dim0"], args["dim1"])
    if op == "permute": return a.permute(*args["dims"])
    if op == "unsqueeze": return a.unsqueeze(args["dim"])
    if op == "squeeze": return a.squeeze(args["dim"]) if "dim" in args else a.squeeze()
    if op == "flatten": return a.flatten(start_dim=args["start_dim"], end_dim=args.get("end_dim", -1))
    if op == "t": return a.t()
    if op == "expand": return a.expand(*args["shape"])
    if op == "cat": return torch.cat(xs, dim=args["dim"])
    if op == "stack": return torch.stack(xs, dim=args["dim"])
    if op == "slice":
        # python slicing a[..., start:stop:step, ...] on one dimension
        idx = [slice(None)] * a.dim()
        idx[args["dim"]] = slice(args["start"], args["stop"], args["step"])
        return a[tuple(idx)]
    if op == "select": return a.select(args["dim"], args["index"])
    if op == "where": return torch.where(xs[0] > 0.5, xs[1], xs[2])
    if op == "index_select": return torch.index_select(xs[0], args["dim"], xs[1])
    raise ValueError(op)


def op_case(name, op, args, inputs):
    """Forward + VJP: grads[i] = d(sum(output * grad_output)) / d(inputs[i])."""
    xs = []
    for x in inputs:
        # "_no_grad" marks inputs such as where's condition: no gradient, grads entry null
        wants_grad = x.dtype == torch.float32 and not getattr(x, "_no_grad", False)
        x = x.detach().clone().requires_grad_(wants_grad)
        xs.append(x)
    res = apply_op(op, args, xs)
    indices = None
    if isinstance(res, tuple):  # max_dim / min_dim -> values only as output
        res, indices = res
    grad_output = torch.randn(res.shape)
    diff = [x for x in xs if x.requires_grad]
    got = torch.autograd.grad(res, diff, grad_output)
    got = iter(got)
    grads = [enc(next(got)) if x.requires_grad else None for x in xs]
    case = {"name": name, "op": op, "args": args,
            "inputs": [enc(x) for x in xs], "output": enc(res),
            "grad_output": enc(grad_output), "grads": grads}
    if indices is not None:
        case["indices"] = enc(indices)
    return case


def gen_ops():
    cases = []

    def add(name, op, args, make_inputs):
        # make_inputs is a lambda so the random draws happen *after* seeding by name
        seed(name)
        inputs = make_inputs()
        cases.append(op_case(name, op, args, inputs))

    # binary ops with broadcasting ---------------------------------------
    bshapes = [("same", [3, 4], [3, 4]), ("row", [3, 4], [4]),
               ("bcast3d", [2, 1, 3], [4, 1]), ("scalar0d", [2, 3], [])]
    for op in ["add", "sub", "mul", "div", "maximum", "minimum"]:
        for tag, sa, sb in bshapes:
            if op == "div":
                mk = lambda sa=sa, sb=sb: [torch.randn(sa), positive(sb)]
            elif op in ("maximum", "minimum"):
                mk = lambda sa=sa, sb=sb: list(untied_pair(sa, sb))  # no ties: grad well defined
            else:
                mk = lambda sa=sa, sb=sb: [torch.randn(sa), torch.randn(sb)]
            add(f"{op}_{tag}", op, {}, mk)
    for op in ["add_scalar", "mul_scalar", "sub_scalar", "div_scalar", "rsub_scalar"]:
        add(op, op, {"scalar": 2.5}, lambda: [torch.randn(3, 4)])

    # unary ---------------------------------------------------------------
    add("neg", "neg", {}, lambda: [torch.randn(3, 4)])
    add("exp", "exp", {}, lambda: [torch.randn(3, 4)])
    add("log", "log", {}, lambda: [positive([3, 4])])
    add("sqrt", "sqrt", {}, lambda: [positive([3, 4])])
    add("abs", "abs", {}, lambda: [randn_away([3, 4], [0.0])])
    add("sigmoid", "sigmoid", {}, lambda: [torch.randn(3, 4) * 2])
    add("tanh", "tanh", {}, lambda: [torch.randn(3, 4)])
    add("relu", "relu", {}, lambda: [randn_away([3, 4], [0.0])])
    add("gelu", "gelu", {}, lambda: [torch.randn(3, 4) * 2])  # exact (erf) GELU
    add("square", "square", {}, lambda: [torch.randn(3, 4)])
    add("pow_2", "pow", {"exponent": 2.0}, lambda: [torch.randn(3, 4)])
    add("pow_3", "pow", {"exponent": 3.0}, lambda: [torch.randn(3, 4)])
    add("pow_0.5", "pow", {"exponent": 0.5}, lambda: [positive([3, 4])])
    add("clamp_minmax", "clamp", {"min": -0.5, "max": 0.5},
        lambda: [randn_away([3, 4], [-0.5, 0.5], margin=0.05)])
    add("clamp_min", "clamp", {"min": 0.0}, lambda: [randn_away([3, 4], [0.0])])
    add("leaky_relu_0.01", "leaky_relu", {"negative_slope": 0.01}, lambda: [randn_away([3, 4], [0.0])])
    add("leaky_relu_0.2", "leaky_relu", {"negative_slope": 0.2}, lambda: [randn_away([3, 4], [0.0])])

    # softmax family --------------------------------------------------------
    for op in ["softmax", "log_softmax"]:
        add(f"{op}_dim1", op, {"dim": 1}, lambda: [torch.randn(4, 5) * 2])
        add(f"{op}_dimneg1_3d", op, {"dim": -1}, lambda: [torch.randn(2, 3, 4) * 2])
        add(f"{op}_dim0", op, {"dim": 0}, lambda: [torch.randn(3, 4) * 2])

    # matmul family ---------------------------------------------------------
    mm_shapes = [("2d_2d", [3, 4], [4, 5]), ("3d_2d", [2, 3, 4], [4, 5]),
                 ("3d_3d", [2, 3, 4], [2, 4, 5]), ("1d_2d", [4], [4, 5]),
                 ("2d_1d", [3, 4], [4]), ("1d_1d", [4], [4])]
    for tag, sa, sb in mm_shapes:
        add(f"matmul_{tag}", "matmul", {}, lambda sa=sa, sb=sb: [torch.randn(sa), torch.randn(sb)])
    add("mm", "mm", {}, lambda: [torch.randn(3, 4), torch.randn(4, 5)])
    add("bmm", "bmm", {}, lambda: [torch.randn(2, 3, 4), torch.randn(2, 4, 5)])

    # reductions -------------------------------------------------------------
    for op in ["sum", "mean"]:
        add(f"{op}_all", op, {}, lambda: [torch.randn(3, 4)])
        add(f"{op}_dim1", op, {"dim": 1}, lambda: [torch.randn(3, 4)])
        add(f"{op}_dim1_keepdim", op, {"dim": 1, "keepdim": True}, lambda: [torch.randn(3, 4)])
        add(f"{op}_dims02", op, {"dim": [0, 2]}, lambda: [torch.randn(2, 3, 4)])
    # distinct values so argmax/argmin (and the gradient routing) are unique
    add("max_dim1", "max_dim", {"dim": 1}, lambda: [distinct([3, 4])])
    add("min_dim1", "min_dim", {"dim": 1}, lambda: [distinct([3, 4])])
    add("max_all", "max_all", {}, lambda: [distinct([3, 4])])
    add("min_all", "min_all", {}, lambda: [distinct([3, 4])])
    for op in ["var", "std"]:
        add(f"{op}_all", op, {}, lambda: [torch.randn(3, 4)])
        add(f"{op}_dim1", op, {"dim": 1}, lambda: [torch.randn(3, 4)])
        add(f"{op}_dim1_biased_keepdim", op, {"dim": 1, "unbiased": False, "keepdim": True},
            lambda: [torch.randn(3, 4)])
    add("logsumexp_dim1", "logsumexp", {"dim": 1}, lambda: [torch.randn(3, 4) * 2])

    # shape ops --------------------------------------------------------------
    add("reshape", "reshape", {"shape": [6, -1]}, lambda: [torch.randn(3, 4)])
    add("transpose", "transpose", {"dim0": 0, "dim1": 2}, lambda: [torch.randn(2, 3, 4)])
    add("permute", "permute", {"dims": [2, 0, 1]}, lambda: [torch.randn(2, 3, 4)])
    add("unsqueeze", "unsqueeze", {"dim": 1}, lambda: [torch.randn(3, 4)])
    add("squeeze_dim1", "squeeze", {"dim": 1}, lambda: [torch.randn(3, 1, 4)])
    add("squeeze_all", "squeeze", {}, lambda: [torch.randn(3, 1, 4, 1)])
    add("flatten", "flatten", {"start_dim": 1}, lambda: [torch.randn(2, 3, 4)])
    add("t", "t", {}, lambda: [torch.randn(3, 4)])
    add("expand", "expand", {"shape": [3, 4]}, lambda: [torch.randn(1, 4)])
    add("cat_dim0", "cat", {"dim": 0}, lambda: [torch.randn(2, 3), torch.randn(4, 3)])
    add("cat_dim1", "cat", {"dim": 1}, lambda: [torch.randn(2, 1), torch.randn(2, 3), torch.randn(2, 2)])
    add("stack_dim0", "stack", {"dim": 0}, lambda: [torch.randn(2, 3) for _ in range(3)])
    add("stack_dim1", "stack", {"dim": 1}, lambda: [torch.randn(2, 3) for _ in range(3)])
    add("slice_dim0", "slice", {"dim": 0, "start": 1, "stop": 4, "step": 1}, lambda: [torch.randn(5, 4)])
    add("slice_dim0_step2", "slice", {"dim": 0, "start": 0, "stop": 5, "step": 2}, lambda: [torch.randn(5, 4)])
    add("slice_dim1_step3", "slice", {"dim": 1, "start": 0, "stop": 4, "step": 3}, lambda: [torch.randn(5, 4)])
    add("select", "select", {"dim": 1, "index": 2}, lambda: [torch.randn(3, 4, 2)])

    # where: condition is a float 0/1 tensor without grad -> grads[0] is null
    def where_inputs(sx, sy):
        def mk():
            cond = (torch.rand(3, 4) > 0.5).float()
            cond._no_grad = True
            return [cond, torch.randn(sx), torch.randn(sy)]
        return mk
    add("where", "where", {}, where_inputs([3, 4], [3, 4]))
    add("where_broadcast", "where", {}, where_inputs([3, 4], [4]))

    # index_select with a repeated index: gradient must accumulate
    add("index_select_dim0", "index_select", {"dim": 0},
        lambda: [torch.randn(5, 3), torch.tensor([0, 2, 2, 4], dtype=torch.int64)])

    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    write("ops.json", {"cases": cases})


# --------------------------------------------------------------------------
# 2. layers.json
# --------------------------------------------------------------------------

def layer_case(name, layer_name, config, module, x, mode="train", record_after=False):
    """Export state_dict, run forward/backward with a random grad_output, record grads."""
    module.train(mode == "train")
    state = {k: enc(v) for k, v in module.state_dict().items()}
    x = x.clone().requires_grad_(True)
    y = module(x)
    grad_output = torch.randn(y.shape)
    y.backward(grad_output)
    case = {"name": name, "layer": layer_name, "config": config, "mode": mode,
            "state_dict": state, "input": enc(x), "output": enc(y),
            "grad_output": enc(grad_output), "grad_input": enc(x.grad),
            "grads": {k: enc(p.grad) for k, p in module.named_parameters()}}
    if record_after:
        case["state_dict_after"] = {k: enc(v) for k, v in module.state_dict().items()}
    return case


def gen_layers():
    cases = []

    # Linear ------------------------------------------------------------------
    for name, cfg, shape in [("linear_5_3", {"in_features": 5, "out_features": 3, "bias": True}, [4, 5]),
                             ("linear_5_3_nobias", {"in_features": 5, "out_features": 3, "bias": False}, [4, 5]),
                             ("linear_4_2_3d", {"in_features": 4, "out_features": 2, "bias": True}, [2, 3, 4])]:
        seed(name)
        m = nn.Linear(**cfg)  # PyTorch default init after seeding
        cases.append(layer_case(name, "Linear", cfg, m, torch.randn(shape)))

    # Conv2d: config always lists every key explicitly -------------------------
    def conv_cfg(**kw):
        cfg = {"in_channels": 2, "out_channels": 3, "kernel_size": 3, "stride": 1,
               "padding": 0, "dilation": 1, "bias": True}
        cfg.update(kw)
        return cfg
    conv_specs = [
        ("conv2d_k3", conv_cfg()),
        ("conv2d_k3_s2_p1", conv_cfg(stride=2, padding=1)),
        ("conv2d_k3_d2_p2", conv_cfg(dilation=2, padding=2)),
        ("conv2d_k3_nobias", conv_cfg(bias=False)),
        ("conv2d_k2x3_p1x0", conv_cfg(kernel_size=[2, 3], padding=[1, 0])),
        ("conv2d_k3_same", conv_cfg(padding="same")),
        # even kernel + 'same': total pad 1 -> PyTorch pads 0 on top/left, 1 on bottom/right
        ("conv2d_k2_same", conv_cfg(kernel_size=2, padding="same")),
    ]
    for name, cfg in conv_specs:
        seed(name)
        kw = {k: (tuple(v) if isinstance(v, list) else v) for k, v in cfg.items()}
        m = nn.Conv2d(**kw)
        cases.append(layer_case(name, "Conv2d", cfg, m, torch.randn(2, 2, 6, 6)))

    # Pooling: distinct input values so max-pool argmax is unique ------------
    pool_specs = [
        ("maxpool_k2", "MaxPool2d", {"kernel_size": 2, "stride": 2, "padding": 0}, [2, 3, 6, 6]),
        ("maxpool_k3_s2_p1", "MaxPool2d", {"kernel_size": 3, "stride": 2, "padding": 1}, [2, 3, 6, 6]),
        ("maxpool_k2_s1", "MaxPool2d", {"kernel_size": 2, "stride": 1, "padding": 0}, [2, 3, 6, 6]),
        ("avgpool_k2", "AvgPool2d", {"kernel_size": 2, "stride": 2, "padding": 0, "count_include_pad": True}, [2, 3, 6, 6]),
        ("avgpool_k3_s2_p1", "AvgPool2d", {"kernel_size": 3, "stride": 2, "padding": 1, "count_include_pad": True}, [2, 3, 6, 6]),
        ("adaptiveavgpool_1x1", "AdaptiveAvgPool2d", {"output_size": [1, 1]}, [2, 3, 5, 5]),
        ("adaptiveavgpool_2x2_on_6x6", "AdaptiveAvgPool2d", {"output_size": [2, 2]}, [2, 3, 6, 6]),
        ("adaptiveavgpool_3x3_on_7x7", "AdaptiveAvgPool2d", {"output_size": [3, 3]}, [2, 3, 7, 7]),
    ]
    for name, layer, cfg, shape in pool_specs:
        seed(name)
        kw = {k: (tuple(v) if isinstance(v, list) else v) for k, v in cfg.items()}
        m = getattr(nn, layer)(**kw)
        cases.append(layer_case(name, layer, cfg, m, distinct(shape, step=0.05)))

    # BatchNorm ----------------------------------------------------------------
    # weight/bias are randomized (default init is ones/zeros, which would not
    # exercise the affine part); C# loads them from state_dict anyway.
    def bn_case(name, layer, cfg, shape, mode):
        seed(name)
        m = getattr(nn, layer)(cfg["num_features"], eps=cfg["eps"], momentum=cfg["momentum"])
        with torch.no_grad():
            m.weight.copy_(torch.rand(cfg["num_features"]) + 0.5)
            m.bias.copy_(torch.randn(cfg["num_features"]) * 0.5)
        if mode == "eval":
            # three train-mode forwards give non-trivial running stats first
            m.train()
            with torch.no_grad():
                for _ in range(3):
                    m(torch.randn(shape) * 2 + 1)
        x = torch.randn(shape) * 1.5 + 0.5
        cases.append(layer_case(name, layer, cfg, m, x, mode=mode, record_after=True))

    bn_default = {"eps": 1e-5, "momentum": 0.1}
    bn_case("batchnorm1d_2d_train", "BatchNorm1d", {"num_features": 4, **bn_default}, [6, 4], "train")
    bn_case("batchnorm1d_2d_eval", "BatchNorm1d", {"num_features": 4, **bn_default}, [6, 4], "eval")
    bn_case("batchnorm1d_3d_train", "BatchNorm1d", {"num_features": 3, **bn_default}, [4, 3, 5], "train")
    bn_case("batchnorm1d_3d_eval", "BatchNorm1d", {"num_features": 3, **bn_default}, [4, 3, 5], "eval")
    bn_case("batchnorm2d_train", "BatchNorm2d", {"num_features": 3, **bn_default}, [4, 3, 5, 5], "train")
    bn_case("batchnorm2d_eval", "BatchNorm2d", {"num_features": 3, **bn_default}, [4, 3, 5, 5], "eval")
    bn_case("batchnorm2d_m0.3_eps1e-3_train", "BatchNorm2d", {"num_features": 3, "eps": 1e-3, "momentum": 0.3},
            [4, 3, 5, 5], "train")

    # parameter-free modules -----------------------------------------------------
    simple = [
        ("dropout_eval", "Dropout", {"p": 0.5}, nn.Dropout(0.5), [4, 5], "eval"),
        ("flatten", "Flatten", {"start_dim": 1, "end_dim": -1}, nn.Flatten(1), [2, 3, 4], "train"),
        ("identity", "Identity", {}, nn.Identity(), [3, 4], "train"),
        ("sigmoid", "Sigmoid", {}, nn.Sigmoid(), [3, 4], "train"),
        ("tanh", "Tanh", {}, nn.Tanh(), [3, 4], "train"),
        ("relu", "ReLU", {}, nn.ReLU(), [3, 4], "train"),
        ("leakyrelu_0.1", "LeakyReLU", {"negative_slope": 0.1}, nn.LeakyReLU(0.1), [3, 4], "train"),
        ("softmax_dim1", "Softmax", {"dim": 1}, nn.Softmax(dim=1), [3, 4], "train"),
        ("logsoftmax_dim1", "LogSoftmax", {"dim": 1}, nn.LogSoftmax(dim=1), [3, 4], "train"),
        ("gelu", "GELU", {}, nn.GELU(), [3, 4], "train"),
    ]
    for name, layer, cfg, m, shape, mode in simple:
        seed(name)
        x = randn_away(shape, [0.0]) * 1.5  # away from the relu/leaky kink
        cases.append(layer_case(name, layer, cfg, m, x, mode=mode))

    names = [c["name"] for c in cases]
    assert len(names) == len(set(names))
    write("layers.json", {"cases": cases})
    return cases


# --------------------------------------------------------------------------
# 3. losses.json
# --------------------------------------------------------------------------

def loss_case(name, loss_name, config, x, target):
    m = getattr(nn, loss_name)(**config)
    x = x.clone().requires_grad_(True)
    out = m(x, target)
    case = {"name": name, "loss": loss_name, "config": config,
            "input": enc(x), "target": enc(target), "output": enc(out)}
    if config.get("reduction") == "none":
        grad_output = torch.randn(out.shape)
        out.backward(grad_output)
        case["grad_output"] = enc(grad_output)
    else:
        out.backward()  # scalar loss: implicit grad_output = 1
    case["grad_input"] = enc(x.grad)
    return case


def gen_losses():
    cases = []

    def add(name, loss_name, config, make):
        seed(name)
        x, t = make()
        cases.append(loss_case(name, loss_name, config, x, t))

    def away_pair():
        # L1 kink at input == target: keep them apart
        t = torch.randn(4, 3)
        x = t + randn_away([4, 3], [0.0])
        return x, t

    for red in ["mean", "sum", "none"]:
        add(f"mse_{red}", "MSELoss", {"reduction": red}, lambda: (torch.randn(4, 3), torch.randn(4, 3)))
        add(f"l1_{red}", "L1Loss", {"reduction": red}, away_pair)

    def ce_idx():
        return torch.randn(5, 4) * 2, torch.randint(0, 4, (5,), dtype=torch.int64)
    for red in ["mean", "sum", "none"]:
        add(f"ce_{red}", "CrossEntropyLoss", {"reduction": red, "label_smoothing": 0.0}, ce_idx)
    add("ce_label_smoothing_0.1", "CrossEntropyLoss", {"reduction": "mean", "label_smoothing": 0.1}, ce_idx)
    add("ce_soft_targets", "CrossEntropyLoss", {"reduction": "mean", "label_smoothing": 0.0},
        lambda: (torch.randn(5, 4) * 2, torch.softmax(torch.randn(5, 4), dim=1)))

    def ce_large():
        # logits around +-100: naive exp() overflows float32, a stable log-sum-exp does not
        x = torch.sign(torch.randn(5, 4)) * 100 + torch.randn(5, 4)
        return x, torch.randint(0, 4, (5,), dtype=torch.int64)
    add("ce_large_logits", "CrossEntropyLoss", {"reduction": "mean", "label_smoothing": 0.0}, ce_large)

    def nll():
        # input is a log_softmax output, made a leaf so grad_input is w.r.t. it
        return torch.log_softmax(torch.randn(5, 4) * 2, dim=1), torch.randint(0, 4, (5,), dtype=torch.int64)
    for red in ["mean", "sum", "none"]:
        add(f"nll_{red}", "NLLLoss", {"reduction": red}, nll)

    def bce():
        # probabilities from a sigmoid (kept away from 0/1), soft targets in [0,1]
        return torch.sigmoid(torch.randn(4, 3) * 1.5), torch.rand(4, 3)
    for red in ["mean", "sum", "none"]:
        add(f"bce_{red}", "BCELoss", {"reduction": red}, bce)

    def bcel():
        return torch.randn(4, 3) * 2, torch.rand(4, 3)
    for red in ["mean", "sum", "none"]:
        add(f"bcewithlogits_{red}", "BCEWithLogitsLoss", {"reduction": red}, bcel)

    def bcel_large():
        # |logit| ~ 50 with 0/1 targets: tests the log1p(exp(-|x|)) stable form
        x = torch.sign(torch.randn(4, 3)) * 50 + torch.randn(4, 3)
        return x, (torch.rand(4, 3) > 0.5).float()
    add("bcewithlogits_large_logits", "BCEWithLogitsLoss", {"reduction": "mean"}, bcel_large)

    names = [c["name"] for c in cases]
    assert len(names) == len(set(names))
    write("losses.json", {"cases": cases})


# --------------------------------------------------------------------------
# 4. optimizers.json
# --------------------------------------------------------------------------

def json_safe_defaults(d):
    """optimizer.defaults minus non-JSON values (tuples -> lists)."""
    out = {}
    for k, v in d.items():
        if isinstance(v, tuple):
            v = list(v)
        if v is None or isinstance(v, (bool, int, float, list)):
            out[k] = v
    return out


def gen_optimizers():
    seed("optimizer_problem")
    X = torch.randn(16, 4)
    Y = torch.randn(16, 3)
    W0 = torch.randn(4, 3) * 0.5
    b0 = torch.randn(3) * 0.5

    # (name, class, kwargs) -- kwargs use python names; lr always explicit
    specs = [
        ("sgd_lr0.1", "SGD", {"lr": 0.1}),
        ("sgd_momentum0.9", "SGD", {"lr": 0.05, "momentum": 0.9}),
        ("sgd_momentum0.9_dampening0.1", "SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1}),
        ("sgd_nesterov", "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
        ("sgd_weight_decay", "SGD", {"lr": 0.1, "weight_decay": 0.01}),
        ("adagrad_lr0.1", "Adagrad", {"lr": 0.1}),
        ("adagrad_full", "Adagrad", {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.01,
                                     "initial_accumulator_value": 0.1}),
        ("adadelta_lr1", "Adadelta", {"lr": 1.0}),
        ("adadelta_rho0.8_wd", "Adadelta", {"lr": 1.0, "rho": 0.8, "weight_decay": 0.01}),
        ("rmsprop_lr0.01", "RMSprop", {"lr": 0.01}),
        ("rmsprop_momentum_centered", "RMSprop", {"lr": 0.01, "momentum": 0.9, "centered": True}),
        ("rmsprop_wd_alpha0.9", "RMSprop", {"lr": 0.01, "weight_decay": 0.01, "alpha": 0.9}),
        ("adam_lr0.01", "Adam", {"lr": 0.01}),
        ("adam_amsgrad", "Adam", {"lr": 0.01, "amsgrad": True}),
        ("adam_wd_betas", "Adam", {"lr": 0.001, "weight_decay": 0.01, "betas": [0.8, 0.9]}),
        ("adamw_lr0.01", "AdamW", {"lr": 0.01}),
        ("adamw_wd0.1_amsgrad", "AdamW", {"lr": 0.001, "weight_decay": 0.1, "amsgrad": True}),
        # Extra: with the default beta2=0.999 the amsgrad max(v) almost never kicks in within
        # 20 steps (trajectories differ by ~1e-5 only), so these use beta2=0.9 where amsgrad
        # changes W by ~0.09 -- a missing/incorrect amsgrad cannot pass these.
        ("adam_beta2_0.9", "Adam", {"lr": 0.05, "betas": [0.9, 0.9]}),
        ("adam_beta2_0.9_amsgrad", "Adam", {"lr": 0.05, "betas": [0.9, 0.9], "amsgrad": True}),
        ("adamw_beta2_0.9_amsgrad", "AdamW", {"lr": 0.05, "betas": [0.9, 0.9], "amsgrad": True}),
    ]
    cases = []
    for name, cls, cfg in specs:
        W = W0.clone().requires_grad_(True)
        b = b0.clone().requires_grad_(True)
        kw = {k: (tuple(v) if isinstance(v, list) else v) for k, v in cfg.items()}
        opt = getattr(torch.optim, cls)([W, b], **kw)
        losses, Ws, bs = [], [], []
        for _ in range(20):
            opt.zero_grad()
            loss = ((X @ W + b - Y) ** 2).mean()
            losses.append(float(loss))
            loss.backward()
            opt.step()
            Ws.append(enc(W))
            bs.append(enc(b))
        cases.append({"name": name, "optimizer": cls, "config": cfg,
                      "defaults": json_safe_defaults(opt.defaults),
                      "losses": losses, "W": Ws, "b": bs})
    write("optimizers.json", {"problem": {"X": enc(X), "Y": enc(Y), "W0": enc(W0), "b0": enc(b0)},
                              "cases": cases})


# --------------------------------------------------------------------------
# 5. schedulers.json
# --------------------------------------------------------------------------

def gen_schedulers():
    from torch.optim import lr_scheduler as S

    opt_cfg = {"name": "SGD", "lr": 0.1, "momentum": 0.9}
    plateau_min = [1.0, 0.9, 0.95, 0.96, 0.97, 0.8, 0.85, 0.86, 0.87, 0.88,
                   0.89, 0.9, 0.79, 0.78, 0.80, 0.81, 0.82, 0.83, 0.84, 0.7,
                   0.71, 0.72, 0.73, 0.74, 0.75]
    plateau_abs = [1.0, 0.9, 0.88, 0.87, 0.86, 0.8, 0.79, 0.78, 0.77, 0.76,
                   0.7, 0.69, 0.68, 0.67, 0.6, 0.59, 0.58, 0.57, 0.56, 0.55,
                   0.54, 0.53, 0.52, 0.51, 0.5]
    plateau_max = [0.1, 0.2, 0.15, 0.18, 0.19, 0.3, 0.29, 0.28, 0.3, 0.27,
                   0.4, 0.41, 0.39, 0.38, 0.37, 0.36, 0.5, 0.49, 0.48, 0.47,
                   0.46, 0.45, 0.44, 0.43, 0.42]
    assert len(plateau_min) == len(plateau_abs) == len(plateau_max) == 25

    specs = [
        ("steplr", "StepLR", {"step_size": 5, "gamma": 0.5}, 25, None),
        ("exponentiallr", "ExponentialLR", {"gamma": 0.9}, 25, None),
        ("cosineannealinglr", "CosineAnnealingLR", {"T_max": 10, "eta_min": 0.001}, 25, None),
        # stepping OneCycleLR past total_steps raises -> only 24 steps
        ("onecyclelr", "OneCycleLR", {"max_lr": 1.0, "total_steps": 25}, 24, None),
        ("onecyclelr_linear_three_phase", "OneCycleLR",
         {"max_lr": 0.5, "total_steps": 25, "anneal_strategy": "linear", "pct_start": 0.4,
          "three_phase": True}, 24, None),
        ("reducelronplateau_min", "ReduceLROnPlateau", {"mode": "min", "factor": 0.5, "patience": 2},
         25, plateau_min),
        ("reducelronplateau_abs_cooldown_minlr", "ReduceLROnPlateau",
         {"mode": "min", "factor": 0.5, "patience": 2, "threshold_mode": "abs", "threshold": 0.05,
          "cooldown": 1, "min_lr": 0.01}, 25, plateau_abs),
        ("reducelronplateau_max", "ReduceLROnPlateau", {"mode": "max", "factor": 0.5, "patience": 2},
         25, plateau_max),
    ]
    cases = []
    for name, cls, cfg, steps, metrics in specs:
        # dummy parameter with a fixed grad so optimizer.step() runs before scheduler.step()
        p = torch.zeros(2, requires_grad=True)
        p.grad = torch.ones(2)
        opt = torch.optim.SGD([p], lr=opt_cfg["lr"], momentum=opt_cfg["momentum"])
        sched = getattr(S, cls)(opt, **cfg)
        case = {"name": name, "scheduler": cls, "config": cfg, "optimizer": opt_cfg,
                "steps": steps,
                # lr right after constructing the scheduler (OneCycleLR overwrites it)
                "initial_lr": opt.param_groups[0]["lr"]}
        lrs, moms = [], []
        if cls == "OneCycleLR":
            case["initial_momentum"] = opt.param_groups[0]["momentum"]
        for i in range(steps):
            opt.step()
            if metrics is not None:
                sched.step(metrics[i])
            else:
                sched.step()
            lrs.append(opt.param_groups[0]["lr"])
            moms.append(opt.param_groups[0]["momentum"])
        case["lrs"] = lrs
        if cls == "OneCycleLR":
            case["momentums"] = moms
        if metrics is not None:
            case["metrics"] = metrics
        cases.append(case)
    write("schedulers.json", {"cases": cases})


# --------------------------------------------------------------------------
# safetensors: an independent reader and writer (json + struct only)
# --------------------------------------------------------------------------

SAFETENSORS_DTYPES = {"F32": ("<f", 4), "I64": ("<q", 8), "BOOL": ("<?", 1)}


def read_safetensors(path):
    """Decode a safetensors file with nothing but json and struct, to check NotebookDL's writer."""
    import struct
    with open(path, "rb") as f:
        raw = f.read()
    (header_len,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + header_len].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    tensors = {}
    for name, entry in header.items():
        fmt, size = SAFETENSORS_DTYPES[entry["dtype"]]
        begin, end = entry["data_offsets"]
        data = raw[8 + header_len + begin:8 + header_len + end]
        count = len(data) // size
        values = list(struct.unpack("<" + fmt[1] * count, data))
        tensors[name] = {"dtype": entry["dtype"], "shape": entry["shape"], "data": [float(v) if fmt == "<f" else int(v) for v in values]}
    return tensors, metadata


def write_safetensors(path, state_dict):
    """Write a PyTorch state_dict in safetensors layout with json + struct (no safetensors package needed)."""
    import struct
    header, blobs, offset = {}, [], 0
    for name, t in sorted(state_dict.items()):
        t = t.detach().contiguous()
        dtype = {torch.float32: "F32", torch.int64: "I64"}[t.dtype]
        fmt, size = SAFETENSORS_DTYPES[dtype]
        values = t.reshape(-1).tolist()
        blob = struct.pack("<" + fmt[1] * len(values), *values)
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def gen_safetensors():
    # 1. NotebookDL's writer output (committed; the C# test checks it still writes these bytes) read independently.
    written = os.path.join(OUT_DIR, "notebookdl_written.safetensors")
    tensors, metadata = read_safetensors(written)
    write("safetensors_read_by_python.json", {"metadata": metadata, "tensors": tensors})
    # 2. A PyTorch model's state_dict exported in safetensors layout, with an input and the eval-mode output.
    seed("safetensors_export")
    model = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.BatchNorm2d(2), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(2 * 3 * 3, 3))
    x = torch.randn(4, 1, 6, 6)
    model.train()
    for _ in range(3):  # non-trivial running statistics
        model(torch.randn(4, 1, 6, 6))
    model.eval()
    write_safetensors(os.path.join(OUT_DIR, "torch_state_dict.safetensors"), model.state_dict())
    write("torch_state_dict_io.json", {"input": enc(x), "output": enc(model(x))})


def main():
    gen_ops()
    gen_layers()
    gen_losses()
    gen_optimizers()
    gen_schedulers()
    gen_safetensors()


if __name__ == "__main__":
    main()
