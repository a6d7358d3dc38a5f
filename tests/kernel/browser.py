#!/usr/bin/python3
"""A learner in a browser: Debian's Jupyter Notebook server with CourseKit's kernel, driven through headless Chromium
(DevTools protocol, tests/kernel/cdp.py) with keys and clicks. Opens a student chapter (a copy: the chapter file is
never saved over), runs the setup cells with Shift+Enter, types the solution of the first exercise into its cell, runs
it and its check cell and waits for the "passed" badge; runs the following cells until a chart is drawn; adds a cell
with `while (true) { }`, interrupts it with the toolbar's interrupt button, and runs another cell afterwards.
Screenshots of each step go to --screenshots. The kernelspec "coursekit" must be on Jupyter's path (JUPYTER_PATH).

    /usr/bin/python3 tests/kernel/browser.py notebooks/07-softmax-regression.ipynb \
        notebooks/solutions/07-softmax-regression.ipynb --screenshots artifacts/screenshots/browser
"""
import argparse, json, os, secrets, shutil, socket, subprocess, sys, tempfile, time, urllib.request

import nbformat

from cdp import Browser

SHIFT = 8
CTRL = 2
SLOW = 300  # seconds for what waits on the kernel (the first cell loads Roslyn; CI machines are busy)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workspace, port, token):
    server = subprocess.Popen(["jupyter-notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
                               f"--NotebookApp.token={token}", f"--notebook-dir={workspace}"],
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(workspace, "server.log"), "w"))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api?token={token}", timeout=5).close()
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise TimeoutError("the Jupyter server did not start")


def run_selected(browser):
    browser.press("Enter", "Enter", 13, SHIFT)


def wait_executed(browser, index, what):
    browser.wait_until(f"typeof Jupyter.notebook.get_cell({index}).input_prompt_number === 'number' && "
                       f"!Jupyter.notebook.get_cell({index}).element[0].querySelector('.input_prompt').textContent.includes('*')",
                       SLOW, what)


def outputs(browser, index):
    return browser.evaluate(f"(c => c.output_area ? JSON.stringify(c.output_area.outputs) : '[]')(Jupyter.notebook.get_cell({index}))")


def shoot(browser, index, path):
    browser.evaluate(f"Jupyter.notebook.get_cell({index}).element[0].scrollIntoView({{block: 'center'}})")
    browser.pump(0.5)
    browser.screenshot(path)
    print(f"screenshot: {path}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chapter")
    parser.add_argument("solution")
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--plotly", default="node_modules/plotly.js-dist-min/plotly.min.js")
    args = parser.parse_args()
    repo = os.getcwd()
    workspace = tempfile.mkdtemp(prefix="ck-browser-")
    os.makedirs(os.path.join(workspace, "notebooks"))
    name = os.path.basename(args.chapter)
    shutil.copy(args.chapter, os.path.join(workspace, "notebooks", name))
    os.symlink(os.path.join(repo, "artifacts"), os.path.join(workspace, "artifacts"))  # #r "../artifacts/notebook-lib/…"
    token, port = secrets.token_hex(16), free_port()
    server = start_server(workspace, port, token)
    browser = Browser(free_port())
    try:
        learner_session(browser, port, token, name, args)
    finally:
        browser.close()
        server.terminate()
        server.wait(timeout=30)
    print("browser: ok")
    return 0


def learner_session(browser, port, token, name, args):
    student = nbformat.read(args.chapter, as_version=4)
    solutions = {c.get("id"): c.source for c in nbformat.read(args.solution, as_version=4).cells}
    exercise = next(i for i, c in enumerate(student.cells) if c.cell_type == "code" and c.source.lstrip().startswith("// Exercise"))
    browser.serve_locally("*plotly*", os.path.abspath(args.plotly), "application/javascript")
    browser.call("Page.enable")
    browser.call("Page.navigate", url=f"http://127.0.0.1:{port}/notebooks/notebooks/{name}?token={token}")
    browser.wait_until("window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()", SLOW, "the kernel to connect")
    browser.evaluate("Jupyter.notebook.set_autosave_interval(0); Jupyter.notebook.select(0); Jupyter.notebook.command_mode(); true")

    for index in range(exercise):  # the setup cells, with Shift+Enter as a learner runs them
        run_selected(browser)
        if student.cells[index].cell_type == "code":
            wait_executed(browser, index, f"setup cell {index}")
    assert "\"error\"" not in "".join(outputs(browser, i) for i in range(exercise)), "a setup cell failed"

    # What a learner types: the solution without the instructor's markers.
    solution = "\n".join(line for line in solutions[student.cells[exercise].get("id")].split("\n")
                         if "BEGIN SOLUTION" not in line and "END SOLUTION" not in line)
    browser.press("Enter", "Enter", 13)                        # edit mode in the exercise cell
    browser.press("a", "KeyA", 65, CTRL)                       # select what the release left there
    browser.type_text(solution)
    typed = browser.evaluate(f"Jupyter.notebook.get_cell({exercise}).get_text()")
    assert typed == solution, f"the exercise cell holds what was typed?\n--- typed\n{typed}\n--- solution\n{solution}"
    run_selected(browser)
    wait_executed(browser, exercise, "the exercise cell")
    run_selected(browser)
    check = exercise + 1
    wait_executed(browser, check, "the check cell")
    browser.wait_until(f"!!Jupyter.notebook.get_cell({check}).element[0].querySelector('.coursekit-check')", 30, "the check's badge")
    status = browser.evaluate(f"Jupyter.notebook.get_cell({check}).element[0].querySelector('.coursekit-check').dataset.status")
    shoot(browser, check, os.path.join(args.screenshots, "1-check-passed.png"))
    assert status == "passed", f"check cell {check}: badge says {status!r}"

    chart = run_until_chart(browser, check + 1, len(student.cells))
    shoot(browser, chart, os.path.join(args.screenshots, "2-chart.png"))
    interrupt_and_go_on(browser, len(student.cells), args.screenshots)


def run_until_chart(browser, first, count):
    """Runs the cells after the check one by one until one draws a plotly chart; returns its index."""
    for index in range(first, count):
        run_selected(browser)
        if browser.evaluate(f"Jupyter.notebook.get_cell({index}).cell_type") != "code":
            continue
        wait_executed(browser, index, f"cell {index}")
        deadline = time.monotonic() + 180  # plotly.js (4.6 MB) is parsed and the chart drawn; busy machines are slow
        while time.monotonic() < deadline:
            if browser.evaluate(f"!!Jupyter.notebook.get_cell({index}).element[0].querySelector('.js-plotly-plot .main-svg')"):
                return index
            if "plotly" not in outputs(browser, index):
                break
            browser.pump(0.5)
        if "plotly" in outputs(browser, index):
            shown = browser.evaluate(f"Jupyter.notebook.get_cell({index}).element[0].querySelector('.output_subarea').innerText")
            raise AssertionError(f"cell {index} has a chart that did not render; it shows: {shown[:500]!r}")
    raise AssertionError("no cell after the check drew a chart")


def interrupt_and_go_on(browser, count, screenshots):
    browser.evaluate(f"Jupyter.notebook.select({count - 1}); Jupyter.notebook.command_mode(); true")
    browser.press("b", "KeyB", 66)                             # a new cell below the last
    loop = count
    browser.press("Enter", "Enter", 13)
    browser.type_text("Console.WriteLine(\"spinning\");\nwhile (true) { }")
    run_selected(browser)
    browser.wait_until(f"JSON.stringify(Jupyter.notebook.get_cell({loop}).output_area.outputs).includes('spinning')", SLOW, "the loop to start")
    browser.pump(1)
    browser.click('button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]')  # the toolbar's interrupt button (Notebook 6: no id)
    browser.wait_until(f"JSON.stringify(Jupyter.notebook.get_cell({loop}).output_area.outputs).includes('CellInterruptedException')", 60, "the interrupt")
    shoot(browser, loop, os.path.join(screenshots, "3-interrupted.png"))
    browser.press("Enter", "Enter", 13)                        # the next cell (Shift+Enter added one below)
    browser.type_text("20 + 22")
    run_selected(browser)
    wait_executed(browser, loop + 1, "the cell after the interrupt")
    result = json.loads(outputs(browser, loop + 1))
    shoot(browser, loop + 1, os.path.join(screenshots, "4-after-interrupt.png"))
    assert [o.get("data", {}).get("text/plain") for o in result] == ["42"], f"after the interrupt: {result}"


if __name__ == "__main__":
    sys.exit(main())
