/**
 * The training worker (bundled on its own by plugins/bundle.ts): starts the fastest TF.js
 * backend that works here (WebGL through OffscreenCanvas, else WASM, else CPU), loads the
 * checkpoints, and answers the page's requests. One worker serves one widget.
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { useBrowserBackend } from "../env/browser.ts";
import { TrainJob } from "./job.ts";
import { ModelStore, predict } from "./models.ts";
import type { Reply, Request } from "./protocol.ts";

/** The parts of the worker's global scope used here (the DOM lib types `self` as a window). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (reply: Reply) => {
  // Curves travel as transferables, so large answers are not copied.
  const buffers = reply.type === "prediction"
    ? Object.values(reply.models).flatMap((m) => m!.curves.map((c) => c.buffer as ArrayBuffer))
    : [];
  scope.postMessage(reply, buffers);
};

// A MessageChannel task runs sooner than setTimeout(0), which browsers clamp to 4 ms.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

// Created in init, once a backend is chosen, so the scratch network lives on that backend.
let store: ModelStore | undefined;
const job = new TrainJob(post, { yieldToEvents });
let ready: Promise<void> | undefined;

async function init(request: Extract<Request, { type: "init" }>): Promise<void> {
  const backend = await useBrowserBackend({ prefer: request.prefer, wasmPath: request.wasmPath });
  store = new ModelStore();
  const { loaded, missing } = await store.load(request.checkpoints);
  post({ type: "ready", backend, loaded, missing, baseline: tf.memory().numTensors });
}

function handle(request: Request): void {
  switch (request.type) {
    case "predict":
      return post(predict(store!, request, job.theta));
    case "train":
      return job.start(request.settings);
    case "pause":
      return job.pause();
    case "resume":
      return job.resume(request.learningRate);
    case "cancel":
      return job.cancel();
    case "reset":
      return job.reset();
    case "memory":
      return post({ type: "memory", id: request.id, numTensors: tf.memory().numTensors });
    case "dispose":
      job.dispose();
      store?.dispose();
      return post({ type: "disposed", numTensors: tf.memory().numTensors });
  }
}

scope.onmessage = async (event: MessageEvent<Request>) => {
  const request = event.data;
  try {
    if (request.type === "init") {
      ready = init(request);
      await ready;
      return;
    }
    if (!ready) throw new Error(`"${request.type}" arrived before "init"`);
    await ready;
    handle(request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: "error", message, request: request.type });
  }
};
