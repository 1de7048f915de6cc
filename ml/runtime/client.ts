/**
 * The page side of the training runtime, for islands: spawns one worker per widget, sends
 * typed requests, keeps at most one prediction in flight (newer requests replace queued
 * ones, so dragging a point never builds a backlog), and terminates the worker on dispose.
 *
 * One worker per widget, not one per page: a widget's tensors, backend and jobs live and die
 * with it, so unmounting frees its GPU memory at once, and one widget's training never
 * delays another's predictions.
 * @module
 */
import type { AlgorithmName } from "../algorithms/index.ts";
import type { BrowserBackend } from "../env/browser.ts";
import type { JobSettings, PredictRequest, Reply, Request } from "./protocol.ts";
import { SINUSOID_MODELS_PATH, TRAIN_WORKER_URL, WASM_PATH } from "./urls.ts";

/** What a widget hears from its worker. */
export type Listener = (reply: Reply) => void;

/** Answer to a prediction request. */
export type Prediction = Extract<Reply, { type: "prediction" }>;

/**
 * Backends to try, from the page's query string: `?backend=wasm` or `?backend=cpu` forces
 * a fallback (for testing and for readers whose WebGL misbehaves).
 * @example backendPreference("?backend=wasm") // ["wasm", "cpu"]
 */
export function backendPreference(search: string): BrowserBackend[] {
  const forced = new URLSearchParams(search).get("backend");
  if (forced === "cpu") return ["cpu"];
  if (forced === "wasm") return ["wasm", "cpu"];
  return ["webgl", "wasm", "cpu"];
}

/** URLs of the committed checkpoints for the given models. */
export function checkpointUrls(names: AlgorithmName[]): Partial<Record<AlgorithmName, string>> {
  return Object.fromEntries(names.map((n) => [n, `${SINUSOID_MODELS_PATH}${n}.json`]));
}

/** A widget's handle on its own training worker. */
export class TrainClient {
  #worker: Worker;
  #listener: Listener;
  #inFlight: { resolve: (p: Prediction | null) => void; id: number } | undefined;
  #queued:
    | { request: Omit<PredictRequest, "type" | "id">; resolve: (p: Prediction | null) => void }
    | undefined;
  #nextId = 1;
  #memory = new Map<number, (n: number) => void>();
  #disposed: ((n: number) => void) | undefined;
  #closed = false;

  /**
   * Starts a worker, picks its backend and loads the checkpoints; `listener` then receives
   * "ready", progress, divergence and error messages.
   * @example
   * const client = new TrainClient({ checkpoints: checkpointUrls(["maml"]) }, (reply) => console.log(reply));
   */
  constructor(
    options: {
      checkpoints: Partial<Record<AlgorithmName, string>>;
      prefer?: BrowserBackend[];
      workerUrl?: string;
    },
    listener: Listener,
  ) {
    this.#listener = listener;
    this.#worker = new Worker(options.workerUrl ?? TRAIN_WORKER_URL, { type: "module" });
    this.#worker.onmessage = (event: MessageEvent<Reply>) => this.#receive(event.data);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      const message = event.message || "the training worker failed to start";
      listener({ type: "error", message, request: "init" });
    };
    this.#send({
      type: "init",
      prefer: options.prefer ?? ["webgl", "wasm", "cpu"],
      wasmPath: WASM_PATH,
      checkpoints: options.checkpoints,
    });
  }

  /**
   * Fine-tunes models on a task. Resolves with the curves, or with null when a newer request
   * replaced this one before it was sent.
   */
  predict(request: Omit<PredictRequest, "type" | "id">): Promise<Prediction | null> {
    return new Promise((resolve) => {
      if (this.#inFlight) {
        this.#queued?.resolve(null);
        this.#queued = { request, resolve };
        return;
      }
      this.#dispatch(request, resolve);
    });
  }

  /** Starts live meta-training from scratch (replacing any earlier run). */
  train(settings: JobSettings): void {
    this.#send({ type: "train", settings });
  }

  /** Pauses the live run. */
  pause(): void {
    this.#send({ type: "pause" });
  }

  /** Resumes the live run, optionally with a new outer learning rate. */
  resume(learningRate?: number): void {
    this.#send({ type: "resume", learningRate });
  }

  /** Stops the live run, keeping its weights. */
  cancel(): void {
    this.#send({ type: "cancel" });
  }

  /** Discards the live run and its weights. */
  reset(): void {
    this.#send({ type: "reset" });
  }

  /** tf.memory().numTensors in the worker. */
  memory(): Promise<number> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#memory.set(id, resolve);
      this.#send({ type: "memory", id });
    });
  }

  /**
   * Frees the worker's tensors, then terminates it. Resolves with the tensor count the worker
   * reported after freeing (0 when nothing leaked), or -1 if it did not answer in time.
   * The count is also left as a "train-worker-disposed" performance mark for tests.
   */
  dispose(timeoutMs = 1000): Promise<number> {
    if (this.#closed) return Promise.resolve(-1);
    this.#closed = true;
    this.#inFlight?.resolve(null);
    this.#queued?.resolve(null);
    return new Promise<number>((resolve) => {
      const finish = (numTensors: number) => {
        clearTimeout(timer);
        this.#worker.terminate();
        performance.mark("train-worker-disposed", { detail: { numTensors } });
        resolve(numTensors);
      };
      const timer = setTimeout(() => finish(-1), timeoutMs);
      this.#disposed = finish;
      this.#worker.postMessage({ type: "dispose" } satisfies Request);
    });
  }

  #dispatch(
    request: Omit<PredictRequest, "type" | "id">,
    resolve: (p: Prediction | null) => void,
  ): void {
    const id = this.#nextId++;
    this.#inFlight = { resolve, id };
    this.#send({ type: "predict", id, ...request });
  }

  #receive(reply: Reply): void {
    if (reply.type === "prediction") {
      this.#inFlight?.resolve(reply);
      this.#inFlight = undefined;
      const next = this.#queued;
      this.#queued = undefined;
      if (next && !this.#closed) this.#dispatch(next.request, next.resolve);
      return;
    }
    if (reply.type === "memory") {
      this.#memory.get(reply.id)?.(reply.numTensors);
      this.#memory.delete(reply.id);
      return;
    }
    if (reply.type === "disposed") return this.#disposed?.(reply.numTensors);
    if (reply.type === "error" && reply.request === "predict" && this.#inFlight) {
      // A failed prediction must not block the ones after it.
      this.#inFlight.resolve(null);
      this.#inFlight = undefined;
    }
    this.#listener(reply);
  }

  #send(request: Request): void {
    if (!this.#closed) this.#worker.postMessage(request);
  }
}
