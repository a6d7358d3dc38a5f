#!/usr/bin/python3
"""Starts a Jupyter kernel once through jupyter_client, runs one cell and shuts it down gracefully, so that CourseKit's
kernel saves the JIT profile of its start (src/CourseKit.Interactive/Kernel/KernelJitProfile.cs) and the first start a
learner makes already has its methods compiled ahead on the second core. scripts/setup.sh runs it after publishing.

    /usr/bin/python3 scripts/record-kernel-jit-profile.py [--kernel coursekit] [--code "1 + 1"]
"""
import argparse, subprocess, sys

from jupyter_client.manager import KernelManager


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kernel", default="coursekit")
    parser.add_argument("--code", default="1 + 1")
    args = parser.parse_args()
    km = KernelManager(kernel_name=args.kernel)
    km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        reply = kc.execute_interactive(args.code, timeout=120, output_hook=lambda _: None)
        status = reply["content"]["status"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)  # a shutdown_request, answered after the profile is saved
    if status != "ok":
        sys.exit(f"record-kernel-jit-profile: the cell {args.code!r} ended with status {status!r} in kernel {args.kernel}")


if __name__ == "__main__":
    main()
