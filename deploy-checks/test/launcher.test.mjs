// payara-config/launch-node, the one way every node starts (decision 0018): what it hands the JVM and
// Payara Micro for a given environment. A stand-in `java` prints its arguments instead of running, and
// answers `-version` as a JDK of the version it was made for.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";

const launcher = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../payara-config/launch-node");
let javaHome;
let java17Home;
let jar;

/** A stand-in JDK under `work`, reporting `version` as OpenJDK does (on stderr). */
async function standInJdk(work, version) {
  const home = path.join(work, `jdk-${version}`);
  await mkdir(path.join(home, "bin"), { recursive: true });
  await writeFile(path.join(home, "bin", "java"), [
    "#!/bin/sh",
    `if [ "$1" = -version ]; then echo 'openjdk version "${version}" 2026-10-20' >&2; exit 0; fi`,
    'for a in "$@"; do printf "%s\\n" "$a"; done',
    "",
  ].join("\n"));
  await chmod(path.join(home, "bin", "java"), 0o755);
  return home;
}

before(async () => {
  const work = await mkdtemp(path.join(tmpdir(), "launch-node-"));
  javaHome = await standInJdk(work, "25.0.3");
  java17Home = await standInJdk(work, "17.0.15");
  jar = path.join(work, "chat-node.jar");
  await writeFile(jar, "");
});

/** The arguments the launcher gives java under `environment` (nothing else from this process's). */
function launch(environment) {
  const run = spawnSync("bash", [launcher], {
    env: { PATH: process.env.PATH, JAVA_HOME: javaHome, CHAT_NODE_JAR: jar, ...environment },
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim().split("\n");
}

const after = (args, flag) => args[args.indexOf(flag) + 1];

test("a lone node listens on loopback only and joins no grid", () => {
  const args = launch({});
  assert.ok(args.includes("-Dchat.http.address=127.0.0.1"));
  assert.ok(args.includes("-Dhazelcast.socket.bind.any=false"));
  assert.equal(after(args, "--interfaces"), "127.0.0.1");
  assert.equal(after(args, "--port"), "8080");
  assert.ok(args.includes("--nocluster"));
  assert.equal(after(args, "-jar"), jar);
  assert.ok(!args.some((arg) => arg.startsWith("-Xmx")), "the JVM chooses the heap unless told");
});

test("a node on a private address binds HTTP and the grid there and clusters with the members given", () => {
  const args = launch({
    CHAT_BIND_ADDRESS: "10.40.8.5",
    CHAT_PORT: "8080",
    CHAT_GRID_MEMBERS: "10.40.8.5:6900,10.40.9.7:6900",
    CHAT_CLUSTER_NAME: "chat-production",
    CHAT_NODE_NAME: "i-0abc",
    CHAT_HEAP: "2g",
  });
  assert.ok(args.includes("-Dchat.http.address=10.40.8.5"));
  assert.equal(after(args, "--interfaces"), "10.40.8.5");
  assert.equal(after(args, "--clustermode"), "tcpip:10.40.8.5:6900,10.40.9.7:6900");
  assert.equal(after(args, "--clustername"), "chat-production");
  assert.equal(after(args, "--startport"), "6900");
  assert.equal(after(args, "--name"), "i-0abc");
  assert.ok(args.includes("-Xms2g") && args.includes("-Xmx2g"));
  assert.ok(!args.includes("--nocluster"));
});

test("an unnamed member is not named after anything of the host", () => {
  const args = launch({ CHAT_GRID_MEMBERS: "127.0.0.1:6900" });
  assert.ok(!args.includes("--name"));
});

test("options given later win over the launcher's own", () => {
  const args = launch({ CHAT_JAVA_OPTS: "-Dhazelcast.max.no.heartbeat.seconds=5 -XX:TieredStopAtLevel=1" });
  const ours = args.indexOf("-Dhazelcast.max.no.heartbeat.seconds=20");
  const theirs = args.indexOf("-Dhazelcast.max.no.heartbeat.seconds=5");
  assert.ok(ours >= 0 && theirs > ours);
  assert.ok(args.includes("-XX:TieredStopAtLevel=1"));
});

test("JSON logging hands Payara a logging configuration with its JSON formatter", async () => {
  const args = launch({ CHAT_LOG_FORMAT: "json" });
  const properties = await readFile(after(args, "--logproperties"), "utf8");
  assert.match(properties, /ConsoleHandler\.formatter=fish\.payara\.enterprise\.server\.logging\.JSONLogFormatter/);
});

test("on a Java older than 25 it says which it found and what it needs, and starts nothing", () => {
  const run = spawnSync("bash", [launcher], {
    env: { PATH: process.env.PATH, JAVA_HOME: java17Home, CHAT_NODE_JAR: jar },
    encoding: "utf8",
  });
  assert.notEqual(run.status, 0);
  assert.equal(run.stdout, "");
  assert.match(run.stderr, /needs Java 25 or newer, and .*jdk-17\.0\.15\/bin\/java is Java 17/);
});

test("without the artifact it says how to build it and fails", () => {
  const run = spawnSync("bash", [launcher], {
    env: { PATH: process.env.PATH, JAVA_HOME: javaHome, CHAT_NODE_JAR: "/nonexistent/chat-node.jar" },
    encoding: "utf8",
  });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /no node artifact at \/nonexistent\/chat-node.jar/);
});
