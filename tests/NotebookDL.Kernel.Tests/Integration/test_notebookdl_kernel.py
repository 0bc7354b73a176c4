"""jupyter_kernel_test's protocol suite against the NotebookDL C# kernel (kernelspec notebookdl-csharp).

Run by JupyterClientTests.cs with JUPYTER_DATA_DIR pointing at a kernelspec for the freshly built kernel.
"""
import unittest

import jupyter_kernel_test


class NotebookDLKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "notebookdl-csharp"
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("something went wrong");'

    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "var numbers = new List<int> { 1, 2 };\nnumbers.Capa", "matches": {"Capacity"}},
        {"text": "Math.Sqr", "matches": {"Sqrt"}},
    ]
    complete_code_samples = ["1 + 1", "var x = 1;", "for (int i = 0; i < 3; i++) { }", "#!lsmagic"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", 'var s = @"multi', "Console.WriteLine("]
    invalid_code_samples = ["var = ;", "int 1x = 2;"]

    code_generate_error = 'throw new InvalidOperationException("boom");'

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"hello"', "result": "hello"},
        {"code": "new[] { 1, 2, 3 }.Sum()", "result": "6"},
    ]
    code_display_data = [
        {"code": 'display(torch.ones(2, 2));', "mime": "text/plain"},
        {"code": 'display(torch.nn.Linear(2, 1));', "mime": "text/html"},
    ]

    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Console.WriteLine"
    code_page_something = "Console.WriteLine?"
    code_clear_output = 'Console.WriteLine("soon gone"); clear_output();'


if __name__ == "__main__":
    unittest.main()
