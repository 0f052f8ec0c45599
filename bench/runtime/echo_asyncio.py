#!/usr/bin/env python3
"""The echo benchmark of echo_bench.cpp with Python's asyncio streams: 1,000 concurrent
connections on loopback, each sending ROUNDS 32-byte requests and waiting for each echo."""
import asyncio
import resource
import time

CONNECTIONS = 1000
ROUNDS = 100
MESSAGE = 32


async def session(reader, writer):
    while data := await reader.read(1024):
        writer.write(data)
        await writer.drain()
    writer.close()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out = bytes(MESSAGE)
    for _ in range(ROUNDS):
        writer.write(out)
        await writer.drain()
        await reader.readexactly(MESSAGE)
    writer.close()


async def benchmark():
    server = await asyncio.start_server(session, "127.0.0.1", 0, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    start = time.perf_counter()
    await asyncio.gather(*(client(port) for _ in range(CONNECTIONS)))
    elapsed = time.perf_counter() - start
    server.close()
    return elapsed


def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    best = min(asyncio.run(benchmark()) for _ in range(3))
    print(f"RESULT echo.asyncio {CONNECTIONS * ROUNDS / best:.6g} requests/s")


if __name__ == "__main__":
    main()
