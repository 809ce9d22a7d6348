// Runs the function node of a Node-RED flow file on messages the way Node-RED calls it — msg, node, context, global,
// timers — with stand-ins for those, and prints every payload it sends as one JSON array once its flush timer had time
// to fire. Usage: node run-function.js FLOW_FILE METER_TABLE < messages.json (an array of {topic, payload}).
"use strict";
const fs = require("fs");
const [flowFile, tableFile] = process.argv.slice(2);
const fn = JSON.parse(fs.readFileSync(flowFile, "utf8")).find((n) => n.type === "function");
const table = JSON.parse(fs.readFileSync(tableFile, "utf8"));
const store = new Map();
const context = { get: (k) => store.get(k), set: (k, v) => store.set(k, v) };
const global = { get: (k) => (k === "parkMeters" ? table : undefined) };
const sent = [];
const node = { send: (m) => sent.push(m.payload) };
const body = new Function("msg", "node", "context", "global", "setTimeout", "clearTimeout", fn.func);
for (const msg of JSON.parse(fs.readFileSync(0, "utf8"))) {
    body(msg, node, context, global, setTimeout, clearTimeout);
}
setTimeout(() => process.stdout.write(JSON.stringify(sent)), 500);
