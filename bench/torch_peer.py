"""PyTorch side of the benchmark: the same workloads as NotebookDL.Bench, same JSON lines.

Run with Debian's interpreter (/usr/bin/python3, python3-torch). bench/run.sh sets
OPENBLAS_CORETYPE=SkylakeX (OpenBLAS otherwise runs its old SSE3 kernels on these machines) and
passes the thread count, which is applied to both torch and OpenBLAS.
"""
import json
import os
import statistics
import sys
import time

import torch
from torch import nn

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
only = sys.argv[2] if len(sys.argv) > 2 else ""
torch.set_num_threads(threads)
torch.manual_seed(0)


def report(name, value, unit):
    print(json.dumps({"impl": "pytorch", "name": name, "threads": threads, "value": float(f"{value:.6g}"), "unit": unit}), flush=True)


def median_seconds(action, repeats):
    warmup = time.perf_counter()
    while time.perf_counter() - warmup < 2:  # the same warm-up rule as the C# side
        action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def matmul(name, m, k, n):
    a, b = torch.randn(m, k), torch.randn(k, n)
    flops = 2.0 * m * n * k
    seconds = median_seconds(lambda: a @ b, max(3, int(2e10 / flops)))
    report(name, flops / seconds / 1e9, "GFLOP/s")


def mlp():
    return nn.Sequential(
        nn.Linear(784, 512), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(512, 512), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(512, 10))


def cifar_baseline():
    return nn.Sequential(
        nn.Conv2d(3, 16, 2, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 2, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 2, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
        nn.Dropout(0.3), nn.Flatten(),
        nn.Linear(64 * 4 * 4, 500), nn.ReLU(), nn.Dropout(0.4),
        nn.Linear(500, 10))


def mnist_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(7 * 7 * 64, 64), nn.ReLU(), nn.Linear(64, 10))


def cifar_tuned():
    layers, in_channels = [], 3
    for width, dropout in ((32, 0.2), (64, 0.3), (128, 0.4)):
        for _ in range(2):
            layers += [nn.Conv2d(in_channels, width, 3, padding="same"), nn.ReLU(), nn.BatchNorm2d(width, 1e-3, 0.01)]
            in_channels = width
        layers += [nn.MaxPool2d(2), nn.Dropout(dropout)]
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(128 * 4 * 4, 10))


def fast_recipe():
    def block(cin, cout):
        return nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding="same", bias=False), nn.MaxPool2d(2), nn.BatchNorm2d(cout), nn.GELU(),
            nn.Conv2d(cout, cout, 3, padding="same", bias=False), nn.BatchNorm2d(cout), nn.GELU())
    whiten = nn.Conv2d(3, 24, 2)
    whiten.weight.requires_grad = False
    return nn.Sequential(whiten, nn.GELU(), block(24, 64), block(64, 128), block(128, 128),
                         nn.MaxPool2d(3), nn.Flatten(), nn.Linear(128, 10, bias=False))


def peak_memory_mib():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def train_step(name, model, x, y, repeats, optimizer=None, loss_fn=None):
    optimizer = optimizer or torch.optim.RMSprop(model.parameters(), lr=1e-3)
    loss_fn = loss_fn or nn.CrossEntropyLoss()
    model.train()

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    report(name, median_seconds(step, repeats) * 1e3, "ms")
    report(name + "_peak_memory", peak_memory_mib(), "MiB")


def find_cifar():
    here = os.path.abspath(os.getcwd())
    while True:
        candidate = os.path.join(here, "shared", "data", "cifar-10-batches-bin")
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def cifar_epoch():
    """One epoch of the baseline on the 45,000 training images after the first 5,000, batch 32, RMSprop."""
    folder = find_cifar()
    if folder is None:
        print("cifar_epoch: no shared/data/cifar-10-batches-bin found; skipped.", file=sys.stderr)
        return
    import numpy as np
    raw = np.concatenate([np.fromfile(os.path.join(folder, f"data_batch_{i}.bin"), dtype=np.uint8).reshape(-1, 3073)
                          for i in range(1, 6)])
    images = torch.from_numpy(raw[5000:, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / 255.0)
    labels = torch.from_numpy(raw[5000:, 0].astype(np.int64))
    mean, std = images.mean(dim=(0, 2, 3), keepdim=True), images.std(dim=(0, 2, 3), keepdim=True)
    images = (images - mean) / std
    model, loss_fn = cifar_baseline(), nn.CrossEntropyLoss()
    optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)
    model.train()
    start = time.perf_counter()
    order = torch.randperm(len(labels))
    for i in range(0, len(labels), 32):
        idx = order[i:i + 32]
        optimizer.zero_grad()
        loss_fn(model(images[idx]), labels[idx]).backward()
        optimizer.step()
    report("cifar_epoch", time.perf_counter() - start, "s")


def wanted(name):
    return not only or name.startswith(only)


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")  # padding='same' with an even kernel warns about a padded copy
    for size in (256, 512, 1024):
        if wanted(f"matmul_{size}"):
            matmul(f"matmul_{size}", size, size, size)
    if wanted("matmul_128x784x512"):
        matmul("matmul_128x784x512", 128, 784, 512)
    if wanted("mlp_step"):
        train_step("mlp_step", mlp(), torch.randn(128, 784), torch.randint(0, 10, (128,)), 30)
    if wanted("mnist_cnn_step"):
        train_step("mnist_cnn_step", mnist_cnn(), torch.randn(128, 1, 28, 28), torch.randint(0, 10, (128,)), 20)
    if wanted("cifar_cnn_step"):
        train_step("cifar_cnn_step", cifar_baseline(), torch.randn(32, 3, 32, 32), torch.randint(0, 10, (32,)), 30)
    if wanted("cifar_tuned_step"):
        tuned = cifar_tuned()
        train_step("cifar_tuned_step", tuned, torch.randn(128, 3, 32, 32), torch.randint(0, 10, (128,)), 10,
                   torch.optim.Adam(tuned.parameters(), lr=1e-4))
    if wanted("fast_recipe_step"):
        fast = fast_recipe()
        sgd = torch.optim.SGD([p for p in fast.parameters() if p.requires_grad], lr=1e-3, momentum=0.85, nesterov=True, weight_decay=5e-4)
        train_step("fast_recipe_step", fast, torch.randn(256, 3, 32, 32), torch.randint(0, 10, (256,)), 5, sgd,
                   nn.CrossEntropyLoss(label_smoothing=0.2, reduction="sum"))
    if wanted("cifar_epoch"):
        cifar_epoch()
