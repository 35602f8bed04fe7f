"""Benchmark peer 3: the study notes' example_to_thread.py as a FastAPI app, the way a Python user would run it.

    /usr/bin/python3 -m uvicorn fastapi_app:app --loop uvloop --http httptools --workers 2 --no-access-log
"""
import asyncio
import hashlib
import os
import time

from fastapi import FastAPI, Response

DATA = os.environ.get("ASYNCIO_LEARN_DATA", "data/files")
app = FastAPI()


def read_file(name: str, latency_ms: int) -> dict:
    if latency_ms:
        time.sleep(latency_ms / 1000)
    digest = hashlib.sha256()
    size = 0
    with open(os.path.join(DATA, os.path.basename(name)), "rb") as f:
        while chunk := f.read(65536):
            digest.update(chunk)
            size += len(chunk)
    return {"name": name, "sizeBytes": size, "sha256": digest.hexdigest()}


@app.get("/io")
async def io(delayMs: int = 100):
    await asyncio.sleep(delayMs / 1000)
    return {"delayMs": delayMs}


@app.get("/file")
async def file(name: str = "1MiB.bin", latencyMs: int = 50):
    return await asyncio.to_thread(read_file, name, latencyMs)


@app.get("/mixed")
async def mixed(delayMs: int = 100, name: str = "1MiB.bin", latencyMs: int = 50):
    await asyncio.sleep(delayMs / 1000)
    data = await asyncio.to_thread(read_file, name, latencyMs)
    await asyncio.sleep(delayMs / 1000)
    return {"delayMs": delayMs, "file": data}


@app.get("/ping")
async def ping():
    return Response("pong", media_type="text/plain")
