import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { useDenoBackend } from "../env/deno.ts";
import { TrainJob } from "./job.ts";
import type { JobSettings, Progress, Reply } from "./protocol.ts";

const small: JobSettings = {
  algorithm: "maml",
  iterations: 30,
  learningRate: 1e-3,
  alpha: 0.01,
  seed: 3,
  metaBatch: 4,
  k: 5,
};

/** Runs a job until `until` holds for a reply (or a time limit passes). */
function collect(job: (post: (r: Reply) => void) => TrainJob, until: (r: Reply) => boolean) {
  const replies: Reply[] = [];
  return new Promise<{ job: TrainJob; replies: Reply[] }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("job did not finish in 20 s")), 20_000);
    const created: TrainJob = job((reply) => {
      replies.push(reply);
      if (until(reply)) {
        clearTimeout(timer);
        // Let the loop see the final status before the test inspects it.
        setTimeout(() => resolve({ job: created, replies }), 0);
      }
    });
  });
}

const progress = (replies: Reply[]) => replies.filter((r): r is Progress => r.type === "progress");

Deno.test("a job runs every iteration, batches steps per message and frees its tensors", async () => {
  await useDenoBackend("cpu");
  const baseline = tf.memory().numTensors;
  const { job, replies } = await collect((post) => {
    const job = new TrainJob(post, { sliceMs: 15, heldOutTasks: 5 });
    job.start(small);
    return job;
  }, (r) => r.type === "progress" && r.status === "done");
  const steps = progress(replies).flatMap((p) => p.losses);
  assert.equal(steps.length, small.iterations);
  assert.ok(steps.every(Number.isFinite));
  const last = progress(replies).at(-1)!;
  assert.equal(last.iteration, small.iterations);
  assert.ok(
    last.heldOut && Number.isFinite(last.heldOut.mse),
    "the last message has a held-out error",
  );
  assert.ok(progress(replies).length < small.iterations, "several steps share one message");
  assert.ok(job.theta, "a finished run keeps its θ as the live model");
  job.reset();
  assert.equal(tf.memory().numTensors, baseline);
});

Deno.test("pause stops the steps, resume continues from the same iteration", async () => {
  await useDenoBackend("cpu");
  const baseline = tf.memory().numTensors;
  const replies: Reply[] = [];
  const job = new TrainJob((r) => replies.push(r), { heldOutTasks: 5 });
  const started = performance.now();
  job.start({ ...small, iterations: 1000 });
  await new Promise((r) => setTimeout(r, 300));
  job.pause();
  // Default slices of 33 ms: at most about 30 messages a second reach the page.
  const seconds = (performance.now() - started) / 1000;
  assert.ok(progress(replies).length <= Math.ceil(seconds * 31) + 1, `${replies.length} messages`);
  const paused = progress(replies).at(-1)!;
  assert.equal(paused.status, "paused");
  assert.ok(paused.iteration > 0 && paused.iteration < 1000);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(progress(replies).at(-1)!.iteration, paused.iteration, "no steps while paused");
  job.resume();
  await new Promise((r) => setTimeout(r, 100));
  job.cancel();
  const cancelled = progress(replies).at(-1)!;
  assert.equal(cancelled.status, "cancelled");
  assert.ok(cancelled.iteration > paused.iteration);
  job.reset();
  assert.equal(tf.memory().numTensors, baseline);
});

Deno.test("a diverging run stops, says so and returns to finite weights", async () => {
  await useDenoBackend("cpu");
  const baseline = tf.memory().numTensors;
  // An outer learning rate of 10 sends the loss to Inf within a couple of meta-iterations.
  const { job, replies } = await collect((post) => {
    const job = new TrainJob(post, { sliceMs: 50, heldOutTasks: 5 });
    job.start({ ...small, learningRate: 10, iterations: 200 });
    return job;
  }, (r) => r.type === "progress" && r.status === "diverged");
  const diverged = replies.find((r) => r.type === "diverged");
  assert.ok(diverged && diverged.type === "diverged");
  assert.ok(diverged.restoredTo < diverged.iteration);
  assert.equal(job.status, "diverged");
  const theta = job.theta!;
  const finite = tf.tidy(() => theta.every((p) => tf.all(tf.isFinite(p)).dataSync()[0] === 1));
  assert.ok(finite, "the restored θ is finite");
  assert.ok(progress(replies).flatMap((p) => p.losses).every(Number.isFinite));
  // The reader lowers the learning rate and carries on from the restored weights.
  job.resume(1e-3);
  await new Promise((r) => setTimeout(r, 150));
  job.cancel();
  const last = progress(replies).at(-1)!;
  assert.ok(last.iteration > diverged.restoredTo);
  job.reset();
  assert.equal(tf.memory().numTensors, baseline);
});
