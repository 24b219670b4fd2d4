#!/usr/bin/env python3
"""Start-up time of the chat server: from launching the command to a TCP connection
receiving the welcome line. Standard library only.

    docs/startup_time.py [--port 17990] [--runs 5] [--cpus 1] -- java -jar target/socket-chat.jar

The command gets --chat.port, --server.port=0, --chat.console.enabled=false and
--chat.bind-address=127.0.0.1 appended, or put where an argument says {args}, e.g.

    docs/startup_time.py -- ./mvnw -q spring-boot:run '-Dspring-boot.run.arguments={args}'
 Each run prints its seconds and the CPU seconds the
server had used by then (on Linux; a steadier figure than the wall clock on a busy machine),
then the medians.
"""
import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import time


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return float("nan")


def one_run(command, port, timeout):
    started = time.monotonic()
    server_args = [f"--chat.port={port}", "--server.port=0", "--chat.console.enabled=false",
                   "--chat.bind-address=127.0.0.1"]
    if any("{args}" in part for part in command):
        command = [part.replace("{args}", " ".join(server_args)) for part in command]
    else:
        command = command + server_args
    # a session of its own, so that everything it starts (a forked JVM too) is stopped with it
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while time.monotonic() - started < timeout:
            if process.poll() is not None:
                raise SystemExit(f"the server exited with status {process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
                    sock.settimeout(timeout)
                    data = b""
                    while b"\n" not in data:
                        chunk = sock.recv(256)
                        if not chunk:
                            break
                        data += chunk
                    if data.startswith(b"Welcome to "):
                        return time.monotonic() - started, cpu_seconds(process.pid)
            except OSError:
                pass
            time.sleep(0.005)
        raise SystemExit(f"no welcome line within {timeout} s")
    finally:
        stop(process)


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass
    # whatever the process left in its group
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=17990)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--cpus", help="pin the server to these CPUs (taskset -c)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = [c for c in args.command if c != "--"] if args.command else []
    if not command:
        parser.error("give the command after --")
    if args.cpus:
        command = ["taskset", "-c", args.cpus] + command
    times, cpus = [], []
    for _ in range(args.runs):
        seconds, cpu = one_run(command, args.port, args.timeout)
        times.append(seconds)
        cpus.append(cpu)
        print(f"{seconds:.3f} s, cpu {cpu:.2f} s", flush=True)
    print(f"median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}), "
          f"cpu {statistics.median(cpus):.2f} s, runs {len(times)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
