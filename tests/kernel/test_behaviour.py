"""CourseKit's kernel driven by jupyter_client as a frontend drives it: interrupts (message and SIGINT), stdin,
display updates, output limits, bad messages, a crashing cell and the restart after it, shutdown. Run by
CourseKit.Interactive.Tests (KernelConformanceTests) with the kernelspec in a temporary JUPYTER_DATA_DIR; by hand:

    coursekit kernel install --user && /usr/bin/python3 -m unittest tests/kernel/test_behaviour.py -v
"""
import os
import signal
import subprocess
import tempfile
import time
import unittest

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

KERNEL = os.environ.get("COURSEKIT_KERNEL_NAME", "coursekit")
SLOW = 180  # the first cell loads Roslyn; a busy CI machine gets room


class KernelBehaviourTests(unittest.TestCase):
    def setUp(self):
        self.log = tempfile.TemporaryFile(mode="w+")
        self.km = KernelManager(kernel_name=KERNEL)
        self.km.start_kernel(stderr=self.log)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=SLOW)
        self.run_cell("var ready = 1;", timeout=SLOW)

    def tearDown(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=True)
        self.log.close()

    def run_cell(self, code, timeout=60, **kwargs):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append, **kwargs)
        return reply["content"], outputs

    def kernel_log(self):
        self.log.seek(0)
        return self.log.read()

    def stream_text(self, outputs, name="stdout"):
        return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)

    def wait_for_stream(self, msg_id, text):
        deadline = time.monotonic() + SLOW
        while time.monotonic() < deadline:
            message = self.kc.get_iopub_msg(timeout=SLOW)
            if (message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "stream"
                    and text in message["content"]["text"]):
                return
        self.fail(f"no {text!r} on stdout within {SLOW} s")

    def interrupted_loop_then_state_kept(self, interrupt):
        self.run_cell("var before = 41;")
        msg_id = self.kc.execute("Console.WriteLine(\"looping\");\nwhile (true) { }")
        self.wait_for_stream(msg_id, "looping")  # as a learner does: interrupt once the cell is seen spinning
        time.sleep(1)
        interrupt()
        reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CellInterruptedException")
        self.assertIn("at cell", "\n".join(reply["content"]["traceback"]))
        content, outputs = self.run_cell("before + 1")
        self.assertEqual(content["status"], "ok")
        self.assertEqual([m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"], ["42"])

    def test_interrupt_request_stops_a_spinning_loop_and_keeps_the_state(self):
        self.interrupted_loop_then_state_kept(self.km.interrupt_kernel)  # interrupt_mode "message": control channel

    def test_sigint_stops_a_spinning_loop_and_keeps_the_state(self):
        self.interrupted_loop_then_state_kept(lambda: os.kill(self.km.provisioner.process.pid, signal.SIGINT))

    def test_a_request_queued_behind_a_failing_cell_is_aborted_and_the_next_one_runs(self):
        failing = self.kc.execute('Console.WriteLine("failing soon");\nSystem.Threading.Thread.Sleep(1500);\nthrow new Exception("boom");')
        self.wait_for_stream(failing, "failing soon")
        queued = self.kc.execute("var queued = 1;")  # sent while the failing cell runs, as Run All does
        replies = {}
        while len(replies) < 2:
            reply = self.kc.get_shell_msg(timeout=60)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual(replies, {failing: "error", queued: "aborted"})
        content, outputs = self.run_cell("ready + 1")  # sent after the error was seen: it runs
        self.assertEqual(content["status"], "ok")
        self.assertEqual([m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"], ["2"])

    def test_console_readline_asks_the_frontend_through_stdin(self):
        msg_id = self.kc.execute('var name = Console.ReadLine();\nConsole.WriteLine($"hello, {name}");', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=SLOW)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input("Ada")
        reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual((reply["parent_header"]["msg_id"], reply["content"]["status"]), (msg_id, "ok"))
        _, outputs = self.run_cell('Console.WriteLine(name + "!");')
        self.assertEqual(self.stream_text(outputs), "Ada!\n")

    def test_readline_without_stdin_fails_with_a_message_instead_of_hanging(self):
        content, _ = self.run_cell("Console.ReadLine()", allow_stdin=False)
        self.assertEqual(content["status"], "error")
        self.assertIn("allow_stdin", content["evalue"])

    def test_display_update_is_published_with_the_display_id(self):
        content, outputs = self.run_cell("var shown = display(1);\nshown.Update(2);")
        self.assertEqual(content["status"], "ok")
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1)
        self.assertEqual(len(updates), 1)
        self.assertEqual(shown[0]["content"]["transient"]["display_id"], updates[0]["content"]["transient"]["display_id"])
        self.assertEqual(updates[0]["content"]["data"]["text/plain"], "2")

    def test_a_plotly_net_chart_as_a_cells_value_is_an_execute_result_a_frontend_draws(self):
        library = os.path.abspath("artifacts/notebook-lib/CourseKit.Core.dll")
        code = (f'#r "{library}"\nusing Plotly.NET.CSharp;\n'
                'Chart.Line<double, double, string>(new[] { 1.0, 2.0, 3.0 }, new[] { 4.0, 1.0, 9.0 }, Name: "cost")')
        content, outputs = self.run_cell(code, timeout=SLOW)
        self.assertEqual(content["status"], "ok", content)
        results = [m["content"]["data"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1, [m["msg_type"] for m in outputs])
        figure = results[0]["application/vnd.plotly.v1+json"]
        self.assertEqual(figure["data"][0]["y"], [4.0, 1.0, 9.0])
        self.assertEqual(figure["data"][0]["name"], "cost")
        self.assertIn(".newPlot(id, figure.data, figure.layout, figure.config)", results[0]["text/html"])
        self.assertEqual(results[0]["text/plain"], "Chart: scatter, 1 trace")

    def test_a_cell_printing_100_mb_is_truncated_with_a_note_and_the_kernel_lives(self):
        content, outputs = self.run_cell("for (int i = 0; i < 100; i++) Console.Write(new string('x', 1_000_000));", timeout=SLOW)
        self.assertEqual(content["status"], "ok")
        text = self.stream_text(outputs)
        self.assertLess(len(text), 1_100_000)
        self.assertIn("output truncated", text)
        content, _ = self.run_cell("ready + 1")
        self.assertEqual(content["status"], "ok")

    def test_bad_messages_are_refused_with_a_logged_reason_and_the_kernel_keeps_serving(self):
        info = self.km.get_connection_info()
        context = zmq.Context.instance()
        shell = context.socket(zmq.DEALER)
        shell.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
        try:
            wrong_key = Session(key=b"not-the-key")
            wrong_key.send(shell, wrong_key.msg("kernel_info_request"))
            unsigned = Session(key=b"")
            unsigned.send(shell, unsigned.msg("kernel_info_request"))
            right = Session(key=info["key"])
            right.send(shell, right.msg("no_such_request"))
            header = b'{"msg_type": "kernel_info_request", not json'
            signature = right.sign([header, b"{}", b"{}", b"{}"])
            shell.send_multipart([b"<IDS|MSG>", signature, header, b"{}", b"{}", b"{}"])
            shell.send_multipart([b"no delimiter at all"])
            self.assertEqual(shell.poll(2000), 0, "the kernel answered a message it should have refused")
        finally:
            shell.close(linger=0)
        content, _ = self.run_cell("ready + 1")
        self.assertEqual(content["status"], "ok")
        log = self.kernel_log()
        self.assertIn("the signature does not match", log)
        self.assertIn("unknown message type 'no_such_request'", log)
        self.assertIn("the header frame is not a JSON object", log)
        self.assertIn("without a delimiter", log)
        self.assertGreaterEqual(log.count("refused a message on shell"), 5)

    def test_a_stack_overflow_ends_the_kernel_and_a_restart_serves_again(self):
        self.kc.execute("int Down(int n) { return Down(n + 1) + 1; }\nDown(0)")
        deadline = time.monotonic() + SLOW
        while self.km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.5)
        self.assertFalse(self.km.is_alive(), "expected the process to end on a stack overflow")
        self.km.restart_kernel(now=True)
        self.kc.wait_for_ready(timeout=SLOW)
        content, outputs = self.run_cell("1 + 1", timeout=SLOW)
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["execution_count"], 1)

    def test_shutdown_request_ends_the_process_cleanly(self):
        self.km.request_shutdown()
        self.assertEqual(self.km.provisioner.process.wait(timeout=30), 0)


class ConnectionFileTests(unittest.TestCase):
    def start(self, **fields):
        spec = {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 50101, "iopub_port": 50102, "stdin_port": 50103,
                "control_port": 50104, "hb_port": 50105, "key": "k", "signature_scheme": "hmac-sha256"}
        spec.update(fields)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            import json
            json.dump(spec, f)
        argv = [a.replace("{connection_file}", f.name) for a in KernelManager(kernel_name=KERNEL).kernel_spec.argv]
        return subprocess.run(argv, capture_output=True, text=True, timeout=SLOW)

    def test_a_transport_other_than_tcp_is_refused_naming_it(self):
        done = self.start(transport="ipc")
        self.assertEqual(done.returncode, 2)
        self.assertIn('transport: expected "tcp", actual "ipc"', done.stderr)

    def test_a_signature_scheme_other_than_hmac_sha256_is_refused_naming_it(self):
        done = self.start(signature_scheme="hmac-md5")
        self.assertEqual(done.returncode, 2)
        self.assertIn('signature_scheme: expected "hmac-sha256", actual "hmac-md5"', done.stderr)


if __name__ == "__main__":
    unittest.main()
