import assert from "node:assert/strict";
import { loadCheckpoint } from "../ml/checkpoint.ts";
import { useDenoBackend } from "../ml/env/deno.ts";

await useDenoBackend("cpu");

const script = new URL("./pretrain.ts", import.meta.url).pathname;

async function pretrain(...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, "--backend", "cpu", "--held-out-tasks", "10", ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, stderr);
  return stderr;
}

Deno.test("pretraining writes checkpoints and an interrupted run resumes to the same weights", async () => {
  const tmp = await Deno.makeTempDir();
  const [straight, resumed] = [`${tmp}/straight`, `${tmp}/resumed`];
  await pretrain(
    "--only",
    "fomaml,scratch",
    "--iterations",
    "6",
    "--out",
    straight,
    "--state",
    `${tmp}/s1`,
  );
  // A short first run stands in for an interruption; the second continues its saved state.
  await pretrain("--only", "fomaml", "--iterations", "3", "--out", resumed, "--state", `${tmp}/s2`);
  const log = await pretrain(
    "--only",
    "fomaml",
    "--iterations",
    "6",
    "--out",
    resumed,
    "--state",
    `${tmp}/s2`,
  );
  assert.match(log, /fomaml: resuming at iteration 3/);

  const read = async (path: string) => JSON.parse(await Deno.readTextFile(path));
  const a = await read(`${straight}/fomaml.json`);
  const b = await read(`${resumed}/fomaml.json`);
  assert.deepEqual(b, a);
  assert.equal(a.algorithm, "fomaml");
  assert.equal(a.iterations, 6);
  assert.match(a.notes, /shortened run: 6 of the paper's 70000/);
  assert.deepEqual(Object.keys(a.heldOut.mse), ["0", "1", "10"]);
  const scratch = loadCheckpoint(await read(`${straight}/scratch.json`));
  assert.equal(scratch.checkpoint.iterations, 0);
  await Deno.remove(tmp, { recursive: true });
});
