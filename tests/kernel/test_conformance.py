"""jupyter_kernel_test (the Jupyter project's conformance test for kernels) against CourseKit's kernel, with C# samples
for every message type it covers. Run by CourseKit.Interactive.Tests (KernelConformanceTests) with the kernelspec
installed into a temporary JUPYTER_DATA_DIR; by hand:

    coursekit kernel install --user && /usr/bin/python3 -m unittest tests/kernel/test_conformance.py -v
"""
import os
import unittest

import jupyter_kernel_test


class CourseKitKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("COURSEKIT_KERNEL_NAME", "coursekit")
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("to stderr");'
    code_generate_error = 'throw new InvalidOperationException("boom");'
    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": '"a" + "b"', "result": "ab"},
        {"code": "new[] { 1, 2, 3 }", "result": "[1, 2, 3]"},
    ]
    code_display_data = [
        {"code": 'display("<b>hi</b>", "text/html");', "mime": "text/html"},
        {"code": "display(42);", "mime": "text/plain"},
    ]
    code_clear_output = 'Console.WriteLine("soon gone"); clear_output();'
    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "Math.Sq", "matches": {"Sqrt"}},
        {"text": "var values = new List<int>(); values.Cou", "matches": {"Count", "CountBy"}},
    ]
    complete_code_samples = ["1 + 1", "var x = 3;", "int Square(int n) => n * n;", "for (int i = 0; i < 3; i++) { }"]
    incomplete_code_samples = ["if (true) {", "int Square(int n)\n{", "var s = \"abc\" +"]
    invalid_code_samples = ["var = ;", "int 3x = 1;", "}"]
    code_inspect_sample = "Console.WriteLine"
    code_history_pattern = "1*1"
    supported_history_operations = ("tail", "range", "search")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The first cell loads and jits Roslyn; on a busy machine that can take longer than the 15 s the tests allow
        # each message, so it runs here first with room (what is tested is the protocol, not the start-up time).
        cls.kc.execute_interactive("var warmUp = 0;", timeout=180)


if __name__ == "__main__":
    unittest.main()
