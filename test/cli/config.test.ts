import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/cli/config.ts";
import { UsageError } from "../../src/errors.ts";

const env = {};

describe("resolveConfig", () => {
  it("defaults build to data/ into graph/ with seed 42 and GEXF 1.2", () => {
    expect(resolveConfig({ argv: ["build"], env })).toMatchObject({
      command: "build",
      inputs: ["data"],
      out: "graph",
      seed: 42,
      strict: false,
      gexfVersion: "1.2",
      topics: "both",
    });
  });

  it.each(["taxonomy", "discovered", "both"])("reads --topics %s", (topics) => {
    expect(resolveConfig({ argv: ["build", "--topics", topics], env })).toMatchObject({ topics });
  });

  it("reads build flags", () => {
    expect(
      resolveConfig({
        argv: [
          "build",
          "a",
          "b/",
          "--out",
          "o",
          "--seed",
          "7",
          "--strict",
          "--gexf-version",
          "1.3",
          "-q",
        ],
        env,
      }),
    ).toMatchObject({
      inputs: ["a", "b/"],
      out: "o",
      seed: 7,
      strict: true,
      gexfVersion: "1.3",
      quiet: true,
      progress: false,
    });
  });

  it("lets flags win over the environment, and the environment over defaults", () => {
    const fromEnv = { LITGRAPH_SEED: "9", LITGRAPH_GRAPH_DIR: "elsewhere" };
    expect(resolveConfig({ argv: ["build"], env: fromEnv })).toMatchObject({
      seed: 9,
      out: "elsewhere",
    });
    expect(resolveConfig({ argv: ["build", "--seed", "1"], env: fromEnv })).toMatchObject({
      seed: 1,
    });
    expect(resolveConfig({ argv: ["stats"], env: fromEnv })).toMatchObject({
      graph: "elsewhere/graph.json",
    });
  });

  it("joins the words of a related query", () => {
    expect(
      resolveConfig({ argv: ["related", "medical", "agents", "-k", "5", "--json"], env }),
    ).toMatchObject({
      command: "related",
      query: "medical agents",
      k: 5,
      json: true,
    });
  });

  it.each([
    [["frobnicate"], /unknown command/],
    [["build", "--seed", "x"], /--seed must be an integer/],
    [["build", "--gexf-version", "2.0"], /1.2 or 1.3/],
    [["build", "--topics", "all"], /--topics must be taxonomy, discovered or both, got "all"/],
    [["build", "--no-such-flag"], /build:.*no-such-flag/],
    [["related"], /needs a query/],
    [["related", "x", "-k", "0"], /at least 1/],
    [["export", "--format", "pdf"], /--format must be/],
  ])("rejects %j", (argv, message) => {
    expect(() => resolveConfig({ argv, env })).toThrow(UsageError);
    expect(() => resolveConfig({ argv, env })).toThrow(message);
  });

  it("answers help and version", () => {
    expect(resolveConfig({ argv: [], env })).toEqual({ command: "help", topic: undefined });
    expect(resolveConfig({ argv: ["build", "--help"], env })).toEqual({
      command: "help",
      topic: "build",
    });
    expect(resolveConfig({ argv: ["--version"], env })).toEqual({ command: "version" });
  });
});
