#!/usr/bin/env python3
"""Runs the examples of a Markdown document and compares their output with the real output.

Usage: doc_examples.py POV_BIN FILE.md...

Each document runs on its own, in order, in a fresh empty folder (its own HOME, no POV_DB,
POV_CONFIG or XDG variables, NO_COLOR set), in one bash session, so `export` and files carry
over from one example to the next. The convention, also described in docs/guide.md's preface:

- Only ```console blocks run (```sh, ```toml and plain blocks are for reading).
- In a console block, a line `$ COMMAND` is a command; a line ending in `\\` continues it, and
  a here-document (`<<'EOF'`) takes the lines up to its end word. The lines after a command, up
  to the next command, are its expected output: stdout and stderr as one stream.
- `…` alone on a line matches any number of lines (output cut short); `…` within a line
  matches any text (a value that varies, such as a home folder or a timestamp).
- A comment line `# Wed 4 Mar: …` just before a command sets the day the commands after it run
  on (POV_TODAY), in the current year of the document; the weekday must be right. Other comment
  lines before a command are just comments.
- Directives, as HTML comments outside the blocks (invisible on a rendered page):
  `<!-- example: today 2026-03-02 -->` sets the day; `<!-- example: skip -->` leaves the next
  console block out; `<!-- example: run COMMAND -->` runs a command the reader does by hand
  (typing in an editor, say), its output not compared. EDITOR is `true` (an editor that
  changes nothing) until a `run` directive sets another.
- Blank lines at the end of an output are ignored, and so are trailing blanks of each line.

Prints `FAIL: FILE:LINE: COMMAND` with both outputs for each difference; exits 1 if any.
"""

import datetime
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ELLIPSIS = "…"
MONTHS = {m: i + 1 for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}
DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
DAY_COMMENT = re.compile(r"^# (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (" + "|".join(MONTHS) + r")\b")
DIRECTIVE = re.compile(r"^<!-- example: (\w+)(?: (.*?))? -->\s*$")
HEREDOC = re.compile(r"<<-?\s*'?\"?(\w+)'?\"?")
DEFAULT_TODAY = "2026-03-02"


class Step:
    """One thing the session does, in document order."""

    def __init__(self, line, command, expected=None, today=None, hidden=False):
        self.line = line          # of the command in the document
        self.command = command    # shell text
        self.expected = expected  # list of lines, or None for a hidden command
        self.today = today
        self.hidden = hidden


def parse(path):
    """The steps of a document, from its console blocks and directives."""
    lines = open(path, encoding="utf-8").read().split("\n")
    steps = []
    today = DEFAULT_TODAY
    skip_next = False
    i = 0
    while i < len(lines):
        line = lines[i]
        directive = DIRECTIVE.match(line)
        if directive:
            name, value = directive.group(1), (directive.group(2) or "").strip()
            if name == "today":
                datetime.date.fromisoformat(value)
                today = value
            elif name == "skip":
                skip_next = True
            elif name == "run":
                steps.append(Step(i + 1, value, None, today, hidden=True))
            else:
                raise SystemExit(f"{path}:{i + 1}: unknown directive '{name}'")
            i += 1
            continue
        if not line.startswith("```"):
            i += 1
            continue
        fence = line[3:].strip()
        end = i + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        block = lines[i + 1:end]
        if fence == "console" and not skip_next:
            today = parse_block(path, i + 2, block, today, steps)
        if fence == "console":
            skip_next = False
        i = end + 1
    return steps


def comment_run_ahead(block, k):
    """Whether block[k] (a `#` or blank line) starts comments and blanks that lead to a command."""
    while k < len(block):
        text = block[k]
        if text.startswith("$ "):
            return True
        if not (text.startswith("# ") or text.strip() == ""):
            return False
        k += 1
    return False


def parse_block(path, first_line, block, today, steps):
    k = 0
    current = None
    while k < len(block):
        text = block[k]
        if text.startswith("$ "):
            start = k
            command = text[2:]
            heredoc = HEREDOC.search(command)
            while command.endswith("\\") and k + 1 < len(block):
                k += 1
                command += "\n" + block[k]
            if heredoc:
                word = heredoc.group(1)
                while k + 1 < len(block):
                    k += 1
                    command += "\n" + block[k]
                    if block[k].strip() == word:
                        break
            current = Step(first_line + start, command, [], today)
            steps.append(current)
            k += 1
            continue
        if (text.startswith("# ") or text.strip() == "") and comment_run_ahead(block, k):
            day = DAY_COMMENT.match(text)
            if day:
                year = int(today[:4])
                date = datetime.date(year, MONTHS[day.group(3)], int(day.group(2)))
                if DAYS[date.weekday()] != day.group(1):
                    raise SystemExit(f"{path}:{first_line + k}: {date} is a {DAYS[date.weekday()]}, "
                                     f"not a {day.group(1)}")
                today = date.isoformat()
            k += 1
            continue
        if current is None:
            raise SystemExit(f"{path}:{first_line + k}: output before any command in a console block")
        current.expected.append(text)
        k += 1
    return today


def run(pov_bin, steps):
    """Runs the steps in one bash session in a fresh folder; returns each step's output."""
    work = tempfile.mkdtemp(prefix="pov-doc-")
    bin_dir = os.path.join(work, ".bin")
    home = os.path.join(work, "home")
    os.makedirs(bin_dir)
    os.makedirs(home)
    os.symlink(os.path.abspath(pov_bin), os.path.join(bin_dir, "pov"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("POV_DB", "POV_CONFIG", "POV_TODAY", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
                        "VISUAL", "EDITOR", "COLUMNS")}
    # An editor that changes nothing, unless a `run` directive sets one that does what the reader would.
    env.update(HOME=home, NO_COLOR="1", LC_ALL="C.UTF-8", EDITOR="true",
               PATH=bin_dir + os.pathsep + env.get("PATH", ""))
    marker = "\x1e-pov-doc-example-"
    script = [f"cd {shlex.quote(work + '/home')}"]
    for n, step in enumerate(steps):
        script.append(f"export POV_TODAY={step.today}")
        if step.hidden:
            script.append(f"{{ {step.command}\n}} >/dev/null 2>&1 </dev/null")
        else:
            script.append(f"{{ {step.command}\n}} 2>&1 </dev/null")
        script.append(f"printf '\\n{marker}{n}\\n'")
    result = subprocess.run(["bash", "-c", "\n".join(script)], env=env, capture_output=True, text=True,
                            timeout=600)
    outputs = re.split("\n" + re.escape(marker) + r"\d+\n", result.stdout)
    shutil.rmtree(work, ignore_errors=True)
    return outputs[: len(steps)], result.stderr


def normal(lines):
    out = [line.rstrip() for line in lines]
    while out and out[-1] == "":
        out.pop()
    return out


def line_matches(expected, actual):
    if ELLIPSIS not in expected:
        return expected == actual
    pattern = ".*".join(re.escape(part) for part in expected.split(ELLIPSIS))
    return re.fullmatch(pattern, actual) is not None


def matches(expected, actual):
    """Expected lines (`…` alone: any lines) against actual lines."""
    memo = {}

    def go(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if i == len(expected):
            result = j == len(actual)
        elif expected[i].strip() == ELLIPSIS:
            result = any(go(i + 1, k) for k in range(j, len(actual) + 1))
        else:
            result = j < len(actual) and line_matches(expected[i], actual[j]) and go(i + 1, j + 1)
        memo[key] = result
        return result

    return go(0, 0)


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    pov_bin = sys.argv[1]
    failures = 0
    checks = 0
    for path in sys.argv[2:]:
        steps = parse(path)
        outputs, errors = run(pov_bin, steps)
        if len(outputs) < len(steps):
            print(f"FAIL: {path}: the examples stopped after {len(outputs)} of {len(steps)} steps\n{errors}")
            failures += 1
            continue
        for step, output in zip(steps, outputs):
            if step.hidden:
                continue
            checks += 1
            expected = normal(step.expected)
            actual = normal(output.split("\n"))
            if not matches(expected, actual):
                failures += 1
                first = step.command.split("\n")[0]
                print(f"FAIL: {os.path.relpath(path)}:{step.line}: $ {first}")
                print("  wanted:\n" + "\n".join("    " + line for line in expected))
                print("  got:\n" + "\n".join("    " + line for line in actual))
    print(f"{checks} examples, {failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
