"""A message signed with the wrong key must get no reply and execute nothing.

Starts the kernel through jupyter_client, sends an execute_request signed with another key (it would
create a marker file), checks that no reply comes, then checks with a correctly signed request that the
kernel is alive and that the marker was never written.
"""
import os
import sys
import tempfile
from queue import Empty

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

marker = os.path.join(tempfile.mkdtemp(), "executed.txt")
km, kc = start_new_kernel(kernel_name="notebookdl-csharp", startup_timeout=60)
try:
    forged = Session(key=b"not-the-kernel-key", username="attacker")
    msg = forged.msg("execute_request", {"code": f'System.IO.File.WriteAllText(@"{marker}", "pwned");',
                                          "silent": False, "store_history": True, "user_expressions": {},
                                          "allow_stdin": False, "stop_on_error": True})
    forged.send(kc.shell_channel.socket, msg)
    # Only a reply to the forged request counts: start-up's kernel_info_reply can still be queued.
    while True:
        try:
            reply = kc.get_shell_msg(timeout=3)
        except Empty:
            break
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            print("FAIL: the kernel replied to a forged message:", reply["msg_type"])
            sys.exit(1)
    reply = kc.execute_interactive(f'System.IO.File.Exists(@"{marker}")', timeout=30)
    if reply["content"]["status"] != "ok":
        print("FAIL: the kernel stopped answering after the forged message")
        sys.exit(1)
    if os.path.exists(marker):
        print("FAIL: the forged message was executed")
        sys.exit(1)
    print("OK: forged message dropped, kernel alive")
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
