/**
 * Scan workers (`node:worker_threads`): the bundled binary starts copies of itself
 * (`new Worker(__filename)`, the same `dist/cli.js`, in a checkout, an npm install or the
 * vsix), which scan the files they are sent with the same code as the main thread
 * (scanFile.ts) and send back plain results. The main thread assembles the report in walk
 * order, so output does not depend on which worker scanned what.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { createWeakSecretChecker, inspectToken, type VerificationKey } from '../core';
import type { ScanPath } from './files';
import type { ScanPool, ScanWorkerInit } from './scan';
import { chunkBuffer, scanFile, type FileScan } from './scanFile';
import { loadCliKeys } from './verify';

/** `workerData.role` of a scan worker: the entry point checks it to run {@link serveScanWorker} instead of the CLI. */
export const SCAN_WORKER_ROLE = 'token-lens/scan-worker';

/** Files handed to one worker before it reports back: keeps each busy while the main thread collects. */
const IN_FLIGHT_PER_WORKER = 4;

type Task = { readonly id: number; readonly fsPath: Uint8Array; readonly display: string; readonly given: boolean; readonly skipped?: string };
type Reply = { readonly id: number; readonly result: FileScan } | { readonly id: number; readonly failed: string };

/** The worker side: scans each file it is sent, in the order sent. */
export function serveScanWorker(port: MessagePort, init: ScanWorkerInit): void {
  const ready = (async () => {
    const loaded = init.keySources.length ? await loadCliKeys(init.keySources) : { ok: true as const, keys: [] as VerificationKey[] };
    // The main thread loaded the same sources before starting workers, so this does not fail in practice.
    return { inspect: inspectToken, options: init.options, keys: loaded.ok ? loaded.keys : [], weakSecrets: createWeakSecretChecker(), chunk: chunkBuffer() };
  })();
  port.on('message', (task: Task) => {
    void (async () => {
      const ctx = await ready;
      const file: ScanPath = { fsPath: Buffer.from(task.fsPath.buffer, task.fsPath.byteOffset, task.fsPath.byteLength), display: task.display, given: task.given, ...(task.skipped !== undefined ? { skipped: task.skipped } : {}) };
      try {
        port.postMessage({ id: task.id, result: await scanFile(file, init.maxBytes, ctx) } satisfies Reply);
      } catch {
        port.postMessage({ id: task.id, failed: 'scan failed' } satisfies Reply);
      }
    })();
  });
}

/** A pool of `size` workers running `entry` (the CLI's own file). */
export function createScanPool(entry: string, size: number, init: ScanWorkerInit): ScanPool {
  const pending = new Map<number, { resolve: (r: FileScan) => void; reject: (e: Error) => void; worker: number }>();
  const queue: Task[] = [];
  let head = 0;
  const inFlight = new Array<number>(size).fill(0);
  let nextId = 0;
  const workers = Array.from({ length: size }, (_, index) => {
    const workerData = { role: SCAN_WORKER_ROLE, init };
    // From the source tree (tests run src/cli/main.ts through tsx) the worker loads the TypeScript through tsx too.
    const worker = entry.endsWith('.ts') ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, workerData }) : new Worker(entry, { workerData });
    worker.on('message', (reply: Reply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      inFlight[index]!--;
      if ('result' in reply) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.failed));
      dispatch();
    });
    worker.on('error', () => failWorker(index));
    worker.on('exit', () => failWorker(index));
    return worker;
  });
  let closing = false;
  function failWorker(index: number): void {
    if (closing) return;
    for (const [id, waiting] of pending) {
      if (waiting.worker !== index) continue;
      pending.delete(id);
      waiting.reject(new Error('scan worker stopped'));
    }
    inFlight[index] = Number.POSITIVE_INFINITY;
  }
  function dispatch(): void {
    while (head < queue.length) {
      let best = -1;
      for (let i = 0; i < size; i++) if (inFlight[i]! < IN_FLIGHT_PER_WORKER && (best === -1 || inFlight[i]! < inFlight[best]!)) best = i;
      if (best === -1) return;
      const task = queue[head++]!;
      inFlight[best]!++;
      pending.get(task.id)!.worker = best;
      workers[best]!.postMessage(task);
    }
  }
  return {
    scan(file) {
      const id = nextId++;
      const task: Task = { id, fsPath: file.fsPath, display: file.display, given: file.given, ...(file.skipped !== undefined ? { skipped: file.skipped } : {}) };
      return new Promise<FileScan>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: -1 });
        queue.push(task);
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
