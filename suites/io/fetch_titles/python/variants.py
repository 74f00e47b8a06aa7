"""io/fetch_titles in Python: the source document's mini project, fetch every page and
return its <title> in request order, at most `concurrency` requests in flight, each page's
failure (refused, timed out, truncated, not 200) its own result, never the whole call's.

- py_aiohttp: asyncio + aiohttp + BeautifulSoup, a semaphore for the concurrency (the
  document's own), one ClientSession whose connector holds at most `concurrency`
  connections, kept alive or not;
- py_aiohttp_uvloop: the same on uvloop's event loop;
- py_asyncio_streams: asyncio's own streams and no HTTP library: `concurrency` workers, each
  with one connection, reading Content-Length, chunked and until-close bodies;
- py_thread_pool: ThreadPoolExecutor(concurrency) with http.client, one kept connection
  per worker thread;
- py_thread_per_request: one threading.Thread per page, a semaphore for the concurrency,
  a connection per page.

Titles come from BeautifulSoup with the standard library's parser, building only <title>.
Each function returns a list of (title, error) pairs."""

import asyncio
import http.client
import threading
from concurrent.futures import ThreadPoolExecutor

# Each optional import on its own: a variant's process loads only what it declares it
# needs (the runner refuses the others while this module executes).
try:
    from bs4 import BeautifulSoup, SoupStrainer
except ImportError:  # the variants that need it are skipped (they declare it)
    BeautifulSoup = SoupStrainer = None

try:
    import aiohttp
except ImportError:
    aiohttp = None

try:
    import uvloop
except ImportError:
    uvloop = None

_only_title = SoupStrainer("title") if SoupStrainer else None


def title_of(html):
    soup = BeautifulSoup(html, "html.parser", parse_only=_only_title)
    return soup.title.get_text() if soup.title else ""


def _timeout_error(timeout):
    return f"timed out after {round(timeout * 1000)} ms"


# --- asyncio + aiohttp ---------------------------------------------------------------

async def _fetch_one(session, semaphore, url, timeout):
    async with semaphore:
        try:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
                body = await response.read()
                if response.status != 200:
                    return ("", f"HTTP status {response.status}")
                return (title_of(body.decode("utf-8", "replace")), "")
        except asyncio.TimeoutError:
            return ("", _timeout_error(timeout))
        except aiohttp.ClientError as error:
            return ("", f"{type(error).__name__}: {error}")


async def _fetch_all(base, paths, concurrency, keep_alive, timeout):
    semaphore = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency, force_close=not keep_alive)
    async with aiohttp.ClientSession(connector=connector, auto_decompress=False) as session:
        return await asyncio.gather(
            *(_fetch_one(session, semaphore, base + path, timeout) for path in paths))


def py_aiohttp(host, port, prefix, paths, concurrency, keep_alive, timeout):
    base = f"http://{host}:{port}{prefix}"
    return asyncio.run(_fetch_all(base, paths, concurrency, keep_alive, timeout))


def py_aiohttp_uvloop(host, port, prefix, paths, concurrency, keep_alive, timeout):
    base = f"http://{host}:{port}{prefix}"
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(_fetch_all(base, paths, concurrency, keep_alive, timeout))


# --- asyncio streams, HTTP/1.1 by hand ------------------------------------------------

class MalformedResponse(Exception):
    pass


async def _read_response(reader):
    """(status, body, closes) of one response; raises on a malformed or cut one."""
    head = await reader.readuntil(b"\r\n\r\n")  # at most the stream's 64 KiB limit
    lines = head.decode("latin-1").split("\r\n")
    version, _, rest = lines[0].partition(" ")
    code = rest[:3]
    if not version.startswith("HTTP/1.") or not code.isdigit() or not 100 <= int(code) <= 599:
        raise MalformedResponse(f"malformed status line {lines[0][:40]!r}")
    status = int(code)
    headers = {}
    for line in lines[1:]:
        if line:
            name, colon, value = line.partition(":")
            if not colon:
                raise MalformedResponse(f"malformed header line {line[:40]!r}")
            headers[name.strip().lower()] = value.strip()
    connection = headers.get("connection", "").lower()
    closes = connection == "close" or (version == "HTTP/1.0" and connection != "keep-alive")
    if status in (204, 304) or status < 200:
        return status, b"", closes
    if "chunked" in headers.get("transfer-encoding", "").lower():
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip() or b"x", 16)
            if size == 0:
                while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers
                    pass
                return status, b"".join(chunks), closes
            chunks.append(await reader.readexactly(size))
            if await reader.readexactly(2) != b"\r\n":
                raise MalformedResponse("a chunk without its CRLF")
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"])), closes
    return status, await reader.read(), True


async def _close(writer):
    writer.close()
    try:
        await writer.wait_closed()
    except OSError:
        pass


async def _streams_worker(host, port, prefix, paths, indices, results, keep_alive, timeout):
    connection = None  # (reader, writer), kept between pages when the server allows
    request = ("GET {}{} HTTP/1.1\r\nHost: " + f"{host}:{port}\r\nUser-Agent: idiombench\r\n"
               f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n")

    async def page(path):
        nonlocal connection
        if connection is None:
            connection = await asyncio.open_connection(host, port)
        reader, writer = connection
        writer.write(request.format(prefix, path).encode("latin-1"))
        return await _read_response(reader)

    try:
        for i in indices:  # shared by the workers: each page goes to one of them
            try:
                status, body, closes = await asyncio.wait_for(page(paths[i]), timeout)
            except asyncio.TimeoutError:
                results[i] = ("", _timeout_error(timeout))
                closes = True
            except ConnectionRefusedError as error:
                results[i] = ("", f"cannot connect: {error}")
                closes = True
            except (OSError, EOFError, ValueError, asyncio.LimitOverrunError,
                    MalformedResponse) as error:  # IncompleteReadError is an EOFError
                results[i] = ("", f"{type(error).__name__}: {error}")
                closes = True
            else:
                results[i] = (("", f"HTTP status {status}") if status != 200
                              else (title_of(body.decode("utf-8", "replace")), ""))
            if (closes or not keep_alive) and connection is not None:
                await _close(connection[1])
                connection = None
    finally:
        if connection is not None:
            await _close(connection[1])


async def _fetch_all_streams(host, port, prefix, paths, concurrency, keep_alive, timeout):
    results = [None] * len(paths)
    indices = iter(range(len(paths)))
    await asyncio.gather(*(
        _streams_worker(host, port, prefix, paths, indices, results, keep_alive, timeout)
        for _ in range(min(concurrency, len(paths)))))
    return results


def py_asyncio_streams(host, port, prefix, paths, concurrency, keep_alive, timeout):
    return asyncio.run(_fetch_all_streams(host, port, prefix, paths, concurrency, keep_alive, timeout))


# --- threads + http.client -----------------------------------------------------------

def _get(connection, path, keep_alive, timeout):
    """One page over `connection` (reconnecting if the server closed it); (result, reusable)."""
    try:
        headers = {"Connection": "keep-alive" if keep_alive else "close"}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        reusable = keep_alive and not response.will_close
        if response.status != 200:
            return ("", f"HTTP status {response.status}"), reusable
        return (title_of(body.decode("utf-8", "replace")), ""), reusable
    except TimeoutError:
        return ("", _timeout_error(timeout)), False
    except ConnectionRefusedError as error:
        return ("", f"cannot connect: {error}"), False
    except (OSError, http.client.HTTPException) as error:
        return ("", f"{type(error).__name__}: {error}"), False


def py_thread_pool(host, port, prefix, paths, concurrency, keep_alive, timeout):
    local = threading.local()
    opened = []
    opened_lock = threading.Lock()

    def fetch(path):
        connection = getattr(local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
            with opened_lock:
                opened.append(connection)
            local.connection = connection
        result, reusable = _get(connection, prefix + path, keep_alive, timeout)
        if not reusable:
            connection.close()  # http.client connects again on the next request
        return result

    try:
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            return list(pool.map(fetch, paths))
    finally:
        for connection in opened:
            connection.close()


def py_thread_per_request(host, port, prefix, paths, concurrency, keep_alive, timeout):
    results = [None] * len(paths)
    slots = threading.BoundedSemaphore(concurrency)

    def fetch(i):
        try:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
            try:
                results[i], _ = _get(connection, prefix + paths[i], False, timeout)
            finally:
                connection.close()
        finally:
            slots.release()

    threads = []
    for i in range(len(paths)):
        slots.acquire()
        thread = threading.Thread(target=fetch, args=(i,))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    return results
