"""io/fetch_titles in Python: the source document's mini project, fetch every page and
return its <title> in request order, at most `concurrency` requests in flight, each page's
failure (refused, timed out, truncated, not 200) its own result, never the whole call's.

- py_aiohttp: asyncio + aiohttp + BeautifulSoup, a semaphore for the concurrency (the
  document's own), one ClientSession whose connector holds at most `concurrency`
  connections, kept alive or not;
- py_aiohttp_uvloop: the same on uvloop's event loop;
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

try:
    import aiohttp
    from bs4 import BeautifulSoup, SoupStrainer
except ImportError:  # the variants that need them are skipped (they declare it)
    aiohttp = BeautifulSoup = SoupStrainer = None

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
