"""Console.ReadLine through input_request/input_reply, and a restart that yields a fresh kernel."""
import sys

from jupyter_client.manager import start_new_kernel

km, kc = start_new_kernel(kernel_name="notebookdl-csharp", startup_timeout=60)
try:
    prompts = []

    def answer(msg):
        prompts.append(msg["content"])
        kc.input("Ada")

    outputs = []
    reply = kc.execute_interactive('var name = Console.ReadLine();\n$"hello {name}"', allow_stdin=True,
                                   stdin_hook=answer, output_hook=outputs.append, timeout=60)
    results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
    if reply["content"]["status"] != "ok" or results != ["hello Ada"] or len(prompts) != 1:
        sys.exit(f"FAIL: input round trip: {reply['content']} {results} {prompts}")

    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=60)
    reply = kc.execute_interactive("name", timeout=60)
    if reply["content"]["status"] != "error" or reply["content"]["ename"] != "CompilationError":
        sys.exit(f"FAIL: after a restart the old variable should be gone: {reply['content']}")
    reply = kc.execute_interactive("1 + 1", timeout=60)
    if reply["content"]["status"] != "ok":
        sys.exit(f"FAIL: the restarted kernel does not run cells: {reply['content']}")
    print("OK")
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
