# Runs AWS CLI commands one after another in a single Python process, so that a test file pays
# the CLI's start (importing about 800 modules, a second or more of CPU) once, not per command.
#
# Each command goes through the same entry point as the `aws` script itself,
# awscli.clidriver.AWSCLIEntryPoint().main(args), with a new botocore session, in the
# environment the request gives: the parsing, signing, serialisation and error reporting are
# the CLI's own.
#
# Protocol: one JSON object a line on stdin, {"args": [...], "env": {...}}; one a line on
# stdout, {"code": N, "stdout": "...", "stderr": "..."}. The CLI's own output is captured and
# never reaches this process's stdout.
import contextlib
import io
import json
import os
import sys

before = dict(os.environ)
import awscli.clidriver  # noqa: E402

# What importing awscli itself sets (AWS_DATA_PATH, where its data files are) stays set.
own = {name: value for name, value in os.environ.items() if before.get(name) != value}
replies = sys.stdout


def captured():
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="replace", write_through=True)


def text(stream):
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8", errors="replace")


for line in sys.stdin:
    request = json.loads(line)
    os.environ.clear()
    os.environ.update({**own, **request["env"]})
    out, err = captured(), captured()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = awscli.clidriver.AWSCLIEntryPoint().main(request["args"])
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
    reply = {"code": code if isinstance(code, int) else 1, "stdout": text(out), "stderr": text(err)}
    replies.write(json.dumps(reply) + "\n")
    replies.flush()
