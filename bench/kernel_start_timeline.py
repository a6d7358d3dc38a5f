#!/usr/bin/python3
"""One kernel start, as a timeline: what jupyter_client does (the first_result() of compare_notebook_kernels.py:
start_kernel, wait_for_ready, execute_interactive("1 + 1")) beside what CourseKit's kernel does, both in ms from the
moment before KernelManager.start_kernel.

    /usr/bin/python3 bench/kernel_start_timeline.py [--kernel coursekit] [--repeat 1] [--code "1 + 1"]

The kernel is started with COURSEKIT_KERNEL_TRACE=1 (src/CourseKit.Interactive/Kernel/StartupTrace.cs): it writes
"coursekit trace: … (unix MS) [thread] event" lines to stderr, which are read here and placed on the client's clock
(both clocks are this machine's wall clock). Client events are recorded by wrapping jupyter_client's own calls
(kernel_info sent, each message or timeout on shell and iopub), so wait_for_ready runs unchanged.
"""
import argparse, os, queue, re, statistics, subprocess, tempfile, time

from jupyter_client.manager import KernelManager

TRACE = re.compile(r"coursekit trace: \+([0-9.]+) ms \(unix ([0-9]+)\) \[([^\]]*)\] (.*)")


def timeline(kernel, code):
    events, started_unix = [], time.time()
    mark = lambda what: events.append(((time.time() - started_unix) * 1000, "client", what))
    with tempfile.TemporaryFile("w+") as stderr:
        km = KernelManager(kernel_name=kernel)
        km.start_kernel(stderr=stderr, stdout=subprocess.DEVNULL, env={**os.environ, "COURSEKIT_KERNEL_TRACE": "1"})
        mark("start_kernel returned")
        kc = km.client()
        kc.start_channels()
        mark("channels started")
        watch(kc, mark)
        try:
            kc.wait_for_ready(timeout=300)
            mark("wait_for_ready returned")
            kc.execute_interactive(code, timeout=300, output_hook=lambda m: mark(f"iopub {m['msg_type']} (output hook)"))
            mark(f"execute_interactive returned; kernel CPU so far {cpu_ms(km):.0f} ms (user+sys, all threads)")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        stderr.seek(0)
        kernel_lines = stderr.read().splitlines()
    for line in kernel_lines:
        if m := TRACE.search(line):
            since_start, unix_ms, thread, what = float(m[1]), int(m[2]), m[3], m[4]
            events.append((unix_ms - started_unix * 1000, f"kernel {thread}", f"{what}  (+{since_start:.0f} ms after its process start)"))
    return sorted(events, key=lambda e: e[0])


def cpu_ms(km):
    """The kernel process's CPU time so far (a figure a busy machine disturbs less than wall-clock time)."""
    with open(f"/proc/{km.provisioner.process.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def watch(kc, mark):
    """Wraps kernel_info() and the shell and iopub get_msg() so that every send, message and timeout is on the timeline."""
    send = kc.kernel_info
    kc.kernel_info = lambda *a, **k: (mark("kernel_info_request sent"), send(*a, **k))[1]
    for name in ("shell", "iopub"):
        channel = getattr(kc, f"{name}_channel")
        def get_msg(timeout=None, _get=channel.get_msg, _name=name):
            async def run():
                try:
                    msg = await _get(timeout=timeout)
                except queue.Empty:
                    mark(f"{_name}: nothing within {timeout} s")
                    raise
                state = msg["content"].get("execution_state", "")
                mark(f"{_name}: {msg['msg_type']} {state}".rstrip())
                return msg
            return run()
        channel.get_msg = get_msg


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kernel", default="coursekit")
    parser.add_argument("--code", default="1 + 1")
    parser.add_argument("--repeat", type=int, default=1, help="kernel starts; each timeline is printed, then the median first result")
    args = parser.parse_args()
    firsts = []
    for run in range(args.repeat):
        events = timeline(args.kernel, args.code)
        print(f"--- start {run + 1}")
        for ms, who, what in events:
            print(f"{ms:8.1f} ms  {who:32} {what}")
        firsts += [ms for ms, who, what in events if who == "client" and what.startswith("iopub execute_result")][:1]
    if firsts:
        print(f"first result: median {statistics.median(firsts):.0f} ms of {len(firsts)} ({', '.join(f'{f:.0f}' for f in firsts)})")


if __name__ == "__main__":
    main()
