"""Startup and round-trip benchmark (not a test): NotebookDL's C# kernel vs ipykernel through jupyter_client.

For each kernel, in the same run: seconds from process start to the first kernel_info_reply, to the end of
the first cell, and the median warm `1+1` execute round trip (request sent -> idle received).

    JUPYTER_DATA_DIR=<dir with the notebookdl-csharp kernelspec> /usr/bin/python3 kernel_benchmark.py [--runs 5]
"""
import argparse
import statistics
import time

from jupyter_client.manager import KernelManager


def wait_idle(kc, msg_id, timeout=120):
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            return


def measure(kernel_name, first_cell, warm_repeats):
    km = KernelManager(kernel_name=kernel_name)
    start = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        # Poll kernel_info like jupyter_client's wait_for_ready, with a short per-try timeout.
        while True:
            kc.kernel_info()
            try:
                kc.get_shell_msg(timeout=0.05)
                break
            except Exception:
                pass
        info = time.perf_counter() - start
        # Make sure iopub is subscribed before timing cells (busy/idle would otherwise be lost).
        while True:
            msg_id = kc.kernel_info()
            kc.get_shell_msg(timeout=10)
            try:
                wait_idle(kc, msg_id, timeout=0.5)
                break
            except Exception:
                pass
        msg_id = kc.execute(first_cell)
        wait_idle(kc, msg_id)
        first = time.perf_counter() - start
        warm = []
        for _ in range(warm_repeats):
            t = time.perf_counter()
            msg_id = kc.execute("1+1")
            wait_idle(kc, msg_id)
            warm.append(time.perf_counter() - t)
        return info, first, statistics.median(warm)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm", type=int, default=50)
    args = parser.parse_args()
    kernels = [("notebookdl-csharp", 'Console.WriteLine("hello");'), ("python3", 'print("hello")')]
    print(f"{'kernel':<20}{'kernel_info_reply':>20}{'first cell':>14}{'warm 1+1':>12}")
    for name, cell in kernels:
        try:
            results = [measure(name, cell, args.warm) for _ in range(args.runs)]
        except Exception as error:  # e.g. ipykernel not installed
            print(f"{name:<20}  unavailable: {error}")
            continue
        info = statistics.median(r[0] for r in results)
        first = statistics.median(r[1] for r in results)
        warm = statistics.median(r[2] for r in results)
        print(f"{name:<20}{info:>19.3f}s{first:>13.3f}s{warm * 1000:>10.1f}ms")


if __name__ == "__main__":
    main()
