// What the chat system depends on from its AWS deployment, and the security rules a scanner such as
// checkov applies to these resources (none installs offline here), asserted on terraform/ itself.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { loadConfiguration, Unresolved } from "./terraform-config.mjs";

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let root;
let balancer;
let nodes;
let heartbeatDefault;

/** The one resource of a type in the whole configuration. */
function only(type) {
  const found = root.resources(type);
  assert.equal(found.length, 1, `one ${type} expected, found ${found.length}`);
  return found[0];
}

const block = (body, name) => body[name]?.[0] ?? {};

/** The CHAT_* variables the root module gives every node, unevaluated. */
const nodeEnvironment = () => root.module.module.nodes[0].node_environment;

before(async () => {
  root = await loadConfiguration(path.join(repository, "terraform"));
  balancer = root.children.balancer;
  nodes = root.children.nodes;
  const config = await readFile(
    path.join(repository, "server-war/src/main/java/chat/server/config/ChatConfig.java"), "utf8");
  heartbeatDefault = Number(config.match(/"chat\.heartbeat\.seconds", defaultValue = "(\d+)"/)[1]);
});

describe("the balancer in front of the nodes", () => {
  test("keeps a quiet socket open longer than three heartbeats, the node's own limit", () => {
    const { scope, body } = only("aws_lb");
    const idle = scope.value(body.idle_timeout);
    assert.ok(idle > 3 * heartbeatDefault, `idle timeout ${idle} s, heartbeat default ${heartbeatDefault} s`);
    assert.ok(idle > 3 * root.variable("heartbeat_seconds"));
    assert.equal(root.value(nodeEnvironment().CHAT_HEARTBEAT_SECONDS), String(root.variable("heartbeat_seconds")));
  });

  test("is sticky by cookie", () => {
    const { body } = only("aws_lb_target_group");
    const stickiness = block(body, "stickiness");
    assert.equal(stickiness.enabled, true);
    assert.equal(stickiness.type, "lb_cookie");
  });

  test("checks readiness, not liveness", () => {
    const { scope, body } = only("aws_lb_target_group");
    assert.equal(scope.value(block(body, "health_check").path), "/health/ready");
  });

  test("keeps a leaving node's connections until its drain is over", () => {
    const { scope, body } = only("aws_lb_target_group");
    const delay = scope.value(body.deregistration_delay);
    const drain = root.variable("drain_seconds");
    assert.ok(delay > drain, `deregistration delay ${delay} s, drain ${drain} s`);
    assert.equal(root.value(nodeEnvironment().CHAT_DRAIN_SECONDS), String(drain));
    const check = block(body, "health_check");
    assert.ok(drain > check.interval * check.unhealthy_threshold, "the balancer notices a draining node within the drain");
  });

  test("speaks HTTPS with TLS 1.2 or later, and HTTP only to redirect", () => {
    const listeners = root.resources("aws_lb_listener");
    const https = listeners.filter(({ body }) => body.protocol === "HTTPS");
    const http = listeners.filter(({ body }) => body.protocol === "HTTP");
    assert.equal(https.length, 1);
    assert.match(https[0].body.ssl_policy, /TLS13-1-2|TLS-1-2/);
    assert.ok(https[0].body.certificate_arn);
    assert.equal(http.length, 1);
    const redirect = block(http[0].body, "default_action");
    assert.equal(redirect.type, "redirect");
    assert.equal(block(redirect, "redirect").protocol, "HTTPS");
  });

  test("drops malformed headers, keeps access logs and hides the nodes' metrics", () => {
    const { body } = only("aws_lb");
    assert.equal(body.drop_invalid_header_fields, true);
    assert.equal(body.xff_header_processing_mode, "append", "the node believes the last X-Forwarded-For entry only");
    assert.equal(block(body, "access_logs").enabled, true);
    const rules = root.resources("aws_lb_listener_rule");
    assert.ok(rules.some(({ body }) =>
      JSON.stringify(block(body, "condition")).includes("/metrics") && block(body, "action").type === "fixed-response"));
  });
});

describe("the firewall in front of the balancer", () => {
  test("blocks floods per address and payloads larger than any route takes", () => {
    const { scope, body } = only("aws_wafv2_web_acl");
    assert.equal(body.scope, "REGIONAL");
    const rules = Object.fromEntries(body.rule.map((rule) => [rule.name, rule]));
    const rate = block(block(rules["requests-per-address"], "statement"), "rate_based_statement");
    assert.equal(rate.aggregate_key_type, "IP");
    assert.ok(scope.value(rate.limit) >= 100);
    const size = block(block(rules["payload-limit"], "statement"), "size_constraint_statement");
    assert.equal(block(block(size, "field_to_match"), "single_header").name, "content-length");
    assert.ok(10 ** size.size > 64 * 1024, "a body the nodes take (64 KiB) is never blocked");
    const bodies = Object.fromEntries(body.custom_response_body.map((custom) => [custom.key, custom]));
    for (const [rule, status] of [["requests-per-address", 429], ["payload-limit", 413]]) {
      const response = block(block(block(rules[rule], "action"), "block"), "custom_response");
      assert.equal(response.response_code, status, rule);
      assert.equal(bodies[response.custom_response_body_key].content_type, "APPLICATION_JSON", `${rule}: the contract's error body`);
    }
    assert.equal(only("aws_wafv2_web_acl_association").body.resource_arn, "${aws_lb.this.arn}");
  });

  test("logs no credential: the headers that carry a token redacted, no request sampled", () => {
    const redacted = only("aws_wafv2_web_acl_logging_configuration").body.redacted_fields
      .map((field) => block(field, "single_header").name ?? Object.keys(field)[0]);
    for (const field of ["authorization", "sec-websocket-protocol", "query_string"]) {
      assert.ok(redacted.includes(field), `${field} is redacted in the firewall's log`);
    }
    const { body } = only("aws_wafv2_web_acl");
    const visibility = [block(body, "visibility_config"), ...body.rule.map((rule) => block(rule, "visibility_config"))];
    for (const config of visibility) {
      assert.equal(config.sampled_requests_enabled, false, "a sampled request shows its headers unredacted");
    }
  });
});

describe("the network's rules", () => {
  const ingress = () => root.resources("aws_vpc_security_group_ingress_rule");
  const covers = (rule, port) => rule.from_port <= port && port <= rule.to_port;
  const openToWorld = (rule) => rule.cidr_ipv4 === "0.0.0.0/0" || rule.cidr_ipv6 === "::/0";

  test("use separate rule resources only, never inline rules that would hide from these checks", () => {
    for (const { name, body } of root.resources("aws_security_group")) {
      assert.equal(body.ingress, undefined, `${name} has inline ingress`);
      assert.equal(body.egress, undefined, `${name} has inline egress`);
    }
  });

  test("open nothing to the world but the balancer's HTTPS and its redirecting HTTP", () => {
    const open = ingress().filter(({ body }) => openToWorld(body));
    assert.ok(open.length > 0);
    for (const { name, body } of open) {
      assert.equal(body.security_group_id, "${aws_security_group.balancer.id}", `${name} is open to the world`);
      assert.ok([443, 80].includes(body.from_port) && body.from_port === body.to_port, `${name} opens ${body.from_port}-${body.to_port}`);
    }
  });

  test("open the grid port only between nodes", () => {
    const grid = root.value(root.module.locals.grid_port);
    const rules = ingress().filter(({ scope, body }) => covers({
      from_port: scope.value(body.from_port), to_port: scope.value(body.to_port) }, grid));
    assert.ok(rules.length > 0, "the nodes must reach each other's grid port");
    for (const { name, body } of rules) {
      assert.equal(body.security_group_id, "${aws_security_group.nodes.id}", name);
      assert.equal(body.referenced_security_group_id, "${aws_security_group.nodes.id}", name);
      assert.equal(body.cidr_ipv4, undefined, name);
    }
  });

  test("let the nodes take HTTP from the balancer alone and the database take PostgreSQL from the nodes alone", () => {
    for (const { name, body } of ingress()) {
      if (body.security_group_id === "${aws_security_group.database.id}") {
        assert.equal(body.referenced_security_group_id, "${aws_security_group.nodes.id}", name);
      }
      if (body.security_group_id === "${aws_security_group.nodes.id}" && !name.includes("grid")) {
        assert.equal(body.referenced_security_group_id, "${aws_security_group.balancer.id}", name);
      }
    }
  });

  test("let the default security group allow nothing", () => {
    const { body } = only("aws_default_security_group");
    assert.equal(body.ingress, undefined);
    assert.equal(body.egress, undefined);
  });

  test("log the VPC's flows", () => {
    assert.equal(only("aws_flow_log").body.traffic_type, "ALL");
  });
});

describe("the database", () => {
  test("is neither public nor unencrypted, survives a zone, and keeps backups", () => {
    const { scope, body } = only("aws_db_instance");
    assert.equal(body.publicly_accessible, false);
    assert.equal(body.storage_encrypted, true);
    assert.ok(body.kms_key_id);
    assert.equal(body.multi_az, true);
    assert.ok(scope.value(body.backup_retention_period) >= 7);
    assert.equal(body.deletion_protection, true);
    assert.equal(body.skip_final_snapshot, false);
  });

  test("has its password made and kept by AWS, never in the configuration", () => {
    const { body } = only("aws_db_instance");
    assert.equal(body.manage_master_user_password, true);
    assert.equal(body.password, undefined);
  });

  test("accepts TLS connections only, and the nodes check its certificate", async () => {
    const userData = await readFile(path.join(repository, "terraform/modules/nodes/user-data.sh.tftpl"), "utf8");
    assert.match(userData, /sslmode=verify-full&sslrootcert=/);
    const { body } = only("aws_db_parameter_group");
    const force = body.parameter.find((parameter) => parameter.name === "rds.force_ssl");
    assert.equal(force?.value, "1");
  });
});

describe("the nodes", () => {
  test("require IMDSv2, one hop", () => {
    for (const { name, body } of root.resources("aws_launch_template")) {
      const metadata = block(body, "metadata_options");
      assert.equal(metadata.http_tokens, "required", name);
      assert.equal(metadata.http_put_response_hop_limit, 1, name);
    }
  });

  test("have encrypted volumes", () => {
    for (const { name, body } of root.resources("aws_launch_template")) {
      for (const device of body.block_device_mappings) {
        assert.equal(block(device, "ebs").encrypted, true, name);
      }
    }
  });

  test("run in the private subnets, checked by the balancer, and roll through an instance refresh", () => {
    const { scope, body } = only("aws_autoscaling_group");
    assert.equal(body.vpc_zone_identifier, "${var.private_subnet_ids}");
    assert.equal(root.module.module.nodes[0].private_subnet_ids, "${module.network.private_subnet_ids}");
    assert.equal(body.health_check_type, "ELB");
    const refresh = block(body, "instance_refresh");
    assert.equal(refresh.strategy, "Rolling");
    assert.ok(scope.value(block(refresh, "preferences").min_healthy_percentage) >= 100);
  });

  test("scale on CPU and on sockets per node", () => {
    const policies = root.resources("aws_autoscaling_policy").map(({ body }) => JSON.stringify(body));
    assert.ok(policies.some((policy) => policy.includes("ASGAverageCPUUtilization")));
    assert.ok(policies.some((policy) => policy.includes("SocketsPerNode")));
  });

  test("read only their own secrets, and the user data holds none", async () => {
    const { body } = only("aws_launch_template");
    assert.doesNotMatch(JSON.stringify(body), /password\s*=|BEGIN [A-Z ]*PRIVATE KEY/i);
    const userData = await readFile(path.join(repository, "terraform/modules/nodes/user-data.sh.tftpl"), "utf8");
    assert.match(userData, /secretsmanager get-secret-value/);
    const policy = nodes.module.data.aws_iam_policy_document.node[0].statement;
    const secrets = policy.find((statement) => statement.sid === "ReadSecrets");
    assert.deepEqual(secrets.actions, ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]);
    assert.notEqual(secrets.resources, "*");
    for (const statement of policy) {
      assert.ok(!statement.actions.some((action) => action.endsWith(":*") || action === "*"), statement.sid);
    }
  });
});

describe("files", () => {
  test("the nodes keep files' bytes in their own bucket, told so by settings the node reads", async () => {
    const environment = nodeEnvironment();
    assert.equal(environment.CHAT_FILE_STORE, "s3");
    assert.equal(environment.CHAT_FILE_S3_BUCKET, "${module.files.bucket}");
    assert.equal(environment.CHAT_FILE_S3_REGION, "${var.region}");
    assert.equal(root.module.module.nodes[0].files_bucket, "${module.files.bucket}");
    const store = await readFile(
      path.join(repository, "server-war/src/main/java/chat/server/file/ConfiguredByteStore.java"), "utf8");
    for (const variable of Object.keys(environment).filter((name) => name.startsWith("CHAT_FILE_"))) {
      const property = variable.toLowerCase().replaceAll("_", ".");
      assert.ok(store.includes(`"${property}"`), `the node reads no ${property}`);
    }
  });

  test("the bucket keeps files until they are deleted, a deleted one a day more, and aborts unfinished uploads after a day", () => {
    const files = root.children.files;
    assert.equal(files.variable("expire_days"), null);
    assert.equal(files.variable("noncurrent_expire_days"), 1);
    const [{ scope, body }] = files.resources("aws_s3_bucket_lifecycle_configuration");
    const rule = body.rule[0];
    assert.equal(block(rule, "filter").prefix, "${var.prefix}/");
    assert.equal(scope.value(block(rule, "filter").prefix), "files/", "the prefix the nodes write under");
    assert.equal(scope.value(block(rule, "abort_incomplete_multipart_upload").days_after_initiation), 1);
  });

  test("the nodes may put, read and delete the objects under files/, find unfinished uploads, and nothing more there", () => {
    const policy = nodes.module.data.aws_iam_policy_document.node[0].statement;
    const onFiles = policy.filter((statement) => JSON.stringify(statement.resources).includes("var.files_bucket"));
    assert.deepEqual(onFiles.map((statement) => statement.sid), ["KeepFiles", "FindUnfinishedUploads"]);
    const [objects, bucket] = onFiles;
    assert.deepEqual(objects.actions,
      ["s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]);
    assert.deepEqual(objects.resources, ["arn:aws:s3:::${var.files_bucket}/files/*"]);
    assert.deepEqual(bucket.actions, ["s3:ListBucketMultipartUploads"]);
    assert.deepEqual(bucket.resources, ["arn:aws:s3:::${var.files_bucket}"]);
  });
});

describe("data at rest and in logs", () => {
  test("every log group is encrypted with the deployment's key and expires", () => {
    const groups = root.resources("aws_cloudwatch_log_group");
    assert.ok(groups.length >= 2);
    for (const { name, body } of groups) {
      assert.ok(body.kms_key_id, `${name} is not encrypted`);
      assert.ok(body.retention_in_days, `${name} keeps logs for ever`);
    }
  });

  test("every bucket is encrypted, private and reachable over TLS only", () => {
    const buckets = root.resources("aws_s3_bucket");
    const perBucket = (type) => root.resources(type).map(({ scope, body }) => `${scope.name}:${body.bucket}`);
    const encrypted = perBucket("aws_s3_bucket_server_side_encryption_configuration");
    const blocked = perBucket("aws_s3_bucket_public_access_block");
    const versioned = perBucket("aws_s3_bucket_versioning");
    const policies = root.resources("aws_s3_bucket_policy").map(({ scope, body }) => `${scope.name}:${body.bucket}`);
    for (const { scope, name } of buckets) {
      const id = `${scope.name}:\${aws_s3_bucket.${name}.id}`;
      assert.ok(encrypted.includes(id), `${id} is not encrypted`);
      assert.ok(blocked.includes(id), `${id} does not block public access`);
      assert.ok(versioned.includes(id), `${id} is not versioned`);
      assert.ok(policies.includes(id), `${id} has no TLS-only policy`);
    }
    for (const { scope } of root.resources("aws_s3_bucket_public_access_block")) {
      for (const { body } of scope.resources("aws_s3_bucket_public_access_block")) {
        for (const flag of ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]) {
          assert.equal(body[flag], true, flag);
        }
      }
    }
  });

  test("secrets and the alarm topic are encrypted with the deployment's key, which rotates", () => {
    for (const { name, body } of root.resources("aws_secretsmanager_secret")) {
      assert.ok(body.kms_key_id, name);
    }
    for (const { name, body } of root.resources("aws_sns_topic")) {
      assert.ok(body.kms_master_key_id, name);
    }
    for (const { name, body } of root.resources("aws_kms_key")) {
      assert.equal(body.enable_key_rotation, true, name);
    }
  });
});

describe("the variables", () => {
  test("each has a description and a type, in every module", () => {
    for (const scope of root.all()) {
      for (const [name, [declared]] of Object.entries(scope.module.variable)) {
        assert.ok(declared.description, `${scope.name}.${name} has no description`);
        assert.ok(declared.type, `${scope.name}.${name} has no type`);
      }
      for (const [name, [declared]] of Object.entries(scope.module.output)) {
        assert.ok(declared.description, `${scope.name} output ${name} has no description`);
      }
    }
  });

  test("the root ones a user sets are validated", () => {
    const unvalidated = Object.entries(root.module.variable)
      .filter(([name, [declared]]) => !declared.validation && name !== "instance_type")
      .map(([name]) => name);
    assert.deepEqual(unvalidated, []);
  });

  test("no default holds a secret", () => {
    for (const scope of root.all()) {
      for (const [name, [declared]] of Object.entries(scope.module.variable)) {
        if (/password|secret|token|private|credential/i.test(name)) {
          assert.ok(declared.default === undefined || declared.default === "", `${scope.name}.${name} has a default`);
        }
        if (typeof declared.default === "string") {
          assert.doesNotMatch(declared.default, /AKIA[0-9A-Z]{16}|BEGIN [A-Z ]*PRIVATE KEY/, `${scope.name}.${name}`);
        }
      }
    }
  });

  test("every value followed from a root default resolves (the evaluator is not fooling these checks)", () => {
    assert.equal(balancer.value(only("aws_lb").body.idle_timeout), 3 * 25 + 45);
    assert.ok(!(balancer.value(only("aws_lb_target_group").body.deregistration_delay) instanceof Unresolved));
  });
});
