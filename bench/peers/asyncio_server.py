"""Benchmark peer 4: the leanest asyncio server, standard library only. GET /io?delayMs=d answers a fixed body after d.

    /usr/bin/python3 asyncio_server.py PORT
"""
import asyncio
import sys
from urllib.parse import parse_qs, urlsplit

BODY = b'{"ok":true}'
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)


async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            target = head.split(b" ", 2)[1].decode()
            delay = int(parse_qs(urlsplit(target).query).get("delayMs", ["100"])[0])
            await asyncio.sleep(delay / 1000)
            writer.write(RESPONSE)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port):
    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=8192)
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1])))
