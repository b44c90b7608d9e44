// terraform/ as data: every module's files parsed by HashiCorp's HCL parser (@cdktf/hcl2json), and
// just enough evaluation to follow a value from a root variable's default through locals and module
// arguments to the resource attribute that uses it. Anything else (resource attributes, functions)
// stays as its expression text.
import { parse } from "@cdktf/hcl2json";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** One module directory: its blocks merged over all its .tf files. */
async function loadModule(directory) {
  const merged = { variable: {}, locals: {}, module: {}, resource: {}, output: {}, data: {} };
  for (const file of (await readdir(directory)).filter((name) => name.endsWith(".tf")).sort()) {
    const json = await parse(file, await readFile(path.join(directory, file), "utf8"));
    for (const [kind, blocks] of Object.entries(json)) {
      if (kind === "locals") {
        for (const block of blocks) Object.assign(merged.locals, block);
      } else if (kind === "resource" || kind === "data") {
        for (const [type, byName] of Object.entries(blocks)) {
          merged[kind][type] = { ...merged[kind][type], ...byName };
        }
      } else if (kind in merged) {
        Object.assign(merged[kind], blocks);
      }
    }
  }
  return merged;
}

/** An expression it could not reduce to a value: a resource attribute, a function call, a list. */
export class Unresolved {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

const ARITHMETIC = /^[\d\s+\-*/().]+$/;

export class Scope {
  constructor(name, module, argumentsOf, parent) {
    this.name = name;
    this.module = module;
    this.argumentsOf = argumentsOf;
    this.parent = parent;
    this.children = {};
  }

  variable(name) {
    const declared = this.module.variable[name]?.[0];
    if (!declared) throw new Error(`${this.name}: no variable ${name}`);
    if (this.argumentsOf && name in this.argumentsOf) {
      return this.parent.value(this.argumentsOf[name]);
    }
    return declared.default;
  }

  /** Evaluates an attribute as hcl2json gives it: a literal, "${expression}" or a template. */
  value(raw) {
    if (typeof raw !== "string" || !raw.includes("${")) return raw;
    const whole = raw.match(/^\$\{([^{}]*)\}$/);
    if (whole) return this.expression(whole[1]);
    return raw.replace(/\$\{([^{}]*)\}/g, (_, inner) => String(this.expression(inner)));
  }

  expression(text) {
    const conversion = text.trim().match(/^tostring\((.*)\)$/);
    if (conversion) {
      const inner = this.expression(conversion[1]);
      return inner instanceof Unresolved ? new Unresolved(text) : String(inner);
    }
    let resolved = true;
    const substituted = text.replace(/\b(var|local|module\.[\w-]+)\.([\w-]+)\b/g, (match, kind, name) => {
      let value;
      if (kind === "var") value = this.variable(name);
      else if (kind === "local") value = this.value(this.module.locals[name]);
      else value = this.children[kind.slice("module.".length)]?.output(name);
      if (value === undefined || value instanceof Unresolved || typeof value === "object") {
        resolved = false;
        return match;
      }
      return typeof value === "string" ? JSON.stringify(value) : String(value);
    });
    if (!resolved) return new Unresolved(text);
    if (ARITHMETIC.test(substituted)) return Function(`"use strict"; return (${substituted});`)();
    if (/^"([^"\\]|\\.)*"$/.test(substituted.trim())) return JSON.parse(substituted.trim());
    return new Unresolved(text);
  }

  output(name) {
    const declared = this.module.output[name]?.[0];
    return declared === undefined ? undefined : this.value(declared.value);
  }

  /** Every resource of a type in this module and the modules below it: [{scope, name, body}]. */
  resources(type) {
    const own = Object.entries(this.module.resource[type] ?? {}).map(([name, [body]]) => ({ scope: this, name, body }));
    return own.concat(Object.values(this.children).flatMap((child) => child.resources(type)));
  }

  /** Every scope: this one and the modules below it. */
  all() {
    return [this].concat(Object.values(this.children).flatMap((child) => child.all()));
  }
}

/** The root module under `directory` with its local modules (a relative source), loaded recursively. */
export async function loadConfiguration(directory, name = "root", argumentsOf = undefined, parent = undefined) {
  const scope = new Scope(name, await loadModule(directory), argumentsOf, parent);
  for (const [child, [call]] of Object.entries(scope.module.module)) {
    if (!call.source.startsWith("./") && !call.source.startsWith("../")) continue;
    scope.children[child] = await loadConfiguration(path.join(directory, call.source), child, call, scope);
  }
  return scope;
}
