"""An interrupt_request stops `while (true) {}` within a second, and the next cell still sees earlier variables."""
import sys
import time

from jupyter_client.manager import start_new_kernel

km, kc = start_new_kernel(kernel_name="notebookdl-csharp", startup_timeout=60)
try:
    assert kc.execute_interactive('var kept = "still here";', timeout=60)["content"]["status"] == "ok"
    msg_id = kc.execute("while (true) { }")
    time.sleep(1.0)
    started = time.time()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=10)
    elapsed = time.time() - started
    print(f"interrupted after {elapsed:.2f} s: {reply['content']['status']} {reply['content'].get('ename')}")
    if reply["parent_header"]["msg_id"] != msg_id or reply["content"]["status"] != "error":
        sys.exit("FAIL: the loop did not end with an error reply")
    if reply["content"]["ename"] != "KeyboardInterrupt":
        sys.exit(f"FAIL: expected KeyboardInterrupt, got {reply['content']['ename']}")
    if elapsed > 1.0:
        sys.exit(f"FAIL: took {elapsed:.2f} s, more than a second")
    outputs = []
    reply = kc.execute_interactive("kept", timeout=30, output_hook=outputs.append)
    results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
    if results != ["still here"]:
        sys.exit(f"FAIL: the next cell did not see the earlier variable: {results}")
    print("OK")
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
